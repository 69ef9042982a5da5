using System.CommandLine;
using BenchmarkDotNet.Running;

namespace TechTies.Benchmarks;

/// <summary>
/// The benchmarks program: <c>generate</c> writes a synthetic graph, <c>measure</c> times the side-by-side
/// workloads on one file, <c>peak</c> measures one load's peak resident memory, and anything else runs the
/// BenchmarkDotNet suite with its own arguments.
/// </summary>
public static class Program
{
    /// <summary>Runs a verb, or the BenchmarkDotNet suite.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "generate" or "measure" or "peak")
        {
            return Verbs().Parse(args).Invoke();
        }

        _ = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static RootCommand Verbs()
    {
        var edges = new Option<int>("--edges") { Description = "About how many ties the graph has.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The seed; the same seed and size give the same bytes.", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--out") { Description = "The YAML file to write.", Required = true };
        var generate = new Command("generate", "Write a synthetic format-v1 graph of a realistic shape.") { edges, seed, output };
        generate.SetAction(result =>
        {
            var file = result.GetRequiredValue(output);
            using var stream = new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
            var written = GraphGenerator.Write(stream, result.GetValue(edges), result.GetValue(seed));
            Console.WriteLine($"wrote {file.Name}: {written.Entities} entities, {written.Ties} ties, {written.Contracts} contracts");
            return 0;
        });

        var graph = new Option<FileInfo>("--graph") { Description = "The YAML graph to load.", Required = true };
        var workload = new Option<FileInfo>("--workload") { Description = "JSON with the pairs and entities to use (written by peers.py pick).", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "How many times each workload runs; the fastest run counts.", DefaultValueFactory = _ => 3 };
        var only = new Option<string[]>("--only") { Description = "Run only these workloads (load, memory, pattern, connect, neighbors); the report then lacks the others, so compare cannot read it.", AllowMultipleArgumentsPerToken = true };
        only.AcceptOnlyFromAmong(Measurement.Workloads);
        var measure = new Command("measure", "Time the side-by-side workloads on one graph and print JSON.") { graph, workload, repeat, only };
        measure.SetAction(result =>
        {
            var chosen = result.GetValue(only) is { Length: > 0 } some ? some : Measurement.Workloads;
            Console.WriteLine(Measurement.Run(result.GetRequiredValue(graph).FullName, result.GetRequiredValue(workload).FullName, result.GetValue(repeat), chosen));
            return 0;
        });

        var peakGraph = new Option<FileInfo>("--graph") { Description = "The YAML graph to load.", Required = true };
        var peak = new Command("peak", "Load one graph in this fresh process and print, as JSON, the most resident memory the load took.") { peakGraph };
        peak.SetAction(result =>
        {
            Console.WriteLine(Measurement.PeakOfLoad(result.GetRequiredValue(peakGraph).FullName));
            return 0;
        });

        return new RootCommand("TechTies benchmarks: generate graphs, measure workloads, or run BenchmarkDotNet.") { generate, measure, peak };
    }
}

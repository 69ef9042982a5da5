using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using TechTies.Querying;

namespace TechTies.Benchmarks;

/// <summary>
/// The TechTies side of <c>benchmarks/peers/compare</c>: loads one file and times each workload with a stopwatch
/// (the fastest of a few runs), and reports the answers so the script can check them against the peers' first.
/// </summary>
public static class Measurement
{
    /// <summary>The pattern both sides count.</summary>
    public const string Pattern = "(:company) -[hosts_on]-> (:company) -[contracts_with]-> (:agency)";

    /// <summary>The workloads, in the order they run.</summary>
    public static readonly string[] Workloads = ["load", "memory", "pattern", "connect", "neighbors", "totals"];

    /// <summary>Runs the workloads and returns the JSON report.</summary>
    /// <param name="graphFile">The YAML graph.</param>
    /// <param name="workloadFile">The JSON workload: <c>pairs</c> (for connect) and <c>entities</c> (for neighbors).</param>
    /// <param name="repeat">Runs per workload.</param>
    /// <param name="only">The workloads to run (all of <see cref="Workloads"/> for a report compare can read).</param>
    /// <returns>The JSON text.</returns>
    public static string Run(string graphFile, string workloadFile, int repeat, IReadOnlyCollection<string> only)
    {
        var work = JsonNode.Parse(File.ReadAllText(workloadFile))!;
        var pairs = work["pairs"]!.AsArray().Select(p => (p![0]!.GetValue<string>(), p[1]!.GetValue<string>())).ToArray();
        var centers = work["entities"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();

        var report = new JsonObject();
        TechTiesGraph graph = null!;
        // Memory is measured on every run: the other workloads need a loaded graph anyway.
        if (only.Contains("load"))
        {
            report["load"] = Time(repeat, () =>
            {
                graph = null!;
                graph = Load(graphFile, centers[0]);
            });
            GC.KeepAlive(graph);
        }

        graph = null!;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        graph = Load(graphFile, centers[0]);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        report["entities"] = graph.Entities.Length;
        report["ties"] = graph.Ties.Length;
        report["warnings"] = graph.Warnings.Length;
        report["memory_bytes"] = held;
        if (only.Contains("memory"))
        {
            // In a fresh process of its own: this one has loaded the graph several times already.
            report["peak_load_bytes"] = PeakInFreshProcess(graphFile);

            // What the graph holds after being used: an export reads every id and field once and must not leave them behind.
            graph.Export(ExportFormat.Json, Stream.Null);
            report["memory_after_export_bytes"] = GC.GetTotalMemory(forceFullCollection: true) - before;

            // The index of names (for Find) is built on the first lookup by name, which the workloads do not make.
            _ = graph.TryFind("a name no entity has", out _);
            report["memory_after_name_lookup_bytes"] = GC.GetTotalMemory(forceFullCollection: true) - before;
        }

        if (only.Contains("pattern"))
        {
            var matches = 0L;
            report["pattern"] = Time(repeat, () => matches = CountMatches(graph));
            report["pattern_matches"] = matches;
        }

        if (only.Contains("connect"))
        {
            Connect(graph, pairs, repeat, report);
        }

        if (only.Contains("neighbors"))
        {
            Neighbors(graph, centers, repeat, report);
        }

        if (only.Contains("totals"))
        {
            Totals(graph, repeat, report);
        }

        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The options of the totals workload: every contract's amount, grouped by parent (the top of the subsidiary_of chain).</summary>
    public static TotalsOptions TotalsByParent { get; } = new() { By = TotalsGrouping.Parent };

    // Totals by parent over every contract; the answer is every parent's total in canonical form, which compare checks
    // against pandas' to the cent.
    private static void Totals(TechTiesGraph graph, int repeat, JsonObject report)
    {
        MoneyTotals totals = null!;
        report["totals"] = Time(repeat, () => totals = graph.Totals(TotalsByParent));
        var answer = new JsonObject();
        foreach (var group in totals.Groups)
        {
            answer[group.Id] = string.Join(" + ", group.Totals);
        }

        report["totals_groups"] = answer;
        report["totals_contracts"] = totals.ContractCount;
    }

    private static void Connect(TechTiesGraph graph, (string, string)[] pairs, int repeat, JsonObject report)
    {
        var distances = new int[pairs.Length];
        var pathCounts = new int[pairs.Length];
        var truncated = 0;
        var options = new ConnectOptions { MaxHops = 4, AllShortest = true, MaxExpansions = 10_000_000 };
        var connect = Time(repeat, () =>
        {
            truncated = 0;
            for (var i = 0; i < pairs.Length; i++)
            {
                var paths = graph.Connect(pairs[i].Item1, pairs[i].Item2, options);
                distances[i] = paths.Count == 0 ? -1 : paths[0].Steps.Length;
                pathCounts[i] = paths.Count;
                truncated += paths.IsTruncated ? 1 : 0;
            }
        });
        report["connect"] = connect;
        report["connect_distances"] = new JsonArray([.. distances.Select(d => (JsonNode)d)]);
        report["connect_paths"] = new JsonArray([.. pathCounts.Select(c => (JsonNode)c)]);
        report["connect_truncated"] = truncated;
    }

    private static void Neighbors(TechTiesGraph graph, string[] centers, int repeat, JsonObject report)
    {
        // The peers count the nodes of each ego network, as Count does; listing them in order is timed beside it.
        var sizes = new int[centers.Length];
        var neighbors = Time(repeat, () =>
        {
            for (var i = 0; i < centers.Length; i++)
            {
                sizes[i] = graph.Neighbors(centers[i], 2).Count;
            }
        });
        var listed = Time(repeat, () =>
        {
            for (var i = 0; i < centers.Length; i++)
            {
                sizes[i] = graph.Neighbors(centers[i], 2).Entities.Length;
            }
        });

        report["neighbors"] = neighbors;
        report["neighbors_nodes"] = new JsonArray([.. sizes.Select(s => (JsonNode)s)]);
        report["neighbors_listed"] = listed;
    }

    /// <summary>Counts the matches of <see cref="Pattern"/> with <c>graph.Count</c>, which keeps no paths and has no limit.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The number of paths.</returns>
    public static long CountMatches(TechTiesGraph graph)
    {
        var query = PathQuery.Parse(Pattern, graph) with { MaxExpansions = int.MaxValue };
        var result = graph.Count(query);
        return result.IsTruncated ? throw new InvalidOperationException(result.TruncationReason) : result.Count;
    }

    // A load is only done when the graph can be queried: the first query builds the compact index.
    private static TechTiesGraph Load(string file, string anyEntity)
    {
        var graph = TechTiesGraph.Load(file);
        _ = graph.Neighbors(anyEntity, 1);
        return graph;
    }

    // The fastest of the timed runs, after warm-up runs (at least two, and at least two seconds) so that the JIT has
    // compiled the hot methods with its optimizing tier, as in a notebook that has run a query before; the first,
    // cold run is reported too. Times are CPU time of the process (the clock Python's time.process_time reads), so
    // that other work on a shared machine does not count; wall-clock times are reported beside them.
    private static JsonObject Time(int repeat, Action action)
    {
        var watch = Stopwatch.StartNew();
        var cpu = CpuSeconds();
        action();
        var cold = CpuSeconds() - cpu;
        for (var runs = 1; runs < 3 || watch.Elapsed < TimeSpan.FromSeconds(2); runs++)
        {
            action();
        }

        Thread.Sleep(200);
        var best = double.MaxValue;
        var bestWall = double.MaxValue;
        for (var r = 0; r < repeat; r++)
        {
            watch.Restart();
            cpu = CpuSeconds();
            action();
            best = Math.Min(best, CpuSeconds() - cpu);
            bestWall = Math.Min(bestWall, watch.Elapsed.TotalSeconds);
        }

        return new JsonObject { ["seconds"] = best, ["wall_seconds"] = bestWall, ["cold_seconds"] = cold };
    }

    private static double CpuSeconds()
    {
        const int ProcessCpuTimeClock = 2;
        return ClockGetTime(ProcessCpuTimeClock, out var time) == 0 ? time.Seconds + (time.Nanoseconds / 1e9) : throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>
    /// The most resident memory one load takes: the process's peak resident set (<c>VmHWM</c>) after loading
    /// <paramref name="graphFile"/>, less its resident set before, once the loader's code is compiled (by loading the
    /// built-in graph), as the peer's baseline has its modules imported. Linux only; run in a fresh process.
    /// </summary>
    /// <param name="graphFile">The YAML graph.</param>
    /// <returns>The JSON text: <c>peak_load_bytes</c> and <c>ties</c>.</returns>
    public static string PeakOfLoad(string graphFile)
    {
        GC.KeepAlive(TechTiesGraph.LoadBuiltIn());
        GC.Collect();
        var before = StatusBytes("VmRSS:");
        var graph = TechTiesGraph.Load(graphFile);
        var report = new JsonObject { ["peak_load_bytes"] = StatusBytes("VmHWM:") - before, ["ties"] = graph.Ties.Length };
        return report.ToJsonString();
    }

    private static long PeakInFreshProcess(string graphFile)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Measurement).Assembly.Location);
        }

        foreach (var arg in (string[])["peak", "--graph", graphFile])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? JsonNode.Parse(output)!["peak_load_bytes"]!.GetValue<long>()
            : throw new InvalidOperationException($"peak --graph {graphFile} exited with {process.ExitCode}");
    }

    // A size line of /proc/self/status, such as "VmHWM:   123456 kB", in bytes.
    private static long StatusBytes(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new PlatformNotSupportedException($"/proc/self/status has no {field} line");
    }
}

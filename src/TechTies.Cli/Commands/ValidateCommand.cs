using System.CommandLine;

namespace TechTies.Cli;

/// <summary><c>techties validate</c>: load and check the data, report every problem.</summary>
internal static class ValidateCommand
{
    public static Command Create(GlobalOptions options)
    {
        var strict = new Option<bool>("--strict") { Description = "Treat warnings that strict validation forbids (a tie without a source, probable duplicates) as errors" };
        var command = new Command("validate", $"""
            Check graph files: syntax, fields, ids, references, dates, amounts and citations. Every problem is listed
            on stderr as file:line:col: error CODE: message; the codes are documented in docs/format.md. Probable
            duplicate entities (techties duplicates) are warnings (TT0078), errors with --strict.

            Examples:
              techties validate
              techties validate --data graphs/ --data my-reporting.yaml --strict
              techties validate --data my-graphs/ --format json

            {ExitCodes.Help}
            """);
        command.Options.Add(strict);
        command.SetAction(parse =>
        {
            var context = options.Context(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var isStrict = parse.GetValue(strict);
            var graph = context.Load(out var exit, new LoadOptions { Strict = isStrict });
            var duplicates = graph is null ? [] : DuplicatesCommand.AsDiagnostics(graph, isStrict);
            if (duplicates.Count > 0)
            {
                context.WriteDiagnostics(duplicates.Where(d => isStrict || !context.Quiet));
                if (isStrict)
                {
                    graph = null;
                    exit = ExitCodes.InvalidData;
                }
            }
            if (context.Json)
            {
                context.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("valid", graph is not null);
                    if (graph is not null)
                    {
                        w.WriteNumber("entities", graph.Entities.Length);
                        w.WriteNumber("ties", graph.Ties.Length);
                        w.WriteNumber("warnings", graph.Warnings.Length + duplicates.Count);
                        PathOutput.WriteWarnings(w, graph, duplicates.Select(d => d.ToString()), "warningMessages");
                    }

                    w.WriteEndObject();
                });
            }
            else if (graph is not null)
            {
                var count = graph.Warnings.Length + duplicates.Count;
                var warnings = count == 1 ? "1 warning" : $"{count} warnings";
                context.Out.WriteLine($"valid: {context.DataDescription}: {graph.Entities.Length} entities, {graph.Ties.Length} ties, {warnings}");
            }

            return exit;
        });
        return command;
    }
}

using System.CommandLine;

namespace TechTies.Cli;

/// <summary><c>techties stats</c>: what the graph holds.</summary>
internal static class StatsCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("stats", $"""
            Count the entities by kind and the ties by relationship type.

            Examples:
              techties stats
              techties stats --data my-graphs/ --format json

            {ExitCodes.Help}
            """);
        command.SetAction(parse =>
        {
            var context = options.Context(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var graph = context.Load(out var exit);
            if (graph is null)
            {
                return exit;
            }

            var stats = graph.Stats();
            if (context.Json)
            {
                context.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("entities", stats.Entities);
                    w.WriteNumber("ties", stats.Ties);
                    w.WriteStartObject("entitiesByKind");
                    foreach (var (kind, count) in stats.EntitiesByKind)
                    {
                        w.WriteNumber(kind.ToName(), count);
                    }

                    w.WriteEndObject();
                    w.WriteStartObject("tiesByType");
                    foreach (var (type, count) in stats.TiesByType)
                    {
                        w.WriteNumber(type, count);
                    }

                    w.WriteEndObject();
                    w.WriteNumber("undatedTies", stats.UndatedTies);
                    w.WriteNumber("unsourcedTies", stats.UnsourcedTies);
                    w.WriteNumber("disputedFields", stats.DisputedFields);
                    w.WriteNumber("warnings", stats.Warnings);
                    PathOutput.WriteWarnings(w, graph, [], "warningMessages");
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            var o = context.Out;
            o.WriteLine($"{context.DataDescription}: {stats.Entities} entities, {stats.Ties} ties");
            o.WriteLine();
            o.WriteLine("Entities by kind");
            foreach (var (kind, count) in stats.EntitiesByKind)
            {
                o.WriteLine($"  {kind.ToName(),-16}{count,6}");
            }

            o.WriteLine();
            o.WriteLine("Ties by type");
            foreach (var (type, count) in stats.TiesByType)
            {
                o.WriteLine($"  {type,-16}{count,6}");
            }

            o.WriteLine();
            o.WriteLine($"Undated ties: {stats.UndatedTies}; ties without a source: {stats.UnsourcedTies}; fields where sources differ: {stats.DisputedFields}");
            return ExitCodes.Success;
        });
        return command;
    }
}

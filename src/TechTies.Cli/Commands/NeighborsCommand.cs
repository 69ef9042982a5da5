using System.CommandLine;
using TechTies.Querying;

namespace TechTies.Cli;

/// <summary><c>techties neighbors &lt;entity&gt;</c>: the entities within some steps of one, and the ties among them.</summary>
internal static class NeighborsCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = new Argument<string>("entity") { Description = "An id, name or alias" };
        var hops = new Option<int>("--hops") { Description = $"How many steps out, either direction (1 to {PathQuery.MaxHopsLimit})", DefaultValueFactory = _ => 1, CustomParser = WholeNumbers.Between(1, PathQuery.MaxHopsLimit) };
        var types = new Option<string[]>("--types") { Description = "Walk only these relationship types (comma-separated or repeated), such as contracts_with,part_of", CustomParser = Lists.Parse };
        var command = new Command("neighbors", $"""
            List the entities within --hops steps of an entity (ties walked either way), nearest first, and the ties
            among them.

            Examples:
              techties neighbors ice
              techties neighbors palantir --hops 2 --types contracts_with,part_of
              techties neighbors cbp --format json

            {ExitCodes.Help}
            """);
        command.Arguments.Add(name);
        command.Options.Add(hops);
        command.Options.Add(types);
        command.Options.Add(options.AnswerFormat);
        var output = PictureOutput.Out();
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var context = options.Context(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (PictureOutput.CheckOut(context, parse.GetValue(output)) is { } usage)
            {
                return usage;
            }

            var walk = parse.GetValue(types) ?? [];
            if (!context.CheckHops("--hops", parse.GetValue(hops)))
            {
                return ExitCodes.Usage;
            }

            var graph = context.Load(out var exit);
            if (graph is null)
            {
                return exit;
            }

            if (!context.CheckTypes(graph, walk))
            {
                return ExitCodes.Usage;
            }

            return context.Ask(() =>
            {
                var neighborhood = graph.Neighbors(parse.GetValue(name)!, parse.GetValue(hops), walk);
                if (context.Picture is not null)
                {
                    return PictureOutput.Write(context, neighborhood.ToPicture(), parse.GetValue(output));
                }

                if (context.Json)
                {
                    context.WriteJson(w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("command", "neighbors");
                        w.WriteString("center", neighborhood.Center.Id);
                        w.WriteNumber("hops", parse.GetValue(hops));
                        w.WriteStartArray("types");
                        foreach (var type in walk)
                        {
                            w.WriteStringValue(type);
                        }

                        w.WriteEndArray();
                        w.WriteStartArray("members");
                        foreach (var entity in neighborhood.Entities)
                        {
                            w.WriteStartObject();
                            w.WriteString("id", entity.Id);
                            w.WriteNumber("distance", neighborhood.DistanceOf(entity)!.Value);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        PathOutput.WriteGraphPart(w, graph, neighborhood.Entities, neighborhood.Ties);
                        PathOutput.WriteWarnings(w, graph, []);
                        w.WriteEndObject();
                    });
                    return ExitCodes.Success;
                }

                WriteText(context.Out, neighborhood, PathOutput.SourceNote(graph, neighborhood.Center));
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static void WriteText(TextWriter o, Neighborhood neighborhood, string? sourceNote)
    {
        var others = neighborhood.Entities.Length - 1;
        o.WriteLine($"{neighborhood.Center.Name} ({neighborhood.Center.Id}): {others} {(others == 1 ? "neighbour" : "neighbours")}, {neighborhood.Ties.Length} {(neighborhood.Ties.Length == 1 ? "tie" : "ties")}");
        o.WriteLine();
        if (sourceNote is not null)
        {
            o.WriteLine(sourceNote);
            return;
        }

        var idWidth = Math.Max(2, neighborhood.Entities.Max(e => e.Id.Length));
        o.WriteLine($"  {"steps",-5}  {"kind",-8}  {"id".PadRight(idWidth)}  name");
        foreach (var entity in neighborhood.Entities.Skip(1))
        {
            o.WriteLine($"  {neighborhood.DistanceOf(entity),5}  {entity.Kind.ToName(),-8}  {entity.Id.PadRight(idWidth)}  {entity.Name}");
        }

        if (neighborhood.Ties.IsEmpty)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine("Ties");
        // Parallel ties (two contracts between the same vendor and agency) are told apart by their contract; ties that
        // would still read the same are told apart by their ids.
        var lines = neighborhood.Ties.Select(tie => (Tie: tie, Text: $"  {tie.From.Id} -> {tie.Type.Label} -> {tie.To.Id}{Details(tie)}")).ToList();
        var repeated = lines.GroupBy(l => l.Text, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (tie, text) in lines)
        {
            o.WriteLine(repeated.Contains(text) ? $"{text} [{tie.Id}]" : text);
        }
    }

    private static string Details(Tie tie)
    {
        var dates = (tie.Since, tie.Until) switch
        {
            (null, null) => null,
            ({ } s, null) => $"since {s}",
            (null, { } u) => $"until {u}",
            ({ } s, { } u) => $"{s} to {u}",
        };
        string[] details = [.. new[] { tie.Contract is { } contract ? $"contract {contract.Id}" : null, dates }.OfType<string>()];
        return details.Length == 0 ? string.Empty : $" ({string.Join(", ", details)})";
    }
}

using System.CommandLine;
using TechTies.Querying;

namespace TechTies.Cli;

/// <summary><c>techties connect &lt;a&gt; &lt;b&gt;</c>: how two entities are connected, shortest first.</summary>
internal static class ConnectCommand
{
    public static Command Create(GlobalOptions options)
    {
        var a = new Argument<string>("a") { Description = "An id, name or alias" };
        var b = new Argument<string>("b") { Description = "An id, name or alias" };
        var maxHops = new Option<int>("--max-hops") { Description = $"The most steps a connection takes (1 to {PathQuery.MaxHopsLimit})", DefaultValueFactory = _ => ConnectOptions.Default.MaxHops, CustomParser = WholeNumbers.Between(1, PathQuery.MaxHopsLimit) };
        var count = new Option<int>("--count") { Description = "The most connections to list; a cut is always reported", DefaultValueFactory = _ => ConnectOptions.Default.Count, CustomParser = WholeNumbers.Parse };
        var allShortest = new Option<bool>("--all-shortest") { Description = "List every shortest connection and nothing longer" };
        var directed = new Option<bool>("--directed") { Description = "Follow ties only in their direction (from a towards b)" };
        var asOf = new Option<string>("--asof") { Description = "Only ties that held on this date (2018, 2018-08 or 2018-08-01)" };
        var command = new Command("connect", $"""
            How is <a> connected to <b>? The shortest connections first, whichever way the ties point unless --directed,
            as arrows and as sentences with footnoted sources.

            Examples:
              techties connect salesforce ice
              techties connect palantir cbp --max-hops 3 --count 5
              techties connect palantir-open-letter-2018 dhs --all-shortest --format json

            {ExitCodes.Help}
            """);
        command.Arguments.Add(a);
        command.Arguments.Add(b);
        command.Options.Add(maxHops);
        command.Options.Add(count);
        command.Options.Add(allShortest);
        command.Options.Add(directed);
        command.Options.Add(asOf);
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

            if (!context.CheckHops("--max-hops", parse.GetValue(maxHops)) || !context.TryParseDate(parse.GetValue(asOf), out var date))
            {
                return ExitCodes.Usage;
            }

            if (parse.GetValue(count) < 1)
            {
                context.WriteError("usage", $"--count is {parse.GetValue(count)}; it must be at least 1.");
                return ExitCodes.Usage;
            }

            var graph = context.Load(out var exit);
            if (graph is null)
            {
                return exit;
            }

            var connectOptions = new ConnectOptions
            {
                MaxHops = parse.GetValue(maxHops),
                Count = parse.GetValue(count),
                AllShortest = parse.GetValue(allShortest),
                Directed = parse.GetValue(directed),
                AsOf = date,
            };
            return context.Ask(() =>
            {
                var paths = graph.Connect(parse.GetValue(a)!, parse.GetValue(b)!, connectOptions);
                var why = paths.IsEmpty ? WhyNone(graph, graph.Find(parse.GetValue(a)!), graph.Find(parse.GetValue(b)!), connectOptions) : null;
                return PathOutput.Write(context, graph, "connect", paths, why, parse.GetValue(output));
            });
        });
        return command;
    }

    // Why no connection was found, and whether a larger --max-hops could find one: not for an entity and itself, nor
    // for a source (cited, not tied), nor for an entity without a single tie, nor for two entities no connection of any length joins (the library tells),
    // nor beyond the largest --max-hops; otherwise the --max-hops that finds the shortest.
    private static string WhyNone(TechTiesGraph graph, Entity from, Entity to, ConnectOptions options)
    {
        if (from == to)
        {
            return $"{from.Name} ({from.Id}) is the same entity both times: a connection joins two different entities.";
        }

        if (PathOutput.SourceNote(graph, from, to) is { } source)
        {
            return source;
        }

        var alone = new[] { from, to }.Where(e => graph.TiesFrom(e).IsEmpty && graph.TiesTo(e).IsEmpty).Select(e => $"{e.Name} ({e.Id})").ToList();
        if (alone.Count > 0)
        {
            return $"{string.Join(" and ", alone)} {(alone.Count == 1 ? "has" : "have")} no ties at all, so no connection is possible: a larger --max-hops will not help.";
        }

        var directed = options.Directed ? " following the direction of ties" : string.Empty;
        var asOf = options.AsOf is { } d ? $" as of {d}" : string.Empty;
        // The search within the largest --max-hops meets in the middle; only when it finds nothing is the whole
        // component walked, to tell "too long" from "not connected".
        var within = $"No connection within {Steps(options.MaxHops)}{directed}{asOf}";
        if (graph.Distance(from.Id, to.Id, options with { MaxHops = PathQuery.MaxHopsLimit }) is { } shortest)
        {
            return $"{within}; the shortest takes {Steps(shortest)}: try --max-hops {shortest}.";
        }

        return graph.AreConnected(from.Id, to.Id, options)
            ? $"{within}; every connection takes more than {Steps(PathQuery.MaxHopsLimit)}, the most --max-hops allows."
            : $"{from.Name} ({from.Id}) and {to.Name} ({to.Id}) are not connected at all{directed}{asOf}: no connection of any length joins them, so a larger --max-hops will not help.";

        static string Steps(int n) => n == 1 ? "1 step" : $"{n} steps";
    }
}

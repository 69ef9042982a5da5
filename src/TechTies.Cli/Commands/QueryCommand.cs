using System.CommandLine;

namespace TechTies.Cli;

/// <summary><c>techties query '&lt;pattern&gt;'</c>: the paths a text pattern matches (docs/queries.md).</summary>
internal static class QueryCommand
{
    public static Command Create(GlobalOptions options)
    {
        var pattern = new Argument<string>("pattern") { Description = "A path pattern such as 'palantir -[hosts_on]-> ? -[contracts_with]-> ice' (docs/queries.md)" };
        var command = new Command("query", $"""
            Find the paths a pattern matches and print them as arrows and as sentences with footnoted sources.
            An empty result is a success (exit 0); in text mode the nearest miss explains why nothing matched.

            Examples:
              techties query 'palantir -[hosts_on]-> amazon'
              techties query 'palantir -[hosts_on]-> ? -[contracts_with]-> ice'   # no path: shows the nearest miss
              techties query '(:group) -[signed]-> ? -[targets]-> palantir' --format json
              techties query 'ice -[part_of*1..3]-> ?'

            {ExitCodes.Quoting}

            {ExitCodes.Help}
            """);
        command.Arguments.Add(pattern);
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

            var graph = context.Load(out var exit);
            if (graph is null)
            {
                return exit;
            }

            return context.Ask(() =>
            {
                var paths = graph.Query(parse.GetValue(pattern)!);
                return PathOutput.Write(context, graph, "query", paths, paths.IsEmpty ? paths.Explain().ToString() : null, parse.GetValue(output));
            });
        });
        return command;
    }
}

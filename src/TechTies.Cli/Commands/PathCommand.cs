using System.CommandLine;
using TechTies.Querying;

namespace TechTies.Cli;

/// <summary><c>techties path &lt;from&gt; &lt;to&gt;</c>: directed paths from one entity to another.</summary>
internal static class PathCommand
{
    public static Command Create(GlobalOptions options)
    {
        var from = new Argument<string>("from") { Description = "Where paths start: an id, name or alias" };
        var to = new Argument<string>("to") { Description = "Where paths end: an id, name or alias" };
        var via = new Option<string[]>("--via") { Description = "Walk only these relationship types (comma-separated or repeated), such as hosts_on,contracts_with", CustomParser = Lists.Parse };
        var maxHops = new Option<int>("--max-hops") { Description = $"The most steps a path takes (1 to {PathQuery.MaxHopsLimit})", DefaultValueFactory = _ => 4, CustomParser = WholeNumbers.Between(1, PathQuery.MaxHopsLimit) };
        var asOf = new Option<string>("--asof") { Description = "Only ties that held on this date (2018, 2018-08 or 2018-08-01)" };
        var command = new Command("path", $"""
            Find the paths that follow ties in their direction from <from> to <to>, 1 to --max-hops steps, shortest
            first. (connect ignores direction; this is the pattern '<from> -[via*1..N]-> <to>'.)

            Examples:
              techties path palantir ice
              techties path palantir ice --via hosts_on,contracts_with --max-hops 2
              techties path ice dhs --asof 2018-08-01 --format json

            {ExitCodes.Help}
            """);
        command.Arguments.Add(from);
        command.Arguments.Add(to);
        command.Options.Add(via);
        command.Options.Add(maxHops);
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

            var types = parse.GetValue(via) ?? [];
            if (!context.CheckHops("--max-hops", parse.GetValue(maxHops)) || !context.TryParseDate(parse.GetValue(asOf), out var date))
            {
                return ExitCodes.Usage;
            }

            var graph = context.Load(out var exit);
            if (graph is null)
            {
                return exit;
            }

            if (!context.CheckTypes(graph, types))
            {
                return ExitCodes.Usage;
            }

            return context.Ask(() =>
            {
                var (start, end) = (graph.Find(parse.GetValue(from)!), graph.Find(parse.GetValue(to)!));
                var query = graph.From(start.Id).Out(types).Hops(1, parse.GetValue(maxHops)).To(end.Id);
                if (date is { } d)
                {
                    query = query.AsOf(d);
                }

                var paths = query.Paths();
                var why = paths.IsEmpty
                    ? PathOutput.SourceNote(graph, start, end) ?? paths.Explain().ToString()
                    : null;
                return PathOutput.Write(context, graph, "path", paths, why, parse.GetValue(output));
            });
        });
        return command;
    }
}

/// <summary>Option values given as comma-separated lists, repeated options, or both.</summary>
internal static class Lists
{
    public static string[] Parse(System.CommandLine.Parsing.ArgumentResult result) =>
        [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}

/// <summary>Whole-number option values, with an error in words: the parser's own names the .NET type (System.Int32).</summary>
internal static class WholeNumbers
{
    public static int Parse(System.CommandLine.Parsing.ArgumentResult result) => Parse(result, 1, int.MaxValue);

    /// <summary>A parser for an option whose values run from <paramref name="min"/> to <paramref name="max"/>: a number too large for any says that range.</summary>
    public static Func<System.CommandLine.Parsing.ArgumentResult, int> Between(int min, int max) => result => Parse(result, min, max);

    private static int Parse(System.CommandLine.Parsing.ArgumentResult result, int min, int max)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // Digits too many for a number at all (99999999999): say which numbers the option takes.
        var digits = text.TrimStart('-', '+');
        var option = (result.Parent as System.CommandLine.Parsing.OptionResult)?.Option.Name ?? result.Argument.Name;
        result.AddError(digits.Length > 0 && digits.All(char.IsAsciiDigit)
            ? $"{option} is '{text}'; it must be a whole number from {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}."
            : $"{option} is '{text}'; it must be a whole number.");
        return 0;
    }
}

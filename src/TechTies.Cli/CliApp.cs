using System.CommandLine;
using System.CommandLine.Invocation;

namespace TechTies.Cli;

/// <summary>The techties command: builds the command tree and turns every failure into an exit code and a clear message.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new GlobalOptions();
        var root = new RootCommand($"""
            TechTies: the ties between technology companies and governments, with the evidence for each.
            Every command works on the built-in graph unless --data names YAML files or folders.

            Examples:
              techties connect salesforce ice
              techties query 'palantir -[hosts_on]-> amazon'
              techties show palantir
              techties neighbors ice --hops 2
              techties export --format graphml --out palantir-ice.graphml
              techties validate --data my-graphs/ --strict

            {ExitCodes.Quoting}

            {ExitCodes.Help}
            """);
        options.AddTo(root);
        options.Add(root, ValidateCommand.Create(options));
        options.Add(root, StatsCommand.Create(options));
        options.Add(root, ShowCommand.Create(options));
        options.Add(root, QueryCommand.Create(options));
        options.Add(root, PathCommand.Create(options));
        options.Add(root, ConnectCommand.Create(options));
        options.Add(root, NeighborsCommand.Create(options));
        options.Add(root, ExportCommand.Create(options));
        options.Add(root, ImportCommand.Create(options));

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        ParseResult? parse = null;
        try
        {
            parse = root.Parse(args);
            if (parse.Action is ParseErrorAction parseError)
            {
                var json = options.AsksForJson(parse);
                new CommandContext([], json, quiet: false, stdout, stderr).WriteUsageError(
                    [.. parse.Errors.Select(e => e.Message)], Suggestions(parse, parseError), HelpFor(parse));
                return ExitCodes.Usage;
            }

            return parse.Invoke(configuration);
        }
        catch (Exception e)
        {
            // Bad input never gets here (commands report it with exit codes 1 to 3): this is a bug, told in one line
            // without a stack trace, in JSON when the command was asked for JSON.
            var message = $"internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} (a bug in techties: please report it)";
            if (parse is not null && options.Context(parse, stdout, stderr) is { Json: true } context)
            {
                context.WriteError("internal", message);
            }
            else
            {
                stderr.WriteLine($"techties: {message}");
            }

            return ExitCodes.Internal;
        }
    }

    /// <summary>
    /// The parser's "did you mean" lines for the words it did not recognize. Its own report would print them, and the
    /// command's help, on stdout, where a program reading the output expects a result or nothing; run it without the
    /// help, keep what it writes to its output and drop its copy of the errors, which the caller reports.
    /// </summary>
    private static List<string> Suggestions(ParseResult parse, ParseErrorAction parseError)
    {
        parseError.ShowHelp = false;
        parseError.ShowTypoCorrections = true;
        var output = new StringWriter();
        parse.Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private static string HelpFor(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? "techties --help" : $"techties {parse.CommandResult.Command.Name} --help";
}

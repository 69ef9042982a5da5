using System.CommandLine;

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
}

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
              techties stats
              techties show palantir
              techties validate --data my-graphs/ --strict

            {ExitCodes.Help}
            """);
        options.AddTo(root);
        root.Subcommands.Add(ValidateCommand.Create(options));
        root.Subcommands.Add(StatsCommand.Create(options));
        root.Subcommands.Add(ShowCommand.Create(options));
        root.Subcommands.Add(ImportCommand.Create(options));

        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(configuration);
        }
        catch (Exception e)
        {
            stderr.WriteLine($"techties: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Internal;
        }
    }
}

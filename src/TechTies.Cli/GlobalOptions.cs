using System.CommandLine;

namespace TechTies.Cli;

/// <summary>The options every command takes.</summary>
internal sealed class GlobalOptions
{
    public Option<string[]> Data { get; } = new("--data")
    {
        Description = "A YAML or JSON file, or a folder, to load instead of the built-in graph (repeatable; folders are read recursively)",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Output for people (text) or for programs (json: one JSON document on stdout, shapes in docs/cli.md)",
        DefaultValueFactory = _ => "text",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print nothing but results (no warnings, no progress)",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        Format.AcceptOnlyFromAmong("text", "json");
        root.Options.Add(Data);
        root.Options.Add(Quiet);
    }

    /// <summary>
    /// Adds a command, with <c>--format text|json</c> unless it has its own <c>--format</c> (export's names the
    /// export format), which is why <c>--format</c> is not a recursive option.
    /// </summary>
    public void Add(RootCommand root, Command command)
    {
        if (!command.Options.Any(o => o.Name == Format.Name))
        {
            command.Options.Add(Format);
        }

        root.Subcommands.Add(command);
    }

    public CommandContext Context(ParseResult parse, TextWriter stdout, TextWriter stderr) => new(
        parse.GetValue(Data) ?? [],
        parse.CommandResult.Command.Options.Contains(Format) && parse.GetValue(Format) == "json",
        parse.GetValue(Quiet),
        stdout,
        stderr);
}

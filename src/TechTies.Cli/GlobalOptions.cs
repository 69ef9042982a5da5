using System.CommandLine;
using System.CommandLine.Parsing;

namespace TechTies.Cli;

/// <summary>The options every command takes.</summary>
internal sealed class GlobalOptions
{
    private static readonly string[] OutputFormats = ["text", "json"];
    private static readonly string[] AnswerFormats = ["text", "json", "svg", "html"];

    // Commands whose --format is their own (export's names the export format), with the values it takes.
    private readonly Dictionary<Option<string>, IReadOnlyList<string>> ownFormats = [];

    // Own formats that default to text and take json for programs (totals' text, json and csv): their messages are
    // JSON when json is asked for, as every other command's.
    private readonly HashSet<Option<string>> textJsonFormats = [];
    private readonly List<(string Command, IReadOnlyList<string> Formats)> commandsWithOwnFormats = [];

    public Option<string[]> Data { get; } = new("--data")
    {
        Description = "A YAML or JSON file, or a folder, to load instead of the built-in graph (repeatable; folders are read recursively)",
        Recursive = true,
        // Each --data takes one path (repeat it for more); without one it is a usage error, never the built-in graph.
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Output for people (text) or for programs (json: one JSON document on stdout, shapes in docs/cli.md)",
        DefaultValueFactory = _ => "text",
    };

    /// <summary>The <c>--format</c> of the commands that answer with paths or a neighbourhood, which can also draw it.</summary>
    public Option<string> AnswerFormat { get; } = new("--format")
    {
        Description = "Output for people (text), for programs (json: shapes in docs/cli.md), a laid-out picture (svg) or a story page (html)",
        DefaultValueFactory = _ => "text",
    };

    /// <summary>
    /// <c>--format</c> written before the command: <c>techties --format json stats</c> is <c>techties stats --format
    /// json</c>, and <c>techties --format graphml export</c> is <c>techties export --format graphml</c>. It cannot be
    /// one recursive option because export's <c>--format</c> takes other values.
    /// </summary>
    public Option<string> FormatBeforeCommand { get; } = new("--format")
    {
        Description = "The command's --format, written before the command: text or json, or export's format",
        HelpName = "format",
    };

    public Option<bool> WithBuiltIn { get; } = new("--with-built-in")
    {
        Description = "Load the --data files into the built-in graph, as one graph: your own reporting can then refer to its ids",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print nothing but results (no warnings, no progress)",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        Format.AcceptOnlyFromAmong(OutputFormats);
        AnswerFormat.AcceptOnlyFromAmong(AnswerFormats);
        root.Options.Add(FormatBeforeCommand);
        root.Options.Add(Data);
        root.Options.Add(WithBuiltIn);
        root.Options.Add(Quiet);
    }

    /// <summary>A command's own, required <c>--format</c>, taking <paramref name="formats"/> instead of text or json.</summary>
    public Option<string> OwnFormat(string description, IReadOnlyList<string> formats)
    {
        var option = new Option<string>("--format") { Description = description, HelpName = "format" };
        option.AcceptOnlyFromAmong([.. formats]);
        ownFormats.Add(option, formats);
        return option;
    }

    /// <summary>A command's own <c>--format</c> that takes text (the default), json and more, such as csv.</summary>
    public Option<string> TextJsonFormat(string description, IReadOnlyList<string> formats)
    {
        var option = new Option<string>("--format") { Description = description, HelpName = "format", DefaultValueFactory = _ => "text" };
        option.AcceptOnlyFromAmong([.. formats]);
        ownFormats.Add(option, formats);
        textJsonFormats.Add(option);
        return option;
    }

    /// <summary>Adds a command, with <c>--format text|json</c> unless it has its own <c>--format</c>.</summary>
    public void Add(Command root, Command command)
    {
        var own = command.Options.OfType<Option<string>>().FirstOrDefault(ownFormats.ContainsKey);
        var answers = command.Options.Contains(AnswerFormat);
        if (own is null && !answers)
        {
            command.Options.Add(Format);
        }
        else if (own is not null)
        {
            commandsWithOwnFormats.Add((command.Name, ownFormats[own]));
        }

        var format = own ?? (answers ? AnswerFormat : Format);
        var formats = own is not null ? ownFormats[own] : answers ? AnswerFormats : OutputFormats;
        command.Validators.Add(result => CheckFormat(result, command.Name, format, formats, required: own is not null && !textJsonFormats.Contains(own)));
        root.Subcommands.Add(command);
    }

    /// <summary>The command's <c>--format</c>, whether written after the command or before it.</summary>
    public string? FormatOf(ParseResult parse, Option<string> format) =>
        parse.GetResult(format) is { Implicit: false } ? parse.GetValue(format) : parse.GetValue(FormatBeforeCommand) ?? parse.GetValue(format);

    /// <summary>
    /// Whether the command line asks for JSON, read from the tokens so that it answers for a command line that did
    /// not parse too: <c>--format json</c> after a command that takes text or json, or before any command (or none);
    /// when <c>--format</c> is given more than once, the last text or json decides.
    /// Export's <c>--format</c> names the export format; its messages are always text.
    /// </summary>
    public bool AsksForJson(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var own = command.Options.OfType<Option<string>>().FirstOrDefault(textJsonFormats.Contains);
        if (!command.Options.Contains(Format) && !command.Options.Contains(AnswerFormat) && own is null && command.Parents.Any())
        {
            return false;
        }

        // --format given twice is a usage error, told in the last output format the command line names (text or json).
        return Given(parse, FormatBeforeCommand).Concat(Given(parse, own ?? Format)).Concat(Given(parse, AnswerFormat)).LastOrDefault(OutputFormats.Contains) == "json";

        static IEnumerable<string> Given(ParseResult parse, Option<string> option) =>
            parse.GetResult(option) is { Implicit: false } result ? result.Tokens.Select(t => t.Value) : [];
    }

    public CommandContext Context(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var options = parse.CommandResult.Command.Options;
        var own = options.OfType<Option<string>>().FirstOrDefault(textJsonFormats.Contains);
        var format = options.Contains(Format) ? FormatOf(parse, Format)
            : options.Contains(AnswerFormat) ? FormatOf(parse, AnswerFormat)
            : own is not null ? FormatOf(parse, own)
            : null;
        return new(
            parse.GetValue(Data) ?? [],
            format == "json",
            parse.GetValue(Quiet),
            stdout,
            stderr,
            parse.GetValue(WithBuiltIn),
            format is "svg" or "html" ? format : null);
    }

    // Reads what was written, never the parsed values: an option whose own parse failed (a value it does not accept,
    // or given twice) has no value, and asking for one throws.
    private void CheckFormat(CommandResult result, string command, Option<string> format, IReadOnlyList<string> formats, bool required)
    {
        var after = result.GetResult(format) is { Implicit: false } afterResult ? afterResult.Tokens.Select(t => t.Value).ToList() : [];
        var before = result.GetResult(FormatBeforeCommand)?.Tokens.Select(t => t.Value).ToList() ?? [];
        if (before.Count == 0)
        {
            if (required && after.Count == 0)
            {
                result.AddError($"{command} needs --format, one of: {string.Join(", ", formats)} (techties {command} --format {formats[0]}).");
            }

            // After the command alone, the option's own parse reports a value it does not take, or one given twice.
            return;
        }

        if (after.Count > 0)
        {
            result.AddError($"--format is given both before and after '{command}' ({Values(before.Concat(after))}); give it once, before or after the command.");
            return;
        }

        if (before.Count > 1)
        {
            result.AddError($"--format is given {(before.Count == 2 ? "twice" : $"{before.Count} times")} before '{command}' ({Values(before)}); give it once.");
            return;
        }

        var value = before[0];
        if (!formats.Contains(value, StringComparer.Ordinal))
        {
            var elsewhere = commandsWithOwnFormats.Where(c => c.Command != command && !OutputFormats.Contains(value) && c.Formats.Contains(value, StringComparer.Ordinal)).Select(c => $" ('{value}' is a format of {c.Command}: techties {c.Command} --format {value})");
            result.AddError($"--format '{value}' is not a format of {command}, which takes {string.Join(", ", formats.SkipLast(1))} or {formats[^1]}{elsewhere.FirstOrDefault()}.");
        }

        static string Values(IEnumerable<string> values) => string.Join(" and ", values.Select(v => $"'{v}'"));
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace TechTies.Cli;

/// <summary>The techties command: builds the command tree and turns every failure into an exit code and a clear message.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Text from the data and the command line is written with its control characters made visible, on both streams.
        stdout = new VisibleWriter(stdout);
        stderr = new VisibleWriter(stderr);
        var options = new GlobalOptions();
        // A RootCommand takes its name from the executable (TechTies.Cli, also when run as the installed tool); the
        // usage lines say techties, so the root is a command of that name with the options RootCommand would add.
        var root = new Command("techties", $"""
            TechTies: the ties between technology companies and governments, with the evidence for each.
            Every command works on the built-in graph unless --data names YAML files or folders
            (with --with-built-in, they are loaded into the built-in graph).

            Examples:
              techties connect salesforce ice
              techties query 'palantir -[hosts_on]-> amazon'
              techties show palantir
              techties neighbors ice --hops 2
              techties export --format graphml --out palantir-ice.graphml
              techties validate --data my-graphs/ --strict
              techties totals --agency ice --by office --value current

            {ExitCodes.Quoting}

            {ExitCodes.Help}
            """)
        {
            new HelpOption(),
            new VersionOption(),
        };
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
        options.Add(root, TotalsCommand.Create(options));
        options.Add(root, DuplicatesCommand.Create(options));

        // Signals are handled by Interruption (a write in progress is cancelled and cleaned up); the parser's own
        // handling would end the process two seconds after Ctrl-C, leaving temporary files behind.
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        ParseResult? parse = null;
        try
        {
            parse = root.Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                var context = new CommandContext([], options.AsksForJson(parse), quiet: false, stdout, stderr);
                if (parse.CommandResult.Command == root)
                {
                    WriteRootUsageError(context, root, options, parse);
                }
                else if (Misplaced(args, parse) is { Count: > 0 } misplaced)
                {
                    WriteMisplacedOptions(context, args, parse, misplaced);
                }
                else
                {
                    context.WriteUsageError(Errors(parse), Suggestions(parse), HelpFor(parse));
                }

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
    /// A command line that names no command the parser knows. The parser would say "Required command was not provided."
    /// beside every other error and suggest options for a mistyped command; instead: an unknown command, with the
    /// command it is close to; no command at all, the help (on stderr, as this is an error); otherwise the errors.
    /// </summary>
    private static void WriteRootUsageError(CommandContext context, Command root, GlobalOptions options, ParseResult parse)
    {
        if (parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } word)
        {
            context.WriteUnknownCommand(word, Commands.Closest(word, root.Subcommands.Select(c => c.Name)), "techties --help");
            return;
        }

        // "techties --data stats": the command was taken as --data's path, so --data was given no path of its own.
        if (parse.GetResult(options.Data)?.Tokens.FirstOrDefault(t => root.Subcommands.Any(c => c.Name == t.Value)) is { } taken)
        {
            context.WriteUsageError([$"--data took '{taken.Value}' as its file or folder, so no command was given."], [$"give --data a path: techties --data PATH {taken.Value}"], "techties --help");
            return;
        }

        // The parser's "Required command was not provided.": the first error, and the root command's own (the words it
        // did not recognize are the root's too, but come after it).
        var errors = parse.Errors.Where((e, i) => !(i == 0 && e.SymbolResult is CommandResult { Command: var command } && command == root)).ToList();
        if (errors.Count > 0)
        {
            context.WriteUsageError([.. errors.Select(e => e.Message)], Suggestions(parse), "techties --help");
        }
        else if (context.Json)
        {
            context.WriteUsageError(["No command was given."], [$"give one of the commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))}"], "techties --help");
        }
        else
        {
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = context.Error, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
    }

    /// <summary>
    /// The "did you mean" lines for the words the parser did not recognize, as its own report words them (which would
    /// print them, and the command's help, on stdout, where a program reading the output expects a result or nothing):
    /// for each such word, the command's options and subcommands closest to it, by the parser's rule (see
    /// <see cref="Closest"/>), under a line that names the word.
    /// </summary>
    private static List<string> Suggestions(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var lines = new List<string>();
        foreach (var token in parse.UnmatchedTokens)
        {
            var closest = Closest(command, token);
            if (closest.Count > 0)
            {
                lines.Add($"'{token}' was not matched. Did you mean one of the following?");
                lines.AddRange(closest);
            }
        }

        return lines;
    }

    /// <summary>
    /// The command's visible subcommands and options (each by its name or alias closest to <paramref name="token"/>)
    /// at the smallest Levenshtein distance from the token, if it is at most 3; those sharing a longer start with the
    /// token first, otherwise in the command's order. The parser's own suggestions follow the same rule.
    /// </summary>
    private static List<string> Closest(Command command, string token)
    {
        var candidates = command.Subcommands.Where(c => !c.Hidden).Select(c => Nearest(c.Name, c.Aliases))
            .Concat(command.Options.Where(o => !o.Hidden).Select(o => Nearest(o.Name, o.Aliases)))
            .Select(word => (Word: word, Distance: EditDistance.Between(token, word, swaps: false)))
            .Where(c => c.Distance <= 3)
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var best = candidates.Min(c => c.Distance);
        return [.. candidates.Where(c => c.Distance == best).OrderByDescending(c => SharedStart(token, c.Word)).Select(c => c.Word)];

        string Nearest(string name, ICollection<string> aliases) =>
            aliases.Count == 0 ? name : new[] { name }.Concat(aliases).OrderBy(w => EditDistance.Between(token, w, swaps: false)).ThenByDescending(w => SharedStart(token, w)).First();

        static int SharedStart(string a, string b)
        {
            var i = 0;
            while (i < a.Length && i < b.Length && a[i] == b[i])
            {
                i++;
            }

            return i;
        }
    }

    /// <summary>
    /// The command's own options written before it (<c>techties --max-hops 2 connect a b</c>), with the value each
    /// takes: the indexes in <paramref name="args"/>. Only the options every command takes (--format, --data, --quiet)
    /// may come before the command: the parser binds an option to the command it follows, and would call these
    /// unrecognized and then suggest the very option written.
    /// </summary>
    private static List<int> Misplaced(string[] args, ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var at = parse.Tokens.Select(t => t.Value).ToList().IndexOf(command.Name);
        var unmatched = parse.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        var misplaced = new List<int>();
        for (var i = 0; i < Math.Min(at, args.Length); i++)
        {
            var name = args[i].Split('=', 2)[0];
            if (!unmatched.Contains(args[i]) || command.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name)) is not { } option)
            {
                continue;
            }

            misplaced.Add(i);
            if (!args[i].Contains('=') && option.Arity.MaximumNumberOfValues > 0 && i + 1 < at && !args[i + 1].StartsWith('-'))
            {
                misplaced.Add(++i);
            }
        }

        return misplaced;
    }

    /// <summary>
    /// The parse errors, with the parser's "Required argument missing for command" (once per missing argument, and
    /// never naming one) made one error that names every missing argument and the command line's shape.
    /// </summary>
    private static List<string> Errors(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var missing = command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && parse.GetResult(a) is not { Tokens.Count: > 0 }).ToList();
        var errors = parse.Errors
            .Where(e => missing.Count == 0 || !(e.SymbolResult is System.CommandLine.Parsing.ArgumentResult { Tokens.Count: 0 } r && missing.Contains(r.Argument)))
            .Select(e => e.Message)
            .ToList();
        if (missing.Count > 0)
        {
            var names = missing.Select(a => $"<{a.Name}>").ToList();
            var usage = string.Join(' ', command.Arguments.Select(a => $"<{a.Name}>"));
            errors.Insert(0, $"{command.Name} needs {string.Join(" and ", names)}: techties {command.Name} {usage}.");
        }

        return errors;
    }

    /// <summary>One error for the options written before their command, with the command line that puts them after it.</summary>
    private static void WriteMisplacedOptions(CommandContext context, string[] args, ParseResult parse, List<int> misplaced)
    {
        var command = parse.CommandResult.Command.Name;
        var options = misplaced.Where(i => args[i].StartsWith('-')).Select(i => $"'{args[i].Split('=', 2)[0]}'").ToList();
        var moved = misplaced.Select(i => args[i]);
        var rest = args.Where((_, i) => !misplaced.Contains(i));
        var words = options.Count == 1 ? $"{options[0]} is an option of {command}: write it" : $"{string.Join(" and ", options)} are options of {command}: write them";
        var errors = new List<string> { $"{words} after the command; only --format, --data, --with-built-in and --quiet (-q) may come before it." };

        // The parser's other complaints stand, but not its "unrecognized" for the words moved.
        var movedWords = misplaced.Select(i => $"'{args[i]}'").ToList();
        errors.AddRange(parse.Errors.Select(e => e.Message).Where(m => !movedWords.Any(w => m.Contains(w, StringComparison.Ordinal))));
        context.WriteUsageError(errors, [$"techties {string.Join(' ', rest.Concat(moved).Select(Shell.Quote))}"], HelpFor(parse));
    }

    private static string HelpFor(ParseResult parse) => $"techties {parse.CommandResult.Command.Name} --help";
}

/// <summary>How a command line the tool suggests quotes its words, for sh and its kin.</summary>
internal static class Shell
{
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./,:=@+".Contains(c)) ? word : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}

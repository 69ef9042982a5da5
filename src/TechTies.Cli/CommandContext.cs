using System.Text.Json;
using System.Text.RegularExpressions;
using TechTies.Loading;
using TechTies.Querying;

namespace TechTies.Cli;

/// <summary>What one command run needs: the data paths, the output mode and the two streams.</summary>
internal sealed partial class CommandContext(string[] data, bool json, bool quiet, TextWriter stdout, TextWriter stderr, bool withBuiltIn = false, string? picture = null)
{
    public bool Json => json;

    /// <summary>"svg" or "html" when an answer command is to draw its answer (<c>--format svg|html</c>); otherwise <see langword="null"/>.</summary>
    public string? Picture => picture;

    public bool Quiet => quiet;

    public TextWriter Out => stdout;

    public TextWriter Error => stderr;

    public string DataDescription => data.Length == 0 ? "the built-in graph" : (withBuiltIn ? "the built-in graph with " : string.Empty) + string.Join(", ", data);

    /// <summary>Loads the graph, or reports why not and gives the exit code.</summary>
    public TechTiesGraph? Load(out int exitCode, LoadOptions? options = null)
    {
        exitCode = ExitCodes.Success;
        try
        {
            var progress = data.Length > 0 && !quiet && !Console.IsErrorRedirected ? System.Diagnostics.Stopwatch.StartNew() : null;
            if (progress is not null)
            {
                stderr.Write($"loading {DataDescription}...");
            }

            options ??= LoadOptions.Default;
            var graph = data.Length == 0 ? TechTiesGraph.LoadBuiltIn(options) : TechTiesGraph.Load(options with { IncludeBuiltIn = withBuiltIn }, data);
            if (progress is not null)
            {
                stderr.WriteLine($" {graph.Entities.Length} entities, {graph.Ties.Length} ties in {progress.Elapsed.TotalSeconds:0.0} s");
            }

            if (!quiet)
            {
                WriteDiagnostics(graph.Warnings);
            }

            return graph;
        }
        catch (GraphLoadException e)
        {
            WriteDiagnostics(e.Diagnostics.Where(d => !quiet || d.Severity == DiagnosticSeverity.Error));
            exitCode = ExitCodes.InvalidData;
            return null;
        }
        catch (FileNotFoundException e)
        {
            WriteError("not-found", e.Message);
            exitCode = ExitCodes.NotFound;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError("io", e.Message);
            exitCode = ExitCodes.NotFound;
            return null;
        }
    }

    /// <summary>Finds an entity by id, name or alias, or reports candidates and gives exit code 3.</summary>
    public Entity? Find(TechTiesGraph graph, string name, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        try
        {
            return graph.Find(name);
        }
        catch (EntityLookupException e)
        {
            WriteError(e.Failure == LookupFailure.Ambiguous ? "ambiguous" : "not-found", e.Message);
            exitCode = ExitCodes.NotFound;
            return null;
        }
    }

    public void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (json)
            {
                stderr.WriteLine(CliJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("file", d.File);
                    w.WriteNumber("line", d.Line);
                    w.WriteNumber("column", d.Column);
                    w.WriteString("code", d.Code);
                    w.WriteString("severity", d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
                    w.WriteString("message", d.Message);
                    if (d.Suggestion is not null)
                    {
                        w.WriteString("suggestion", d.Suggestion);
                    }

                    w.WriteEndObject();
                }, indented: false));
            }
            else
            {
                stderr.WriteLine(Colors.Diagnostic(d.ToString(), d.Severity == DiagnosticSeverity.Error));
            }
        }
    }

    /// <summary>Runs a question on the graph; a name that finds no entity exits 3 with suggestions, a malformed pattern exits 1 with its column.</summary>
    public int Ask(Func<int> question)
    {
        try
        {
            return question();
        }
        catch (EntityLookupException e)
        {
            WriteError(e.Failure == LookupFailure.Ambiguous ? "ambiguous" : "not-found", e.Message);
            return ExitCodes.NotFound;
        }
        catch (QueryParseException e)
        {
            WritePatternError(e);
            return ExitCodes.Usage;
        }
    }

    /// <summary>Checks relationship type names given on the command line; an unknown one is a usage error.</summary>
    public bool CheckTypes(TechTiesGraph graph, IEnumerable<string> types)
    {
        var known = graph.Schema.RelationshipTypes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = types.Where(t => !known.Contains(t)).ToList();
        foreach (var type in unknown)
        {
            WriteError("usage", $"'{type}' is not a relationship type. Known types: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }

        return unknown.Count == 0;
    }

    /// <summary>Checks a number of hops given on the command line (1 to <see cref="PathQuery.MaxHopsLimit"/>).</summary>
    public bool CheckHops(string option, int hops)
    {
        if (hops is >= 1 and <= PathQuery.MaxHopsLimit)
        {
            return true;
        }

        WriteError("usage", $"{option} is {hops}; it must be between 1 and {PathQuery.MaxHopsLimit}.");
        return false;
    }

    /// <summary>Parses an --asof date (2018, 2018-08 or 2018-08-01).</summary>
    public bool TryParseDate(string? text, out PartialDate? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (PartialDate.TryParse(text, out var parsed))
        {
            date = parsed;
            return true;
        }

        WriteError("usage", $"--asof is '{text}'; it must be a date such as 2018, 2018-08 or 2018-08-01.");
        return false;
    }

    public void WritePatternError(QueryParseException e)
    {
        // The library names its members; the command line adds its own command.
        var problem = e.LookUp switch
        {
            null => e.Problem,
            "<entity>" => $"{e.Problem} or 'techties show <entity>'",
            var id => $"{e.Problem} in C#, or 'techties show {id}' on the command line",
        };
        if (json)
        {
            stderr.WriteLine(CliJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("file", "<pattern>");
                w.WriteNumber("line", 1);
                w.WriteNumber("column", e.Column);
                w.WriteString("code", "query-syntax");
                w.WriteString("severity", "error");
                w.WriteString("message", problem);
                w.WriteString("pattern", e.Query);
                w.WriteEndObject();
            }, indented: false));
            return;
        }

        stderr.WriteLine(Colors.Diagnostic($"<pattern>:1:{e.Column}: error query-syntax: {problem}", isError: true));
        stderr.WriteLine($"  {e.Query}");
        stderr.WriteLine($"  {new string(' ', Math.Max(0, e.Column - 1))}^");
    }

    public void WriteWarning(string message)
    {
        if (quiet)
        {
            return;
        }

        message = Cut(message);
        if (json)
        {
            stderr.WriteLine(CliJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("code", "query");
                w.WriteString("severity", "warning");
                w.WriteString("message", message);
                w.WriteEndObject();
            }, indented: false));
        }
        else
        {
            stderr.WriteLine(Colors.Diagnostic($"techties: warning: {message}", isError: false));
        }
    }

    public void WriteError(string code, string message)
    {
        message = Cut(message);
        if (json)
        {
            stderr.WriteLine(CliJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("code", code);
                w.WriteString("severity", "error");
                w.WriteString("message", message);
                w.WriteEndObject();
            }, indented: false));
        }
        else
        {
            stderr.WriteLine(Colors.Diagnostic($"techties: error: {message}", isError: true));
        }
    }

    /// <summary>
    /// Reports a command line that did not parse (exit code 1), on stderr only: in text the errors, the parser's
    /// "did you mean" lines and where the help is; in JSON one object with code <c>usage</c>, the errors as its message
    /// and the "did you mean" lines as its suggestion.
    /// </summary>
    public void WriteUsageError(IReadOnlyList<string> errors, IReadOnlyList<string> suggestions, string help)
    {
        errors = [.. errors.Select(Cut)];
        suggestions = [.. suggestions.Select(Cut)];
        if (json)
        {
            stderr.WriteLine(CliJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("code", "usage");
                w.WriteString("severity", "error");
                w.WriteString("message", string.Join(" ", errors));
                if (suggestions.Count > 0)
                {
                    w.WriteString("suggestion", string.Join(" ", suggestions));
                }

                w.WriteEndObject();
            }, indented: false));
            return;
        }

        foreach (var error in errors)
        {
            stderr.WriteLine(Colors.Diagnostic($"techties: error: {error}", isError: true));
        }

        foreach (var suggestion in suggestions)
        {
            stderr.WriteLine(suggestion);
        }

        stderr.WriteLine($"See '{help}'.");
    }

    /// <summary>Reports a command name that is not a command (exit code 1): in text one line, with the command it is close to if any, and where the help is; in JSON one object with code <c>usage</c>.</summary>
    public void WriteUnknownCommand(string word, string? meant, string help)
    {
        if (json)
        {
            WriteUsageError([$"unknown command '{word}'"], meant is null ? [] : [$"did you mean '{meant}'?"], help);
            return;
        }

        stderr.WriteLine(Colors.Diagnostic(Cut($"techties: error: unknown command '{word}'{(meant is null ? "." : $"; did you mean '{meant}'?")}"), isError: true));
        stderr.WriteLine($"See '{help}'.");
    }

    public void WriteJson(Action<Utf8JsonWriter> write) => stdout.WriteLine(CliJson.Write(write, indented: true));

    /// <summary>
    /// A message with every quoted value longer than <see cref="DiagnosticText.MaxQuoted"/> characters cut as values
    /// from the data are (<c>'xxxx…' (100000 characters)</c>): the messages of the parser, the library and the commands
    /// all quote what was given, and a 100,000-character argument must not fill the terminal.
    /// </summary>
    private static string Cut(string message) => LongQuote().Replace(message, m => DiagnosticText.Quote(m.Groups[1].Value));

    // A quoted value of more than 80 characters, unless already cut (as the library's messages are).
    [GeneratedRegex("'([^'\\n]{81,})'(?! \\(\\d+ characters\\))")]
    private static partial Regex LongQuote();
}

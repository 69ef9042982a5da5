using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TechTies.Loading;

namespace TechTies;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The graph loads, but something deserves attention (such as a tie without a source).</summary>
    Warning,

    /// <summary>The graph does not load.</summary>
    Error,
}

/// <summary>
/// A problem found while loading a graph: a stable code (see <c>docs/format.md</c>), where it is, what is wrong
/// and, where one exists, what would be right. Immutable.
/// </summary>
public sealed class Diagnostic
{
    /// <summary>The stable code, such as <c>TT0021</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Whether the problem stops the load.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>What is wrong, in one sentence (without the suggestion).</summary>
    public required string Message { get; init; }

    /// <summary>What would be right, such as <c>did you mean 'palantir'?</c>; <see langword="null"/> when there is no suggestion.</summary>
    public string? Suggestion { get; init; }

    /// <summary>The file as given to the loader.</summary>
    public required string File { get; init; }

    /// <summary>The 1-based line.</summary>
    public required int Line { get; init; }

    /// <summary>The 1-based column.</summary>
    public required int Column { get; init; }

    /// <summary>The compiler-style form: <c>file:line:col: error CODE: message (suggestion)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var suggestion = Suggestion is null ? string.Empty : $" ({Suggestion})";
        return $"{File}:{Line}:{Column}: {severity} {Code}: {Message}{suggestion}";
    }
}

/// <summary>
/// Thrown when a graph does not load. It carries every problem found, not just the first; nothing of the graph
/// is kept.
/// </summary>
public sealed class GraphLoadException : Exception
{
    // The most diagnostics Message lists.
    private const int MessageDiagnostics = 100;

    private string? message;

    /// <summary>Creates the exception from the diagnostics of a failed load.</summary>
    /// <param name="diagnostics">All diagnostics of the load, errors and warnings; at least one error.</param>
    public GraphLoadException(IEnumerable<Diagnostic> diagnostics)
        : this([.. diagnostics])
    {
    }

    private GraphLoadException(ImmutableArray<Diagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
    }

    /// <summary>
    /// The number of errors, then the first 100 diagnostics, one a line, in the form of <see cref="Diagnostic.ToString"/>,
    /// and how many more there are; <see cref="Diagnostics"/> has them all.
    /// </summary>
    public override string Message => message ??= Describe(Diagnostics);

    /// <summary>Every diagnostic of the load, in file, line and column order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The errors among <see cref="Diagnostics"/>.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    // Made when first read, and of the first diagnostics only: a file repeating one bad line a million times fails with
    // a million diagnostics, whose text in full would take far more memory than the file.
    private static string Describe(ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var text = new StringBuilder(errors == 1 ? "The graph did not load: 1 error." : $"The graph did not load: {errors} errors.");
        foreach (var diagnostic in diagnostics.Take(MessageDiagnostics))
        {
            text.AppendLine().Append(diagnostic);
        }

        if (diagnostics.Length > MessageDiagnostics)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"… and {diagnostics.Length - MessageDiagnostics} more diagnostics (see Diagnostics).");
        }

        return text.ToString();
    }
}

/// <summary>Options for loading a graph. Immutable.</summary>
public sealed partial record LoadOptions
{
    /// <summary>The defaults: not strict.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Whether problems that are otherwise warnings (a tie without a source) are errors.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Whether the built-in graph's files (<see cref="TechTiesGraph.LoadBuiltIn()"/>) are loaded before the given
    /// files and text, as one graph: your own reporting can then add entities and ties to the curated graph and refer
    /// to its ids (<c>hosts_on: amazon</c>), and is validated with it. An id the built-in graph already has is an
    /// error (TT0031), as between any two files. <see langword="false"/> by default.
    /// </summary>
    public bool IncludeBuiltIn { get; init; }

    /// <summary>The sources of more files for the load: <c>Imports</c>, declared with the import code.</summary>
    internal partial ImmutableArray<ILoadSource> Sources { get; }
}

using System.Collections.Immutable;
using System.Text.RegularExpressions;
using static TechTies.Loading.FormatV1;

namespace TechTies.Loading;

// How problems are reported: once per place, with articles, hints and slugs for suggested ids.
internal sealed partial class GraphReader
{
    // A contract's vendor is the end of its awarded_to tie and the start of its contracts_with tie: one wrong
    // vendor is one error, not one per tie.
    private void ErrorOnce(string code, string file, YNode at, string message, string? suggestion) =>
        ReportOnce(code, DiagnosticSeverity.Error, file, at, message, suggestion);

    private void ReportOnce(string code, DiagnosticSeverity severity, string file, YNode at, string message, string? suggestion)
    {
        if (!reportedOnce.Add((code, file, at.Line, at.Column)))
        {
            return;
        }

        diagnostics.Add(code, severity, file, at.Line, at.Column, message, suggestion);
    }

    // A line break where a value is one line of text. Text (a name, a title, an alias) may hold line breaks of its own,
    // but not at its end, where a | or > block leaves one; an id or an address (anywhere: true) holds none at all.
    private bool OneLine(string file, string field, YScalar scalar, bool anywhere) => OneLine(diagnostics, file, field, scalar, anywhere);

    // Also for relationship type labels (SchemaReader): says so at the value when it is not one line.
    internal static bool OneLine(DiagnosticBag diagnostics, string file, string field, YScalar scalar, bool anywhere)
    {
        var value = scalar.Value.AsSpan();
        if (anywhere ? value.IndexOfAny('\n', '\r') < 0 : value.Length == 0 || value[^1] is not ('\n' or '\r'))
        {
            return true;
        }

        if (anywhere)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, file, scalar.Line, scalar.Column, $"'{field}' holds a line break, but an id, identifier or address is one line", "write the value on one line (a | or > block keeps a final line break: use |- or >-, or a plain value)");
        }
        else
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, file, scalar.Line, scalar.Column, $"'{field}' ends with a line break, which a | or > block keeps", $"write {field}: |- or {field}: >-, which drop the final line break, or the value on one line; only a description may end with one");
        }

        return false;
    }

    private void WrongShape(string file, YNode node, string field, string expected) =>
        diagnostics.Error(DiagnosticCodes.WrongShape, file, node.Line, node.Column, $"'{field}' is {node.Describe}", $"expected {expected}");

    private static string Describe(ImmutableArray<Kind> kinds) => string.Join(" or ", kinds.Select(k => k.ToName()));

    // "a company", "an agency", "an awarded_to": messages name kinds and types with their article.
    // When the files are loaded on their own and the id is the built-in graph's, the fix is to load them into it.
    private string? BuiltInHint(string id) =>
        !options.IncludeBuiltIn && builtInEntity?.Invoke(id) is { } builtIn
            ? $"{DiagnosticText.Quote(id)} is the id of {A(builtIn.Kind.ToName())} in the built-in graph ({builtIn.Name}): to refer to it, load the files into the built-in graph: add --with-built-in (LoadOptions.IncludeBuiltIn)"
            : null;

    private static string A(string word) => ("aeiou".Contains(word[0], StringComparison.Ordinal) ? "an " : "a ") + word;

    internal static bool IsSlug(string id) => SlugPattern().IsMatch(id);

    private static string Slugify(string text)
    {
        var slug = NonSlug().Replace(Lookup.Normalize(text), "-").Trim('-');
        return slug.Length == 0 ? "my-id" : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}

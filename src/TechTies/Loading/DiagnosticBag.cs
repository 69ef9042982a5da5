namespace TechTies.Loading;

/// <summary>Collects diagnostics while loading.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    public bool HasErrors => items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public IReadOnlyList<Diagnostic> Items => items;

    public void Error(string code, string file, int line, int column, string message, string? suggestion = null) =>
        Add(code, DiagnosticSeverity.Error, file, line, column, message, suggestion);

    public void Warning(string code, string file, int line, int column, string message, string? suggestion = null) =>
        Add(code, DiagnosticSeverity.Warning, file, line, column, message, suggestion);

    public void Add(string code, DiagnosticSeverity severity, string file, int line, int column, string message, string? suggestion) =>
        items.Add(new Diagnostic { Code = code, Severity = severity, File = file, Line = line, Column = column, Message = message, Suggestion = suggestion });

    /// <summary>Forgets the diagnostics after the first <paramref name="count"/>.</summary>
    public void TruncateTo(int count) => items.RemoveRange(count, items.Count - count);

    public IEnumerable<Diagnostic> Sorted() => items
        .Select((d, i) => (d, i))
        .OrderBy(x => x.d.File, StringComparer.Ordinal)
        .ThenBy(x => x.d.Line)
        .ThenBy(x => x.d.Column)
        .ThenBy(x => x.i)
        .Select(x => x.d);
}

using CsvHelper;
using TechTies.Loading;

namespace TechTies.Import;

/// <summary>A problem with one cell or row: a diagnostic code, the 1-based column, the message and a suggestion.</summary>
internal sealed record Problem(string Code, int Column, string Message, string? Suggestion);

/// <summary>One data row: the line it starts on, the trimmed values of the columns the mapping reads (empty cells as <see langword="null"/>), and its problems as a row.</summary>
internal sealed class CsvRow(long line, Dictionary<string, string?> values, Dictionary<string, int> columns, List<Problem> problems)
{
    /// <summary>The 1-based physical line of the file where the row starts.</summary>
    public long Line => line;

    /// <summary>Problems with the row as a whole (bad quoting, a wrong number of fields, bytes that are not UTF-8).</summary>
    public IReadOnlyList<Problem> Problems => problems;

    /// <summary>The cell of the column, or the mapping's constant.</summary>
    public string? this[CsvMapping.Column column] => column.IsConstant ? column.Name : values[column.Name];

    /// <summary>The 1-based position of the column in the header (1 for a constant, which no column holds).</summary>
    public int ColumnNumber(CsvMapping.Column column) => column.IsConstant ? 1 : columns[column.Name] + 1;
}

/// <summary>
/// Reads a CSV file with CsvHelper, a row at a time: finds the mapping's columns in the header by name (exactly, or
/// else ignoring case and surrounding spaces) and gives each row's values with the physical line it starts on.
/// </summary>
internal sealed class CsvRows(string path, CsvMapping mapping, DiagnosticBag diagnostics) : IDisposable
{
    private readonly Queue<(long Line, CsvMalformedReason Reason)> malformed = new();
    private readonly Dictionary<string, int> columns = new(StringComparer.Ordinal);
    private CsvReader? reader;
    private int headerCount;

    public long ByteOffset => reader?.ByteOffset ?? 0;

    /// <summary>Reads the header; reports a missing header or column and returns <see langword="false"/> then.</summary>
    public bool ReadHeader()
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrackLineNumbers = true,
            TrimWhitespace = false,
            OnMalformedRecord = record => malformed.Enqueue((record.LineNumber, record.Reason)),
        };
        reader = CsvReader.FromFile(path, options, FileOptions.SequentialScan);
        var headers = reader.Headers.Select((h, i) => i == 0 ? h.TrimStart('\uFEFF') : h).ToList();
        headerCount = headers.Count;
        if (headers.Count == 0 || headers.All(h => h.Trim().Length == 0))
        {
            diagnostics.Error(DiagnosticCodes.MissingColumn, path, 1, 1, "the file has no header row: the first line must name the columns", $"the {mapping.Name} mapping reads the columns " + string.Join(", ", mapping.Columns));
            return false;
        }

        var ok = true;
        foreach (var name in mapping.Columns)
        {
            var index = headers.IndexOf(name);
            if (index < 0)
            {
                index = headers.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            }

            if (index >= 0)
            {
                columns[name] = index;
                continue;
            }

            ok = false;
            diagnostics.Error(DiagnosticCodes.MissingColumn, path, 1, 1, $"the header has no column '{name}', which the {mapping.Name} mapping reads", Suggest.DidYouMean(name, headers) ?? "check that the file is the download the mapping is for");
        }

        return ok;
    }

    /// <summary>Moves to the next data row; <see langword="false"/> at the end of the file.</summary>
    public bool Next(out CsvRow row)
    {
        row = null!;
        if (reader is null || !reader.Read())
        {
            return false;
        }

        var line = reader.LineNumber;
        var problems = new List<Problem>();
        while (malformed.TryPeek(out var bad) && bad.Line <= line)
        {
            malformed.Dequeue();
            if (bad.Line == line)
            {
                problems.Add(new Problem(DiagnosticCodes.BadCsvRow, 1, $"the row is malformed: {Describe(bad.Reason)}", "quote a field that holds commas, quotes or line breaks, and double the quotes inside it (\"say \"\"hi\"\"\")"));
            }
        }

        if (problems.Count == 0 && reader.FieldCount != headerCount)
        {
            problems.Add(new Problem(DiagnosticCodes.BadCsvRow, Math.Min(reader.FieldCount, headerCount) + 1, $"the row has {reader.FieldCount} fields, but the header has {headerCount}", "check the quoting of the fields on this line"));
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, index) in columns)
        {
            var text = index < reader.FieldCount ? reader.GetString(index).Trim() : string.Empty;
            values[name] = text.Length == 0 ? null : text;
            if (text.Contains('\uFFFD', StringComparison.Ordinal) && problems.Count == 0)
            {
                problems.Add(new Problem(DiagnosticCodes.InvalidUtf8, index + 1, $"column {index + 1} '{name}' holds bytes that are not UTF-8", "save the file as UTF-8"));
            }
        }

        row = new CsvRow(line, values, columns, problems);
        return true;
    }

    public void Dispose() => reader?.Dispose();

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside a field that is not quoted",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a quoted field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
        _ => "the quoting is broken",
    };
}

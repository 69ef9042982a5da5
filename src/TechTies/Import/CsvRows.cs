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
    /// <summary>A lower <see cref="MaxRecordBytes"/> for the tests that set it, in their own flow only.</summary>
    internal static readonly AsyncLocal<int?> MaxRecordBytesForTests = new();

    /// <summary>The most bytes one record (a row, with its line breaks in quotes) may have: 1 MiB.</summary>
    internal static int MaxRecordBytes => MaxRecordBytesForTests.Value ?? DefaultMaxRecordBytes;

    /// <summary>The default of <see cref="MaxRecordBytes"/>.</summary>
    internal const int DefaultMaxRecordBytes = 1 << 20;

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

            // A quote never closed, or a file with no line breaks (such as /dev/zero), would otherwise be read whole.
            MaxRecordSize = MaxRecordBytes,
        };
        reader = CsvReader.FromFile(path, options, FileOptions.SequentialScan);
        List<string> headers;
        try
        {
            headers = [.. reader.Headers.Select((h, i) => i == 0 ? h.TrimStart('\uFEFF') : h)];
        }
        catch (CsvFormatException e)
        {
            TooLong(e);
            return false;
        }

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
                var twice = headers.FindIndex(index + 1, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
                if (twice >= 0)
                {
                    // Which of the two the mapping should read is anyone's guess: the file must say.
                    ok = false;
                    diagnostics.Error(DiagnosticCodes.MissingColumn, path, 1, twice + 1, $"the header names the column '{name}' twice, at columns {index + 1} and {twice + 1}, so which one the {mapping.Name} mapping reads is unclear", "rename or remove one of them");
                }

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
        try
        {
            if (reader is null || !reader.Read())
            {
                return false;
            }
        }
        catch (CsvFormatException e)
        {
            // The rest of the file cannot be read as rows: an error whatever --skip-invalid says.
            TooLong(e);
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

    private void TooLong(CsvFormatException e) =>
        diagnostics.Error(
            DiagnosticCodes.BadCsvRow,
            path,
            (int)Math.Clamp(e.LineNumber, 1, int.MaxValue),
            1,
            $"the record that starts here is longer than {MaxRecordBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes, the most one row may have, so the file is not read further ({e.Message.TrimEnd('.')})",
            "a quote that is never closed makes the rest of the file one record: close it, or double a quote inside a quoted field (\"\")");

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside a field that is not quoted",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a quoted field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
        _ => "the quoting is broken",
    };
}

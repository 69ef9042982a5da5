namespace TechTies.Loading;

/// <summary>How a message quotes a value from the data or the command line (shared by the library and the command line).</summary>
internal static class DiagnosticText
{
    /// <summary>The most characters of a value a message quotes whole.</summary>
    public const int MaxQuoted = 80;

    /// <summary>
    /// The value in single quotes; a value longer than <see cref="MaxQuoted"/> characters is cut to its first
    /// <see cref="MaxQuoted"/> and its length given (<c>'aaaa…' (100000 characters)</c>), so that one bad value cannot
    /// bury the other problems or fill a terminal.
    /// </summary>
    public static string Quote(string? value)
    {
        value ??= string.Empty;
        if (value.Length <= MaxQuoted)
        {
            return $"'{value}'";
        }

        return $"'{value[..CutAt(value)]}…' ({value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} characters)";
    }

    /// <summary>The value unquoted, cut as <see cref="Quote"/> cuts it (<c>aaaa… (100000 characters)</c>).</summary>
    public static string Cut(string value) =>
        value.Length <= MaxQuoted ? value : $"{value[..CutAt(value)]}… ({value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} characters)";

    // Never cut a surrogate pair in half.
    private static int CutAt(string value) => char.IsHighSurrogate(value[MaxQuoted - 1]) ? MaxQuoted - 1 : MaxQuoted;
}

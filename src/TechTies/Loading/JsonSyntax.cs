namespace TechTies.Loading;

/// <summary>
/// Says what is wrong with malformed JSON in the words of someone writing a file, not of System.Text.Json's reader
/// (whose messages speak of reader options and payloads): the common slips of hand-written JSON are named as such.
/// </summary>
internal static class JsonSyntax
{
    /// <param name="readerMessage">System.Text.Json's message, without its position.</param>
    /// <param name="json">The file.</param>
    /// <param name="offset">The byte offset the reader stopped at.</param>
    public static (string Message, string Suggestion) Describe(string readerMessage, ReadOnlySpan<byte> json, int offset)
    {
        if (readerMessage.Contains("trailing comma", StringComparison.Ordinal))
        {
            var container = readerMessage.Contains("array", StringComparison.Ordinal) ? "array" : "object";
            return ($"a comma after the last item of an {container}; JSON allows no comma there", "remove the last comma");
        }

        var at = offset >= 0 && offset < json.Length ? json[offset] : (byte)0;
        var next = offset + 1 < json.Length ? json[offset + 1] : (byte)0;

        if (at == '/' && next is (byte)'/' or (byte)'*')
        {
            return ("a comment; JSON has no comments", "remove the comment");
        }

        if (at == '\'' || readerMessage.StartsWith("''' ", StringComparison.Ordinal))
        {
            return ("text in single quotes; JSON strings and member names use double quotes", "write \"...\" instead of '...'");
        }

        if (readerMessage.Contains("Expected end of string", StringComparison.Ordinal) || readerMessage.StartsWith("'0x0A' is invalid within a JSON string", StringComparison.Ordinal) || readerMessage.StartsWith("'0x0D' is invalid within a JSON string", StringComparison.Ordinal))
        {
            return ("a string is not closed before the end of its line", "close the string with \" (write a line break inside a string as \\n)");
        }

        if (readerMessage.Contains("within a JSON string", StringComparison.Ordinal))
        {
            return ("a character in a string must be escaped", "escape \" as \\\", \\ as \\\\, and control characters such as a tab as \\t");
        }

        if (offset >= json.Length || readerMessage.Contains("does not contain any JSON tokens", StringComparison.Ordinal) || readerMessage.Contains("Expected depth to be zero", StringComparison.Ordinal))
        {
            return ("the file ends before the JSON is complete", "close every object with } and every array with ]");
        }

        var token = TokenAt(json, offset);
        if (readerMessage.Contains("invalid JSON literal", StringComparison.Ordinal) || readerMessage.Contains("is an invalid start of a value", StringComparison.Ordinal) || readerMessage.Contains("leading zero", StringComparison.Ordinal))
        {
            return ($"{DiagnosticText.Quote(token)} is not a JSON value", "a value is a \"string\", a number (without leading zeros), true, false, an object { } or an array [ ]");
        }

        if (readerMessage.Contains("start of a property name", StringComparison.Ordinal))
        {
            return ("a member name is not in double quotes", "write \"name\": value");
        }

        if (readerMessage.Contains("after a property name", StringComparison.Ordinal))
        {
            return ("a member name is not followed by ':'", "write \"name\": value");
        }

        if (readerMessage.Contains("after a single JSON value", StringComparison.Ordinal))
        {
            return ("there is more after the end of the graph object", "a file holds one JSON object: remove what follows its closing }");
        }

        if (readerMessage.Contains("is invalid after a value", StringComparison.Ordinal))
        {
            return ($"{DiagnosticText.Quote(token)} cannot follow a value here", "separate members and items with commas; close objects with } and arrays with ]");
        }

        return ("the JSON is not well formed here", "check the JSON at this position");
    }

    /// <summary>Where to report a syntax error: the reader stops at the bracket after a trailing comma; the comma is the mistake.</summary>
    public static int Offset(string readerMessage, ReadOnlySpan<byte> json, int offset)
    {
        if (!readerMessage.Contains("trailing comma", StringComparison.Ordinal))
        {
            return offset;
        }

        var comma = json[..Math.Min(offset, json.Length)].LastIndexOf((byte)',');
        return comma >= 0 ? comma : offset;
    }

    // The bare word the reader stopped in (nope, entities), or the one character it stopped at.
    private static string TokenAt(ReadOnlySpan<byte> json, int offset)
    {
        static bool IsWord(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'-' or (byte)'.';
        if (!IsWord(json[offset]))
        {
            System.Text.Rune.DecodeFromUtf8(json[offset..], out var rune, out _);
            return rune.ToString();
        }

        var start = offset;
        while (start > 0 && IsWord(json[start - 1]))
        {
            start--;
        }

        var end = offset;
        while (end < json.Length && IsWord(json[end]))
        {
            end++;
        }

        return System.Text.Encoding.ASCII.GetString(json[start..end]);
    }
}

using System.Text;

namespace TechTies.Cli;

/// <summary>
/// Everything the command writes goes through this writer, so that text from the data or the command line cannot
/// control the terminal: a name with an escape sequence, a carriage return or a bell could otherwise rewrite the line
/// on screen or set the window title. Control characters are shown as their symbols in Unicode's Control Pictures
/// block, as the GraphML export writes them (U+001B ESC as U+241B ␛, U+000D CR as U+240D ␍, U+007F DEL as U+2421 ␡);
/// C1 controls (U+0080 to U+009F) as U+FFFD. Line feeds and tabs stay, and so do the colour sequences the command
/// itself writes (red, yellow and reset, only on a terminal).
/// </summary>
internal sealed class VisibleWriter(TextWriter inner) : TextWriter
{
    private static readonly string[] OwnSequences = ["\u001b[31m", "\u001b[33m", "\u001b[0m"];

    /// <summary>The writer underneath, for output that moves the cursor on purpose (a progress line rewritten in place).</summary>
    public TextWriter Inner => inner;

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <summary>The text with its control characters made visible (see the class).</summary>
    public static string Visible(string text)
    {
        var i = 0;
        while (i < text.Length && !IsControl(text, i))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsControl(text, i))
            {
                builder.Append(c);
            }
            else if (c == '\u001b' && Colors.Enabled && OwnSequences.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0) is { } own)
            {
                builder.Append(own);
                i += own.Length - 1;
            }
            else
            {
                builder.Append(c switch { < ' ' => (char)('\u2400' + c), '\u007f' => '\u2421', _ => '\uFFFD' });
            }
        }

        return builder.ToString();
    }

    public override void Write(char value) => inner.Write(Visible(value.ToString()));

    public override void Write(string? value) => inner.Write(value is null ? null : Visible(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : Visible(value));

    public override void Flush() => inner.Flush();

    // A line feed and a tab are layout; a carriage return is too, but only before a line feed (a Windows line end).
    private static bool IsControl(string text, int i) => text[i] switch
    {
        '\n' or '\t' => false,
        '\r' => i + 1 >= text.Length || text[i + 1] != '\n',
        var c => c < ' ' || c is >= '\u007f' and <= '\u009f',
    };
}

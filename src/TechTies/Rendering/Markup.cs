using System.Net;
using System.Text;

namespace TechTies;

/// <summary>Escaping for the text formats the renderings produce.</summary>
internal static class Markup
{
    // Control characters other than tab and line breaks are not allowed in HTML text (nor in XML, should the HTML be read as such).
    public static string Html(string? text) => WebUtility.HtmlEncode(ReplaceControls(text ?? string.Empty));

    /// <summary>
    /// Escapes text for XML (SVG) and HTML alike: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> and both quotes as entities, line
    /// breaks and tabs as spaces, and each character that XML 1.0 forbids (other control characters, a lone surrogate,
    /// U+FFFE, U+FFFF) as U+FFFD, so that the document stays well-formed whatever the data holds.
    /// </summary>
    public static string Xml(string? text)
    {
        var builder = new StringBuilder();
        var value = text ?? string.Empty;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\t' or '\n' or '\r': builder.Append(' '); break;
                case < ' ' or '\uFFFE' or '\uFFFF': builder.Append('\uFFFD'); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static string ReplaceControls(string text) =>
        text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r'))
            ? string.Concat(text.Select(c => c < ' ' && c is not ('\t' or '\n' or '\r') ? '\uFFFD' : c))
            : text;

    /// <summary>Whether <paramref name="url"/> is an absolute <c>http</c> or <c>https</c> address, the only kind the renderings link.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Escapes Markdown table-cell text: pipes, backslashes, emphasis, strikethrough and link characters, dollar signs
    /// (GitHub and Jupyter read the text between two of them, as in <c>$53 million … $41 million</c>, as mathematics), and
    /// line breaks; <c>&lt;</c>,
    /// <c>&gt;</c> and <c>&amp;</c> become HTML entities, which every Markdown flavour reads as text (a backslash before
    /// <c>&lt;</c> is not an escape in all of them, and a viewer that allows HTML would read <c>&lt;Co&gt;</c> as a tag).
    /// </summary>
    public static string MarkdownCell(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                    builder.Append("<br>");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '|' or '\\' or '*' or '_' or '`' or '[' or ']' or '#' or '$' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A link to <paramref name="url"/> when it is an absolute <c>http</c> or <c>https</c> address; any other (<c>javascript:</c>, <c>file:</c>, relative) is left as text.</summary>
    public static string HtmlLink(string text, string? url) =>
        !IsWebAddress(url) ? Html(text) : $"<a href=\"{Html(url)}\">{Html(text)}</a>";

    public static string MarkdownLink(string text, string? url) =>
        !IsWebAddress(url) ? MarkdownCell(text) : $"[{MarkdownCell(text)}](<{UrlForMarkdown(url!)}>)";

    /// <summary>
    /// A URL as a Markdown link destination in angle brackets: every character that is not an unreserved or reserved
    /// URL character (RFC 3986), or a percent sign, is percent-encoded (as UTF-8), so that no <c>&lt;</c>, <c>&gt;</c>,
    /// backslash, space or line break can end the destination early and let the rest be read as raw HTML.
    /// </summary>
    public static string UrlForMarkdown(string url)
    {
        var builder = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (char.IsAsciiLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
                continue;
            }

            var rune = Rune.TryGetRuneAt(url, i, out var r) ? r : Rune.ReplacementChar;
            i += rune.Utf16SequenceLength - 1;
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}

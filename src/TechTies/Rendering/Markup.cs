using System.Net;
using System.Text;

namespace TechTies;

/// <summary>Escaping for the text formats the renderings produce.</summary>
internal static class Markup
{
    public static string Html(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

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

    public static string HtmlLink(string text, string? url) =>
        url is null ? Html(text) : $"<a href=\"{Html(url)}\">{Html(text)}</a>";

    public static string MarkdownLink(string text, string? url) =>
        url is null ? MarkdownCell(text) : $"[{MarkdownCell(text)}](<{UrlForMarkdown(url)}>)";

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

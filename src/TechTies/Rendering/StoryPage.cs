using System.Globalization;
using System.Text;

namespace TechTies.Rendering;

/// <summary>
/// The standalone HTML page of a picture: title, as-of date, the picture (inline SVG, its footnotes left to the page),
/// the sentences, the notes (warnings of the answer), the sources with links, and the table of a path set. One footnote numbering serves the picture's
/// edge labels and the sentences. No script, nothing fetched; print styles keep the picture on one page.
/// </summary>
internal static class StoryPage
{
    private const string Style = """
        body{font-family:'Liberation Serif',Georgia,'Times New Roman',serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
        h1{font-family:'Liberation Sans',Arial,Helvetica,sans-serif;font-size:1.6rem;line-height:1.25;margin:0 0 .3rem}
        .techties-asof,.techties-note{font-family:'Liberation Sans',Arial,Helvetica,sans-serif;color:#555;margin:.2rem 0}
        figure{margin:1.2rem 0}figure svg{display:block;max-width:100%;height:auto}
        ol.techties-sources{font-size:.9rem}a{color:#1b4f8a}
        table{border-collapse:collapse;font-family:'Liberation Sans',Arial,Helvetica,sans-serif;font-size:.8rem;margin-top:1rem}
        th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
        footer{margin-top:2rem;font-size:.8rem;color:#666}
        @media print{body{margin:0;max-width:none}figure{break-inside:avoid}a{color:inherit}}
        """;

    public static string Write(NetworkPicture picture, TechTiesGraph graph, Func<PathRenderer.Footnotes, IReadOnlyList<string>>? sentences, Func<string>? table)
    {
        var notes = new PathRenderer.Footnotes(graph);
        var svg = PictureSvg.Write(picture, notes, footnotes: false);
        var lines = sentences is null ? EdgeSentences(picture, notes) : sentences(notes);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Append("<title>").Append(Markup.Xml(picture.Title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<article>\n")
            .Append("<h1>").Append(Markup.Xml(picture.Title)).Append("</h1>\n");
        if (picture.AsOf is { } asOf)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"techties-asof\">As of {Markup.Xml(asOf.ToString())}</p>\n");
        }

        if (picture.Note is { } note)
        {
            html.Append("<p class=\"techties-note\">").Append(Markup.Xml(note)).Append("</p>\n");
        }

        html.Append("<figure>\n").Append(svg).Append("</figure>\n");
        if (lines.Count > 0)
        {
            html.Append("<ol class=\"techties-sentences\">\n");
            foreach (var line in lines)
            {
                html.Append("<li>").Append(Markup.Xml(line)).Append("</li>\n");
            }

            html.Append("</ol>\n");
        }

        // What the answer leaves out or could not know (a path set's warnings and notes, a total's warnings): on the page, not only on stderr.
        if (!picture.PageNotes.IsEmpty)
        {
            html.Append("<h2>Notes</h2>\n<ul class=\"techties-notes\">\n");
            foreach (var line in picture.PageNotes)
            {
                html.Append("<li>").Append(Markup.Xml(line)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (notes.Count > 0)
        {
            html.Append("<h2>Sources</h2>\n<ol class=\"techties-sources\">\n");
            foreach (var (source, reference) in notes.Sources())
            {
                html.Append("<li>").Append(Link(reference, source?.Url)).Append("</li>\n");
            }

            html.Append("</ol>\n");
        }

        if (table is not null)
        {
            html.Append(table());
        }

        return html.Append("<footer>Made with TechTies.</footer>\n</article>\n</body>\n</html>\n").ToString();
    }

    private static string Link(string text, string? url) =>
        Markup.IsWebAddress(url) ? $"<a href=\"{Markup.Xml(url)}\">{Markup.Xml(text)}</a>" : Markup.Xml(text);

    // For a picture that is not a path set: one sentence per tie, in the order drawn, with its footnotes.
    private static List<string> EdgeSentences(NetworkPicture picture, PathRenderer.Footnotes notes) =>
        [.. picture.Ties.Select(tie =>
        {
            var amount = PathRenderer.AmountOf(tie) is { } money ? $" ({MoneyText.Format(money)})" : string.Empty;
            var cited = notes.Cite(PathRenderer.CitationsOf(tie));
            return $"{tie.From.Name} {tie.Type.Label} {tie.To.Name}{PathRenderer.Span(tie.Since, tie.Until)}{amount} {(cited.Length > 0 ? cited : "[no source]")}.";
        })];
}

using System.Globalization;
using System.Security;
using System.Text;

namespace TechTies.Rendering;

/// <summary>
/// Draws a path set as SVG without any layout engine: paths are linear, so each path is a row of boxes joined by
/// labelled arrows, drawn in the direction the path was walked. Widths come from a fixed per-character estimate.
/// </summary>
internal static class PathPicture
{
    private const int CharWidth = 7;
    private const int BoxHeight = 30;
    private const int RowHeight = 70;
    private const int Padding = 10;
    private const int MaxRows = 50;

    public static string Svg(PathSet set)
    {
        var rows = set.Take(MaxRows).ToList();
        var body = new StringBuilder();
        var width = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var y = Padding + (r * RowHeight) + 20;
            var x = Padding;
            var path = rows[r];
            for (var i = 0; i < path.Nodes.Length; i++)
            {
                var name = Shorten(path.Nodes[i].Name);
                var boxWidth = (name.Length * CharWidth) + 16;
                body.Append(Invariant($"<rect x=\"{x}\" y=\"{y}\" width=\"{boxWidth}\" height=\"{BoxHeight}\" rx=\"6\" fill=\"#eef3fb\" stroke=\"#4a6fa5\"/>"))
                    .Append(Invariant($"<text x=\"{x + 8}\" y=\"{y + 20}\">{SecurityElement.Escape(name)}</text>\n"));
                x += boxWidth;
                if (i < path.Steps.Length)
                {
                    var label = Shorten(path.Steps[i].Label);
                    var arrow = Math.Max(60, (label.Length * CharWidth) + 20);
                    var mid = y + (BoxHeight / 2);
                    body.Append(Invariant($"<line x1=\"{x}\" y1=\"{mid}\" x2=\"{x + arrow - 2}\" y2=\"{mid}\" stroke=\"#555\" marker-end=\"url(#techties-arrow)\"/>"))
                        .Append(Invariant($"<text x=\"{x + 10}\" y=\"{mid - 6}\" font-size=\"11\" fill=\"#333\">{SecurityElement.Escape(label)}</text>\n"));
                    x += arrow;
                }
            }

            width = Math.Max(width, x + Padding);
        }

        // Below the rows, a line for each cut: the paths drawn here, and the paths the query left out.
        var more = set.Count - rows.Count;
        var height = Padding + (rows.Count * RowHeight);
        if (more > 0)
        {
            height += 20;
            body.Append(Invariant($"<text x=\"{Padding}\" y=\"{height - 5}\">… {more} more paths</text>\n"));
        }

        if (set.IsTruncated)
        {
            var note = PathRenderer.Truncated(set);
            height += 20;
            width = Math.Max(width, (2 * Padding) + (note.Length * CharWidth));
            body.Append(Invariant($"<text x=\"{Padding}\" y=\"{height - 5}\" class=\"techties-truncated\">{SecurityElement.Escape(note)}</text>\n"));
        }

        return Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Math.Max(width, 200)}\" height=\"{Math.Max(height, 40)}\" font-family=\"sans-serif\" font-size=\"13\">\n")
            + "<defs><marker id=\"techties-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n"
            + body
            + "</svg>";
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 48 ? oneLine : string.Concat(oneLine.AsSpan(0, 47), "…");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

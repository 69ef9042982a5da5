using System.Globalization;
using System.Text;
using TechTies.Rendering;

namespace TechTies;

/// <summary>
/// HTML displays of the results that have no <c>ToHtml()</c> of their own, for notebooks (the package's .NET
/// Interactive extension registers them) and any other HTML page: fragments with every text HTML-encoded, no script.
/// </summary>
public static class HtmlDisplay
{
    /// <summary>An explanation of a pattern query as a table of its steps (how many candidates each kept, and some of their names), then the nearest miss and other connections.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <returns>The HTML fragment.</returns>
    public static string Of(QueryExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var html = new StringBuilder("<div class=\"techties-explanation\">\n<p>")
            .Append(Markup.Xml($"{explanation.Query}: {Count(explanation.Found, "path")} found")).Append("</p>\n")
            .Append("<table>\n<thead><tr><th>Step</th><th>Candidates</th><th>Some of them</th></tr></thead>\n<tbody>\n");
        foreach (var step in explanation.Steps)
        {
            var names = string.Join(", ", step.Candidates.Take(5).Select(c => c.Name)) + (step.Candidates.Length > 5 ? ", …" : string.Empty);
            html.Append("<tr><td>").Append(Markup.Xml(step.Pattern)).Append("</td><td>")
                .Append(step.Candidates.Length.ToString(CultureInfo.InvariantCulture)).Append(step.TruncationReason is { } cut ? " (truncated: " + Markup.Xml(cut) + ")" : string.Empty)
                .Append("</td><td>").Append(Markup.Xml(names)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (explanation.NearestMiss is { } miss)
        {
            html.Append("<p>Nearest miss: ").Append(Markup.Xml(miss.ToString())).Append(explanation.MissingStep is { } missing ? " (missing: " + Markup.Xml(missing) + ")" : string.Empty).Append("</p>\n");
        }

        if (!explanation.OtherConnections.IsEmpty)
        {
            html.Append("<p>Other connections:</p>\n<ul>\n");
            foreach (var path in explanation.OtherConnections)
            {
                html.Append("<li>").Append(Markup.Xml(path.ToString())).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        return html.Append("</div>\n").ToString();
    }

    /// <summary>A neighbourhood: its network picture (SVG), then its members by distance.</summary>
    /// <param name="neighborhood">The neighbourhood.</param>
    /// <returns>The HTML fragment.</returns>
    public static string Of(Neighborhood neighborhood)
    {
        ArgumentNullException.ThrowIfNull(neighborhood);
        var html = new StringBuilder("<div class=\"techties-neighborhood\">\n").Append(neighborhood.ToSvg())
            .Append("<table>\n<thead><tr><th>Entity</th><th>Kind</th><th>Steps away</th></tr></thead>\n<tbody>\n");
        foreach (var entity in neighborhood.Entities)
        {
            html.Append("<tr><td>").Append(Markup.Xml(entity.Name)).Append("</td><td>").Append(entity.Kind.ToName()).Append("</td><td>")
                .Append(neighborhood.DistanceOf(entity)!.Value.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n</div>\n").ToString();
    }

    /// <summary>Interlocks as a table: each second-degree entity, how many first-degree entities it shares, and which.</summary>
    /// <param name="interlocks">The interlocks, as <see cref="GraphConnections.Interlocks"/> ranks them.</param>
    /// <returns>The HTML fragment.</returns>
    public static string Of(IEnumerable<Interlock> interlocks)
    {
        ArgumentNullException.ThrowIfNull(interlocks);
        var html = new StringBuilder("<table class=\"techties-interlocks\">\n<thead><tr><th>Entity</th><th>Kind</th><th>Shared</th><th>Through</th></tr></thead>\n<tbody>\n");
        foreach (var interlock in interlocks)
        {
            html.Append("<tr><td>").Append(Markup.Xml(interlock.Entity.Name)).Append("</td><td>").Append(interlock.Entity.Kind.ToName()).Append("</td><td>")
                .Append(interlock.Shared.Length.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(Markup.Xml(string.Join(", ", interlock.Shared.Select(s => s.Name)))).Append("</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>Diagnostics as a table: where (file, line, column), severity, code, message and suggestion.</summary>
    /// <param name="diagnostics">The diagnostics, such as <see cref="GraphLoadException.Diagnostics"/> or a graph's warnings.</param>
    /// <returns>The HTML fragment.</returns>
    public static string Of(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var html = new StringBuilder("<table class=\"techties-diagnostics\">\n<thead><tr><th>Where</th><th>Severity</th><th>Code</th><th>Message</th></tr></thead>\n<tbody>\n");
        foreach (var d in diagnostics)
        {
            html.Append("<tr><td>").Append(Markup.Xml($"{d.File}:{d.Line.ToString(CultureInfo.InvariantCulture)}:{d.Column.ToString(CultureInfo.InvariantCulture)}")).Append("</td><td>")
                .Append(d.Severity.ToString().ToLowerInvariant()).Append("</td><td>").Append(Markup.Xml(d.Code)).Append("</td><td>")
                .Append(Markup.Xml(d.Message)).Append(d.Suggestion is { } s ? "<br/>" + Markup.Xml(s) : string.Empty).Append("</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}";
}

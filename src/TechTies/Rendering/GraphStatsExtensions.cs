using System.Globalization;

namespace TechTies;

/// <summary>Renderings of <see cref="GraphStats"/>: Markdown and HTML tables.</summary>
public static class GraphStatsExtensions
{
    /// <summary>The statistics as Markdown tables: entities by kind and ties by type.</summary>
    /// <param name="stats">The statistics.</param>
    /// <returns>The Markdown.</returns>
    public static string ToMarkdown(this GraphStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var md = new System.Text.StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"{stats.Entities} entities, {stats.Ties} ties ({stats.UndatedTies} undated, {stats.UnsourcedTies} without a source, {stats.DisputedFields} fields where sources differ)").AppendLine();
        md.AppendLine("| kind | entities |").AppendLine("|---|---:|");
        foreach (var (kind, count) in stats.EntitiesByKind)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {kind.ToName()} | {count} |");
        }

        md.AppendLine().AppendLine("| relationship type | ties |").AppendLine("|---|---:|");
        foreach (var (type, count) in stats.TiesByType)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {type} | {count} |");
        }

        return md.ToString();
    }

    /// <summary>The statistics as an HTML fragment with two tables.</summary>
    /// <param name="stats">The statistics.</param>
    /// <returns>The HTML.</returns>
    public static string ToHtml(this GraphStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var html = new System.Text.StringBuilder();
        html.AppendLine(CultureInfo.InvariantCulture, $"<div class=\"techties-stats\"><p>{stats.Entities} entities, {stats.Ties} ties ({stats.UndatedTies} undated, {stats.UnsourcedTies} without a source, {stats.DisputedFields} fields where sources differ)</p>");
        html.AppendLine("<table><thead><tr><th>kind</th><th>entities</th></tr></thead><tbody>");
        foreach (var (kind, count) in stats.EntitiesByKind)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{kind.ToName()}</td><td>{count}</td></tr>");
        }

        html.AppendLine("</tbody></table><table><thead><tr><th>relationship type</th><th>ties</th></tr></thead><tbody>");
        foreach (var (type, count) in stats.TiesByType)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{Markup.Html(type)}</td><td>{count}</td></tr>");
        }

        return html.AppendLine("</tbody></table></div>").ToString();
    }
}

using System.Collections.Immutable;
using System.Globalization;

namespace TechTies;

/// <summary>Counts that describe a graph: entities by kind, ties by type, dated and sourced ties. Immutable.</summary>
public sealed class GraphStats
{
    internal GraphStats(TechTiesGraph graph)
    {
        Entities = graph.Entities.Length;
        Ties = graph.Ties.Length;
        EntitiesByKind = Enum.GetValues<Kind>().ToImmutableSortedDictionary(k => k, k => graph.Entities.Count(e => e.Kind == k));
        TiesByType = graph.Ties.GroupBy(t => t.Type.Name, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        UndatedTies = graph.Ties.Count(t => t.IsUndated);
        UnsourcedTies = graph.Ties.Count(t => t.Citations.IsEmpty);
        DisputedFields = graph.Entities.Sum(e => e.FieldClaims.Count(c => c.IsDisputed)) + graph.Ties.Sum(t => t.FieldClaims.Count(c => c.IsDisputed));
        Warnings = graph.Warnings.Length;
    }

    /// <summary>The number of entities.</summary>
    public int Entities { get; }

    /// <summary>The number of ties.</summary>
    public int Ties { get; }

    /// <summary>The number of entities of each kind (every kind is present, possibly with 0).</summary>
    public ImmutableSortedDictionary<Kind, int> EntitiesByKind { get; }

    /// <summary>The number of ties of each relationship type that occurs, by type name.</summary>
    public ImmutableSortedDictionary<string, int> TiesByType { get; }

    /// <summary>The number of ties with neither a since nor an until date.</summary>
    public int UndatedTies { get; }

    /// <summary>The number of ties that cite no source.</summary>
    public int UnsourcedTies { get; }

    /// <summary>The number of fields, of entities and ties, for which sources give different values.</summary>
    public int DisputedFields { get; }

    /// <summary>The number of load warnings.</summary>
    public int Warnings { get; }

    /// <summary>The statistics as Markdown tables: entities by kind and ties by type.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown()
    {
        var md = new System.Text.StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"{Entities} entities, {Ties} ties ({UndatedTies} undated, {UnsourcedTies} without a source, {DisputedFields} fields where sources differ)").AppendLine();
        md.AppendLine("| kind | entities |").AppendLine("|---|---:|");
        foreach (var (kind, count) in EntitiesByKind)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {kind.ToName()} | {count} |");
        }

        md.AppendLine().AppendLine("| relationship type | ties |").AppendLine("|---|---:|");
        foreach (var (type, count) in TiesByType)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {type} | {count} |");
        }

        return md.ToString();
    }

    /// <summary>The statistics as an HTML fragment with two tables.</summary>
    /// <returns>The HTML.</returns>
    public string ToHtml()
    {
        var html = new System.Text.StringBuilder();
        html.AppendLine(CultureInfo.InvariantCulture, $"<div class=\"techties-stats\"><p>{Entities} entities, {Ties} ties ({UndatedTies} undated, {UnsourcedTies} without a source, {DisputedFields} fields where sources differ)</p>");
        html.AppendLine("<table><thead><tr><th>kind</th><th>entities</th></tr></thead><tbody>");
        foreach (var (kind, count) in EntitiesByKind)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{kind.ToName()}</td><td>{count}</td></tr>");
        }

        html.AppendLine("</tbody></table><table><thead><tr><th>relationship type</th><th>ties</th></tr></thead><tbody>");
        foreach (var (type, count) in TiesByType)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{Markup.Html(type)}</td><td>{count}</td></tr>");
        }

        return html.AppendLine("</tbody></table></div>").ToString();
    }

    /// <summary>A one-line summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Entities} entities, {Ties} ties, {UndatedTies} undated, {UnsourcedTies} without a source, {DisputedFields} disputed fields";
}

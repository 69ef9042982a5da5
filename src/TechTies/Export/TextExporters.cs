using System.Globalization;
using System.Text;
using TechTies.Diagrams;

namespace TechTies.Export;

/// <summary>Graphviz DOT of the whole graph, by the one <see cref="DotWriter"/>.</summary>
internal static class DotExporter
{
    public static void Write(TechTiesGraph graph, Stream stream)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var dot = new DotWriter(text, "  ");
        dot.Open("digraph \"techties\"");
        dot.Statement("node [shape=box]");
        foreach (var entity in Drawn(graph))
        {
            dot.Node(entity.Id, ("label", entity.Name), ("kind", entity.Kind.ToName()));
        }

        foreach (var edge in Edges(graph.Ties))
        {
            var sources = string.Join(",", edge.SelectMany(DiagramLabels.CitationsOf).Select(c => c.Source).Distinct());
            var tie = edge.First();
            if (edge.Count() == 1)
            {
                var dates = tie.Since is null && tie.Until is null ? string.Empty : $" ({tie.Since?.ToString() ?? "?"} to {tie.Until?.ToString() ?? "?"})";
                dot.Edge(tie.From.Id, tie.To.Id, ("id", tie.Id), ("label", tie.Type.Label + dates), ("type", tie.Type.Name), ("sources", sources));
            }
            else
            {
                dot.Edge(tie.From.Id, tie.To.Id, ("ids", string.Join(",", edge.Select(t => t.Id))), ("label", DiagramLabels.Edge(tie.Type, [.. edge])), ("type", tie.Type.Name), ("sources", sources));
            }
        }

        dot.Close();
    }

    // Sources are cited, not tied: one that no tie leads to or from would be an unconnected node, so it is only named in
    // the sources attribute of the edges that cite it.
    internal static IEnumerable<Entity> Drawn(TechTiesGraph graph)
    {
        var tied = graph.Ties.SelectMany(t => new[] { t.From, t.To }).ToHashSet();
        return graph.Entities.Where(e => e is not Source || tied.Contains(e));
    }

    // Parallel ties of one type between the same two entities: one edge, in the order of their first tie.
    internal static IEnumerable<IGrouping<(Entity, Entity, RelationshipType), Tie>> Edges(IEnumerable<Tie> ties) => ties.GroupBy(t => (t.From, t.To, t.Type));
}

/// <summary>
/// A Mermaid flowchart: node ids are <c>n1</c>, <c>n2</c>… (never a keyword such as <c>end</c>), labels are quoted
/// with Mermaid's entity codes for characters it would read as syntax, and a diagram with more ties than the limit
/// draws the first ones (in tie id order) and a visible note of how many it left out.
/// </summary>
internal static class MermaidExporter
{
    public static void Write(TechTiesGraph graph, Stream stream, int maxTies)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var mermaid = new MermaidWriter(text, "  ");
        mermaid.Open();
        var ids = new Dictionary<Entity, string>();
        foreach (var entity in DotExporter.Drawn(graph))
        {
            ids[entity] = "n" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
            mermaid.Node(ids[entity], entity.Name);
        }

        // Parallel ties of one type are one edge that counts them ("3 contracts, $92.25M"); the limit counts ties.
        var drawn = 0;
        foreach (var edge in DotExporter.Edges(graph.Ties))
        {
            var group = edge.ToList();
            if (drawn + group.Count > maxTies)
            {
                break;
            }

            drawn += group.Count;
            var tie = group[0];
            mermaid.Edge(ids[tie.From], ids[tie.To], group.Count == 1 ? tie.Type.Label : DiagramLabels.Edge(tie.Type, group));
        }

        if (graph.Ties.Length > drawn)
        {
            var more = graph.Ties.Length - drawn;
            mermaid.Node("more", $"… {more.ToString(CultureInfo.InvariantCulture)} more {(more == 1 ? "tie" : "ties")} not shown");
        }
    }
}

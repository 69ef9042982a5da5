using System.Globalization;
using System.Text;
using TechTies.Rendering;

namespace TechTies.Export;

/// <summary>Graphviz DOT: every id and label is a double-quoted string with quotes, backslashes and line breaks escaped.</summary>
internal static class DotExporter
{
    public static void Write(TechTiesGraph graph, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("digraph \"techties\" {");
        writer.WriteLine("  node [shape=box];");
        foreach (var entity in Drawn(graph))
        {
            writer.WriteLine($"  {Quote(entity.Id)} [label={Quote(entity.Name)}, kind={Quote(entity.Kind.ToName())}];");
        }

        foreach (var edge in Edges(graph.Ties))
        {
            var sources = Quote(string.Join(",", edge.SelectMany(PathRenderer.CitationsOf).Select(c => c.Source).Distinct()));
            var tie = edge.First();
            if (edge.Count() == 1)
            {
                var dates = tie.Since is null && tie.Until is null ? string.Empty : $" ({tie.Since?.ToString() ?? "?"} to {tie.Until?.ToString() ?? "?"})";
                writer.WriteLine($"  {Quote(tie.From.Id)} -> {Quote(tie.To.Id)} [id={Quote(tie.Id)}, label={Quote(tie.Type.Label + dates)}, type={Quote(tie.Type.Name)}, sources={sources}];");
            }
            else
            {
                writer.WriteLine($"  {Quote(tie.From.Id)} -> {Quote(tie.To.Id)} [ids={Quote(string.Join(",", edge.Select(t => t.Id)))}, label={Quote(PictureSvg.EdgeLabel(tie.Type, [.. edge]))}, type={Quote(tie.Type.Name)}, sources={sources}];");
            }
        }

        writer.WriteLine("}");
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

    internal static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => string.Empty,
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
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
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("flowchart LR");
        var ids = new Dictionary<Entity, string>();
        foreach (var entity in DotExporter.Drawn(graph))
        {
            ids[entity] = "n" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"  {ids[entity]}[\"{Label(entity.Name)}\"]");
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
            var label = group.Count == 1 ? tie.Type.Label : PictureSvg.EdgeLabel(tie.Type, group);
            writer.WriteLine($"  {ids[tie.From]} -->|\"{Label(label)}\"| {ids[tie.To]}");
        }

        if (graph.Ties.Length > drawn)
        {
            var more = graph.Ties.Length - drawn;
            writer.WriteLine($"  more[\"… {more.ToString(CultureInfo.InvariantCulture)} more {(more == 1 ? "tie" : "ties")} not shown\"]");
        }
    }

    internal static string Label(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '|' => "#124;",
                '`' => "#96;",
                '\n' => "<br>",
                '\r' => string.Empty,
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}

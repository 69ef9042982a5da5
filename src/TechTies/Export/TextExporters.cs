using System.Globalization;
using System.Text;

namespace TechTies.Export;

/// <summary>Graphviz DOT: every id and label is a double-quoted string with quotes, backslashes and line breaks escaped.</summary>
internal static class DotExporter
{
    public static void Write(TechTiesGraph graph, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("digraph \"techties\" {");
        writer.WriteLine("  node [shape=box];");
        foreach (var entity in graph.Entities)
        {
            writer.WriteLine($"  {Quote(entity.Id)} [label={Quote(entity.Name)}, kind={Quote(entity.Kind.ToName())}];");
        }

        foreach (var tie in graph.Ties)
        {
            var dates = tie.Since is null && tie.Until is null ? string.Empty : $" ({tie.Since?.ToString() ?? "?"} to {tie.Until?.ToString() ?? "?"})";
            writer.WriteLine($"  {Quote(tie.From.Id)} -> {Quote(tie.To.Id)} [id={Quote(tie.Id)}, label={Quote(tie.Type.Label + dates)}, type={Quote(tie.Type.Name)}];");
        }

        writer.WriteLine("}");
    }

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
        foreach (var entity in graph.Entities)
        {
            ids[entity] = "n" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"  {ids[entity]}[\"{Label(entity.Name)}\"]");
        }

        foreach (var tie in graph.Ties.Take(maxTies))
        {
            writer.WriteLine($"  {ids[tie.From]} -->|\"{Label(tie.Type.Label)}\"| {ids[tie.To]}");
        }

        if (graph.Ties.Length > maxTies)
        {
            var more = graph.Ties.Length - maxTies;
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

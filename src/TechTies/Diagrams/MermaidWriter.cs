using System.Text;

namespace TechTies.Diagrams;

/// <summary>
/// The one Mermaid flowchart writer, for the graph export and for path sets: labels are quoted with Mermaid's entity
/// codes for characters it would read as syntax; lines end with <c>\n</c>.
/// </summary>
internal sealed class MermaidWriter(TextWriter text, string indent)
{
    public void Open() => text.Write("flowchart LR\n");

    public void Node(string id, string label) => text.Write($"{indent}{id}[\"{Label(label)}\"]\n");

    public void Edge(string from, string to, string label) => text.Write($"{indent}{from} -->|\"{Label(label)}\"| {to}\n");

    /// <summary>A <c>%%</c> comment for whoever reads the source; line breaks become spaces.</summary>
    public void Comment(string comment) => text.Write($"{indent}%% {comment.ReplaceLineEndings(" ")}\n");

    public static string Label(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value)
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

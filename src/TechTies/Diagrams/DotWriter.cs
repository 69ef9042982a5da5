using System.Text;

namespace TechTies.Diagrams;

/// <summary>
/// The one Graphviz DOT writer, for the graph export and for path sets: every id and label is a double-quoted string
/// with quotes, backslashes and line breaks escaped; statements end with <c>;</c> and lines with <c>\n</c>.
/// </summary>
internal sealed class DotWriter(TextWriter text, string indent)
{
    /// <summary>Opens the graph: <paramref name="header"/> is such as <c>digraph "techties"</c>.</summary>
    public void Open(string header) => text.Write(header + " {\n");

    /// <summary>A statement as it is, such as <c>rankdir=LR</c>.</summary>
    public void Statement(string statement) => text.Write(indent + statement + ";\n");

    public void Node(string id, params ReadOnlySpan<(string Key, string Value)> attributes) => Statement($"{Quote(id)} {Attributes(attributes)}");

    public void Edge(string from, string to, params ReadOnlySpan<(string Key, string Value)> attributes) => Statement($"{Quote(from)} -> {Quote(to)} {Attributes(attributes)}");

    public void Close() => text.Write("}\n");

    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
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

    private static string Attributes(ReadOnlySpan<(string Key, string Value)> attributes)
    {
        var builder = new StringBuilder("[");
        foreach (var (key, value) in attributes)
        {
            builder.Append(builder.Length == 1 ? string.Empty : ", ").Append(key).Append('=').Append(Quote(value));
        }

        return builder.Append(']').ToString();
    }
}

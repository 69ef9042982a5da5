namespace TechTies;

/// <summary>The formats <see cref="GraphExport.Export(TechTiesGraph, ExportFormat, Stream, ExportOptions?)"/> writes. <c>docs/export.md</c> describes each.</summary>
public enum ExportFormat
{
    /// <summary>The canonical JSON format (<c>docs/json.md</c>): lossless, versioned, loadable with <see cref="TechTiesGraph.Load(string[])"/>.</summary>
    Json,

    /// <summary>Format v1 YAML, loadable and readable for review.</summary>
    Yaml,

    /// <summary>GraphML with typed keys (Gephi, yEd, NetworkX, igraph).</summary>
    GraphML,

    /// <summary>GEXF 1.3 with time intervals from tie dates (Gephi).</summary>
    Gexf,

    /// <summary>Node-link JSON (NetworkX <c>node_link_graph</c>, d3).</summary>
    NodeLink,

    /// <summary>Cytoscape.js elements JSON.</summary>
    Cytoscape,

    /// <summary>Graphviz DOT.</summary>
    Dot,

    /// <summary>A Mermaid flowchart.</summary>
    Mermaid,

    /// <summary>A zip archive of <c>entities.csv</c> and <c>ties.csv</c> for spreadsheets.</summary>
    Csv,

    /// <summary>A zip archive of neo4j-admin bulk-import CSV files and a Cypher <c>LOAD CSV</c> script.</summary>
    Neo4j,
}

/// <summary>Options for exports. Immutable.</summary>
public sealed record ExportOptions
{
    /// <summary>The defaults.</summary>
    public static ExportOptions Default { get; } = new();

    /// <summary>
    /// The member that holds the edges in <see cref="ExportFormat.NodeLink"/>: <c>links</c> (the default, as NetworkX
    /// before 3.4 and d3 expect) or <c>edges</c> (NetworkX 3.4 and later with <c>edges="edges"</c>).
    /// </summary>
    public string NodeLinkEdgesKey { get; init; } = "links";

    /// <summary>The most ties a <see cref="ExportFormat.Mermaid"/> diagram draws before it notes how many it left out (500: Mermaid refuses much larger diagrams).</summary>
    public int MermaidMaxTies { get; init; } = 500;

    internal void Validate()
    {
        var problems = new List<string>();
        if (NodeLinkEdgesKey is not ("links" or "edges"))
        {
            problems.Add($"NodeLinkEdgesKey is '{NodeLinkEdgesKey}'; it must be 'links' or 'edges'.");
        }

        if (MermaidMaxTies < 1)
        {
            problems.Add($"MermaidMaxTies is {MermaidMaxTies}; it must be at least 1.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The export options are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)), "options");
        }
    }
}

/// <summary>The command-line names of the export formats (<c>json</c>, <c>node-link</c>…) and their usual file extensions.</summary>
public static class ExportFormatNames
{
    private static readonly string[] Names = ["json", "yaml", "graphml", "gexf", "node-link", "cytoscape", "dot", "mermaid", "csv", "neo4j"];
    private static readonly string[] Extensions = [".json", ".yaml", ".graphml", ".gexf", ".json", ".json", ".dot", ".mmd", ".zip", ".zip"];

    /// <summary>All names, in the order of <see cref="ExportFormat"/>.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The name of a format as the command line writes it, such as <c>node-link</c>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The name.</returns>
    public static string ToName(this ExportFormat format) => Names[(int)format];

    /// <summary>The usual file extension of a format, such as <c>.graphml</c>; <c>.zip</c> for the multi-file formats.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The extension, with its dot.</returns>
    public static string FileExtension(this ExportFormat format) => Extensions[(int)format];

    /// <summary>Parses a format name such as <c>node-link</c> (ordinal, lowercase).</summary>
    /// <param name="name">The name.</param>
    /// <param name="format">The format when the name is known.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a format.</returns>
    public static bool TryParse(string name, out ExportFormat format)
    {
        var index = Array.IndexOf(Names, name);
        format = index < 0 ? default : (ExportFormat)index;
        return index >= 0;
    }
}

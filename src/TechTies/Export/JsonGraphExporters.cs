using System.Text.Encodings.Web;
using System.Text.Json;

namespace TechTies.Export;

/// <summary>The JSON interchange formats: node-link (NetworkX, d3) and Cytoscape.js elements.</summary>
internal static class JsonGraphExporters
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    };

    /// <summary>
    /// <c>{directed, multigraph, graph, nodes, links}</c>: nodes carry <c>id</c> and the flat entity columns, links
    /// <c>source</c>, <c>target</c>, <c>key</c> (the tie id) and the flat tie columns.
    /// </summary>
    public static void WriteNodeLink(TechTiesGraph graph, Stream stream, string edgesKey)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteBoolean("directed", true);
            json.WriteBoolean("multigraph", true);
            json.WriteStartObject("graph");
            json.WriteString("name", "techties");
            json.WriteEndObject();
            json.WriteStartArray("nodes");
            foreach (var entity in graph.Entities)
            {
                json.WriteStartObject();
                foreach (var (column, value) in FlatRecords.Pairs(FlatRecords.EntityColumns, FlatRecords.Entity(entity)))
                {
                    json.WriteString(column, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray(edgesKey);
            foreach (var tie in graph.Ties)
            {
                json.WriteStartObject();
                json.WriteString("source", tie.From.Id);
                json.WriteString("target", tie.To.Id);
                json.WriteString("key", tie.Id);
                foreach (var (column, value) in FlatRecords.Pairs(FlatRecords.TieColumns, FlatRecords.Tie(tie)).Where(p => p.Column is not ("id" or "from" or "to")))
                {
                    json.WriteString(column, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// <c>{elements: {nodes: [{data}], edges: [{data}]}}</c> with flat <c>data</c>: nodes have <c>id</c>,
    /// <c>label</c> and the entity columns; edges <c>id</c>, <c>source</c>, <c>target</c>, <c>label</c> and the tie columns.
    /// </summary>
    public static void WriteCytoscape(TechTiesGraph graph, Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("elements");
            json.WriteStartArray("nodes");
            foreach (var entity in graph.Entities)
            {
                json.WriteStartObject();
                json.WriteStartObject("data");
                json.WriteString("id", entity.Id);
                json.WriteString("label", entity.Name);
                foreach (var (column, value) in FlatRecords.Pairs(FlatRecords.EntityColumns, FlatRecords.Entity(entity)).Where(p => p.Column != "id"))
                {
                    json.WriteString(column, value);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("edges");
            foreach (var tie in graph.Ties)
            {
                json.WriteStartObject();
                json.WriteStartObject("data");
                json.WriteString("id", tie.Id);
                json.WriteString("source", tie.From.Id);
                json.WriteString("target", tie.To.Id);
                foreach (var (column, value) in FlatRecords.Pairs(FlatRecords.TieColumns, FlatRecords.Tie(tie)).Where(p => p.Column is not ("id" or "from" or "to")))
                {
                    json.WriteString(column, value);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }
}

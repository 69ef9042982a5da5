using TechTies.Export;

namespace TechTies;

/// <summary>Writes a graph, or a part of one, in the formats of <see cref="ExportFormat"/>.</summary>
public static class GraphExport
{
    /// <summary>
    /// Writes <paramref name="graph"/> to <paramref name="stream"/> in <paramref name="format"/> (UTF-8 without a byte
    /// order mark for text formats; a zip archive for <see cref="ExportFormat.Csv"/> and <see cref="ExportFormat.Neo4j"/>).
    /// The stream is flushed, not closed. To export a query's result, export <see cref="Subgraph"/> of it.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="format">The format.</param>
    /// <param name="stream">A writable stream.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="ExportOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static void Export(this TechTiesGraph graph, ExportFormat format, Stream stream, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ExportOptions.Default;
        options.Validate();
        switch (format)
        {
            case ExportFormat.Json:
                CanonicalJsonWriter.Write(graph, stream);
                break;
            case ExportFormat.Yaml:
                YamlGraphWriter.Write(graph, stream);
                break;
            case ExportFormat.GraphML:
                GraphMLExporter.Write(graph, stream);
                break;
            case ExportFormat.Gexf:
                GexfExporter.Write(graph, stream);
                break;
            case ExportFormat.NodeLink:
                JsonGraphExporters.WriteNodeLink(graph, stream, options.NodeLinkEdgesKey);
                break;
            case ExportFormat.Cytoscape:
                JsonGraphExporters.WriteCytoscape(graph, stream);
                break;
            case ExportFormat.Dot:
                DotExporter.Write(graph, stream);
                break;
            case ExportFormat.Mermaid:
                MermaidExporter.Write(graph, stream, options.MermaidMaxTies);
                break;
            case ExportFormat.Csv:
                CsvExporter.WriteZip(graph, stream);
                break;
            case ExportFormat.Neo4j:
                Neo4jExporter.WriteZip(graph, stream);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, $"'{format}' is not an export format.");
        }

        stream.Flush();
    }

    /// <summary>
    /// The canonical JSON of <paramref name="graph"/> as text (<see cref="ExportFormat.Json"/>); two graphs are equal
    /// when their canonical JSON is.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The JSON text.</returns>
    public static string ToCanonicalJson(this TechTiesGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var buffer = new MemoryStream();
        CanonicalJsonWriter.Write(graph, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Writes <paramref name="entity"/> as one canonical JSON entity object (<c>docs/json.md</c>; an item of
    /// <c>entities</c> in <c>schemas/techties-graph-1.0.schema.json</c>), so that other JSON documents, such as the
    /// command line's, can embed entities in the one documented shape. The writer is neither flushed nor closed.
    /// </summary>
    /// <param name="graph">The graph the entity belongs to (a contract's status comes from the tie it makes).</param>
    /// <param name="entity">An entity of <paramref name="graph"/>.</param>
    /// <param name="writer">The writer, positioned where a value may be written.</param>
    public static void WriteCanonicalJson(this TechTiesGraph graph, Entity entity, System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(writer);
        CanonicalJsonWriter.WriteEntity(graph, entity, writer);
    }

    /// <summary>
    /// Writes <paramref name="tie"/> as one canonical JSON tie object (<c>docs/json.md</c>; an item of <c>ties</c> in
    /// <c>schemas/techties-graph-1.0.schema.json</c>). The writer is neither flushed nor closed.
    /// </summary>
    /// <param name="tie">The tie.</param>
    /// <param name="writer">The writer, positioned where a value may be written.</param>
    public static void WriteCanonicalJson(this Tie tie, System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(tie);
        ArgumentNullException.ThrowIfNull(writer);
        CanonicalJsonWriter.WriteTie(tie, writer);
    }

    /// <summary>
    /// A smaller immutable graph made of <paramref name="entities"/> and <paramref name="ties"/> of
    /// <paramref name="graph"/> (a query's result, say), closed so that it is valid by itself: it also holds the ends
    /// of every tie, the sources every entity, tie and claim cites, and for every contract its vendor, agency, office,
    /// products and the ties it makes (which the contract implies). Schema and datasets are kept.
    /// </summary>
    /// <param name="graph">The graph the entities and ties belong to.</param>
    /// <param name="entities">Entities of <paramref name="graph"/>.</param>
    /// <param name="ties">Ties of <paramref name="graph"/>.</param>
    /// <returns>The subgraph.</returns>
    /// <exception cref="ArgumentException">An entity or tie does not belong to <paramref name="graph"/>.</exception>
    public static TechTiesGraph Subgraph(this TechTiesGraph graph, IEnumerable<Entity> entities, IEnumerable<Tie> ties)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(ties);
        var keptEntities = new HashSet<Entity>();
        var keptTies = new HashSet<Tie>();
        var pending = new Queue<object>();
        var graphTies = graph.Ties.ToHashSet();
        foreach (var entity in entities)
        {
            ArgumentNullException.ThrowIfNull(entity);
            pending.Enqueue(graph.TryGet(entity.Id, out var own) && ReferenceEquals(own, entity) ? own : throw new ArgumentException($"The entity '{entity.Id}' does not belong to this graph.", nameof(entities)));
        }

        foreach (var tie in ties)
        {
            ArgumentNullException.ThrowIfNull(tie);
            pending.Enqueue(graphTies.Contains(tie) ? tie : throw new ArgumentException($"The tie '{tie.Id}' does not belong to this graph.", nameof(ties)));
        }

        var contractTies = graph.Ties.Where(t => t.Contract is not null).ToLookup(t => t.Contract!.Id, StringComparer.Ordinal);
        void Cite(IEnumerable<Citation> citations, IEnumerable<FieldClaims> claims)
        {
            foreach (var c in citations.Concat(claims.SelectMany(f => f.Claims).SelectMany(c => c.Citations)))
            {
                pending.Enqueue(graph[c.Source]);
            }
        }

        while (pending.Count > 0)
        {
            switch (pending.Dequeue())
            {
                case Tie tie when keptTies.Add(tie):
                    pending.Enqueue(tie.From);
                    pending.Enqueue(tie.To);
                    if (tie.Contract is not null)
                    {
                        pending.Enqueue(tie.Contract);
                    }

                    Cite(tie.Citations, tie.FieldClaims);
                    break;
                case Entity entity when keptEntities.Add(entity):
                    Cite(entity.Citations, entity.FieldClaims);
                    if (entity is Contract contract)
                    {
                        if (contract.VendorParentId is { } parent)
                        {
                            pending.Enqueue(graph[parent]);
                        }

                        foreach (var t in contractTies[contract.Id])
                        {
                            pending.Enqueue(t);
                        }
                    }

                    break;
            }
        }

        return new TechTiesGraph(graph.Schema, keptEntities, keptTies, [], graph.Datasets);
    }
}

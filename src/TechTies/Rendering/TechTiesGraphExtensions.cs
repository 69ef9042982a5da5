namespace TechTies;

/// <summary>Renderings of what a <see cref="TechTiesGraph"/> says about one entity.</summary>
public static class TechTiesGraphExtensions
{
    /// <summary>Everything the graph says about <paramref name="entity"/>: fields, ties both ways and numbered sources.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="entity">An entity of this graph.</param>
    /// <returns>The card; its <see cref="EntityCard.ToString"/> is a readable text.</returns>
    /// <exception cref="ArgumentException"><paramref name="entity"/> is not of this graph.</exception>
    public static EntityCard Card(this TechTiesGraph graph, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new(graph, graph.Own(entity));
    }
}

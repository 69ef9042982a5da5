using QuikGraph;

namespace TechTies;

/// <summary>A read-only QuikGraph view over a <see cref="TechTiesGraph"/>: nothing is copied, nothing can change.</summary>
internal sealed class QuikGraphView(TechTiesGraph graph) : IBidirectionalGraph<Entity, Tie>
{
    public bool IsDirected => true;

    public bool AllowParallelEdges => true;

    public bool IsVerticesEmpty => graph.Entities.IsEmpty;

    public int VertexCount => graph.Entities.Length;

    public IEnumerable<Entity> Vertices => graph.Entities;

    public bool IsEdgesEmpty => graph.Ties.IsEmpty;

    public int EdgeCount => graph.Ties.Length;

    public IEnumerable<Tie> Edges => graph.Ties;

    public bool ContainsVertex(Entity vertex) => vertex is not null && graph.TryGet(vertex.Id, out var own) && ReferenceEquals(own, vertex);

    public bool ContainsEdge(Tie edge) => edge is not null && ContainsVertex(edge.From) && graph.TiesFrom(edge.From).Contains(edge);

    public bool ContainsEdge(Entity source, Entity target) => TryGetEdge(source, target, out _);

    public bool TryGetEdge(Entity source, Entity target, out Tie edge)
    {
        edge = (ContainsVertex(source) && ContainsVertex(target) ? graph.TiesFrom(source).FirstOrDefault(t => ReferenceEquals(t.To, target)) : null)!;
        return edge is not null;
    }

    public bool TryGetEdges(Entity source, Entity target, out IEnumerable<Tie> edges)
    {
        edges = (ContainsVertex(source) && ContainsVertex(target) ? graph.TiesFrom(source).Where(t => ReferenceEquals(t.To, target)).ToList() : null)!;
        return edges is not null;
    }

    public bool IsOutEdgesEmpty(Entity vertex) => OutDegree(vertex) == 0;

    public int OutDegree(Entity vertex) => Checked(vertex, graph.TiesFrom).Length;

    public IEnumerable<Tie> OutEdges(Entity vertex) => Checked(vertex, graph.TiesFrom);

    public bool TryGetOutEdges(Entity vertex, out IEnumerable<Tie> edges)
    {
        edges = (ContainsVertex(vertex) ? graph.TiesFrom(vertex) : null)!;
        return edges is not null;
    }

    public Tie OutEdge(Entity vertex, int index) => Checked(vertex, graph.TiesFrom)[index];

    public bool IsInEdgesEmpty(Entity vertex) => InDegree(vertex) == 0;

    public int InDegree(Entity vertex) => Checked(vertex, graph.TiesTo).Length;

    public IEnumerable<Tie> InEdges(Entity vertex) => Checked(vertex, graph.TiesTo);

    public bool TryGetInEdges(Entity vertex, out IEnumerable<Tie> edges)
    {
        edges = (ContainsVertex(vertex) ? graph.TiesTo(vertex) : null)!;
        return edges is not null;
    }

    public Tie InEdge(Entity vertex, int index) => Checked(vertex, graph.TiesTo)[index];

    public int Degree(Entity vertex) => InDegree(vertex) + OutDegree(vertex);

    private System.Collections.Immutable.ImmutableArray<Tie> Checked(Entity vertex, Func<Entity, System.Collections.Immutable.ImmutableArray<Tie>> ties)
    {
        ArgumentNullException.ThrowIfNull(vertex);
        return ContainsVertex(vertex) ? ties(vertex) : throw new VertexNotFoundException($"The entity '{vertex.Id}' is not in this graph.");
    }
}

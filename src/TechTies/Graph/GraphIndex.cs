using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace TechTies;

/// <summary>
/// The compact private index the query engine walks: entities and ties interned as integers (in the graph's
/// ordinal id order) and adjacency per direction in compressed sparse rows, sorted by relationship type, then by
/// the other end. Built once per graph, read-only after.
/// </summary>
internal sealed class GraphIndex
{
    private int[]? typeRankByName;
    private NeighborRows? neighbors;
    private Kind[]? nodeKinds;

    public GraphIndex(TechTiesGraph graph)
    {
        // The graph's own arrays, not copies.
        Nodes = ImmutableCollectionsMarshal.AsArray(graph.Entities)!;
        Edges = ImmutableCollectionsMarshal.AsArray(graph.Ties)!;
        TypeNames = [.. graph.Schema.RelationshipTypes.Select(t => t.Name)];
        var typeOf = TypeNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        TypeIdOf = typeOf.ToFrozenDictionary(StringComparer.Ordinal);

        EdgeFrom = new int[Edges.Length];
        EdgeTo = new int[Edges.Length];
        EdgeType = new int[Edges.Length];
        // The ends of a loaded tie are the graph's own entities, found by reference; a map held only while the
        // rows are built, as lookups by id search the sorted nodes.
        var numbers = new Dictionary<Entity, int>(Nodes.Length, ReferenceEqualityComparer.Instance);
        for (var n = 0; n < Nodes.Length; n++)
        {
            numbers[Nodes[n]] = n;
        }

        for (var e = 0; e < Edges.Length; e++)
        {
            EdgeFrom[e] = NumberOf(numbers, Edges[e].From);
            EdgeTo[e] = NumberOf(numbers, Edges[e].To);
            EdgeType[e] = typeOf[Edges[e].Type.Name];
        }

        (OutStart, OutEdges) = Rows(EdgeFrom, EdgeTo);
        (InStart, InEdges) = Rows(EdgeTo, EdgeFrom);
    }

    public Entity[] Nodes { get; }

    public Tie[] Edges { get; }

    /// <summary>The number of the node with this id (exact, ordinal).</summary>
    /// <exception cref="KeyNotFoundException">No node has the id.</exception>
    public int NodeOf(string id) => TryGetNode(id, out var node) ? node : throw new KeyNotFoundException($"No entity has the id '{id}'.");

    /// <summary>
    /// Finds the node with this id by binary search: nodes are in ordinal order of id, so a graph needs no hash map
    /// of its ids (that map took about 7 bytes per tie).
    /// </summary>
    public bool TryGetNode(string id, out int node)
    {
        var low = 0;
        var high = Nodes.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var c = string.CompareOrdinal(Nodes[middle].Id, id);
            if (c == 0)
            {
                node = middle;
                return true;
            }

            if (c < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        node = -1;
        return false;
    }

    private int NumberOf(Dictionary<Entity, int> numbers, Entity entity) =>
        numbers.TryGetValue(entity, out var node) ? node : NodeOf(entity.Id);

    public string[] TypeNames { get; }

    public FrozenDictionary<string, int> TypeIdOf { get; }

    public int[] EdgeFrom { get; }

    public int[] EdgeTo { get; }

    public int[] EdgeType { get; }

    /// <summary>Out-edges of node n are <c>OutEdges[OutStart[n]..OutStart[n + 1]]</c>.</summary>
    public int[] OutStart { get; }

    public int[] OutEdges { get; }

    /// <summary>In-edges of node n are <c>InEdges[InStart[n]..InStart[n + 1]]</c>.</summary>
    public int[] InStart { get; }

    public int[] InEdges { get; }

    /// <summary>Each node's neighbours in either direction over ties of any type, built on first use (only untyped searches need them).</summary>
    public NeighborRows Neighbors => LazyInitializer.EnsureInitialized(ref neighbors, () => new NeighborRows(this));

    public ReadOnlySpan<int> Out(int node) => OutEdges.AsSpan(OutStart[node], OutStart[node + 1] - OutStart[node]);

    public ReadOnlySpan<int> In(int node) => InEdges.AsSpan(InStart[node], InStart[node + 1] - InStart[node]);

    /// <summary>
    /// The ties of a row as <see cref="TechTiesGraph.TiesFrom"/> and <see cref="TechTiesGraph.TiesTo"/> list them: by
    /// type name, then the other end's id, then tie id (rows are by type number, then other end, then tie).
    /// </summary>
    public ImmutableArray<Tie> TiesOf(int node, bool outgoing)
    {
        var row = (outgoing ? Out(node) : In(node)).ToArray();
        var others = outgoing ? EdgeTo : EdgeFrom;
        var rank = TypeRankByName;
        Array.Sort(row, (a, b) =>
        {
            var c = rank[EdgeType[a]].CompareTo(rank[EdgeType[b]]);
            if (c != 0)
            {
                return c;
            }

            c = others[a].CompareTo(others[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var ties = new Tie[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            ties[i] = Edges[row[i]];
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(ties);
    }

    /// <summary>Each type number's place in ordinal order of type name.</summary>
    public int[] TypeRankByName => typeRankByName ??= RankByName(TypeNames);

    private static int[] RankByName(string[] names)
    {
        var order = Enumerable.Range(0, names.Length).OrderBy(i => names[i], StringComparer.Ordinal).ToArray();
        var rank = new int[names.Length];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        return rank;
    }

    /// <summary>The kind of every node, so that pattern checks read an array instead of calling into each entity.</summary>
    public Kind[] NodeKinds => nodeKinds ??= [.. Nodes.Select(n => n.Kind)];

    /// <summary>
    /// The part <c>[Start, End)</c> of an adjacency row (<see cref="Out"/> or <see cref="In"/>) that holds the ties of
    /// one type, found by binary search: rows are sorted by type first.
    /// </summary>
    public (int Start, int End) TypeRange(ReadOnlySpan<int> row, int type) =>
        (FirstNotBelow(row, 0, row.Length, EdgeType, type), FirstNotBelow(row, 0, row.Length, EdgeType, type + 1));

    /// <summary>
    /// The part <c>[Start, End)</c> of one type's range of a row (from <see cref="TypeRange"/>) whose other end is
    /// <paramref name="other"/>; <paramref name="others"/> is <see cref="EdgeTo"/> for an out-row, <see cref="EdgeFrom"/> for an in-row.
    /// </summary>
    public static (int Start, int End) OtherRange(ReadOnlySpan<int> row, int[] others, int start, int end, int other) =>
        (FirstNotBelow(row, start, end, others, other), FirstNotBelow(row, start, end, others, other + 1));

    // The first position in [start, end) whose tie has key[tie] >= value; the keys rise along [start, end).
    private static int FirstNotBelow(ReadOnlySpan<int> row, int start, int end, int[] key, int value)
    {
        while (start < end)
        {
            var middle = start + ((end - start) >> 1);
            if (key[row[middle]] < value)
            {
                start = middle + 1;
            }
            else
            {
                end = middle;
            }
        }

        return start;
    }

    // Within a row: by type, then the other end, then edge id (edge ids follow ordinal tie ids). Three stable
    // counting sorts, least significant key first: by the other end, by type, then into rows.
    private (int[] Start, int[] Edges) Rows(int[] key, int[] other)
    {
        var byOther = CountingSort(Enumerable.Range(0, key.Length).ToArray(), other, Nodes.Length, out _);
        var byType = CountingSort(byOther, EdgeType, TypeNames.Length, out _);
        var edges = CountingSort(byType, key, Nodes.Length, out var start);
        return (start, edges);
    }

    // The edges of "order" stably sorted by bucket[edge] (0 to buckets - 1); start[b] is where bucket b begins.
    private static int[] CountingSort(int[] order, int[] bucket, int buckets, out int[] start)
    {
        start = new int[buckets + 1];
        foreach (var e in order)
        {
            start[bucket[e] + 1]++;
        }

        for (var b = 0; b < buckets; b++)
        {
            start[b + 1] += start[b];
        }

        var fill = (int[])start.Clone();
        var sorted = new int[order.Length];
        foreach (var e in order)
        {
            sorted[fill[bucket[e]]++] = e;
        }

        return sorted;
    }
}

namespace TechTies;

/// <summary>
/// Each node's neighbours, whatever the direction or type of the ties: the other ends of its ties, each once and not
/// itself, in compressed sparse rows (the neighbours of node n are <c>Nodes[Start[n]..Start[n + 1]]</c>), so that an
/// untyped breadth-first search reads one array. Read-only after it is built.
/// </summary>
internal sealed class NeighborRows
{
    public NeighborRows(GraphIndex index)
    {
        var count = index.Nodes.Length;
        Start = new int[count + 1];
        var nodes = new int[index.EdgeFrom.Length * 2];
        var seen = new int[count];
        var at = 0;
        for (var n = 0; n < count; n++)
        {
            // A stamp per node (n + 1) keeps each neighbour once without clearing between rows.
            seen[n] = n + 1;
            foreach (var e in index.Out(n))
            {
                Add(index.EdgeTo[e]);
            }

            foreach (var e in index.In(n))
            {
                Add(index.EdgeFrom[e]);
            }

            Start[n + 1] = at;

            void Add(int other)
            {
                if (seen[other] != n + 1)
                {
                    seen[other] = n + 1;
                    nodes[at++] = other;
                }
            }
        }

        Nodes = at == nodes.Length ? nodes : nodes[..at];
    }

    public int[] Start { get; }

    public int[] Nodes { get; }

    public ReadOnlySpan<int> Of(int node) => Nodes.AsSpan(Start[node], Start[node + 1] - Start[node]);
}

namespace TechTies;

/// <summary>
/// Visited marks for one search over a graph's nodes, reused per thread so that a search costs what it touches, not
/// the size of the graph: a node is marked when its stamp equals the current search's, and starting a search only
/// moves the stamp on. One search at a time per thread; searches do not nest.
/// </summary>
internal sealed class VisitMarks
{
    [ThreadStatic]
    private static VisitMarks? current;

    private int[] stamps = [];
    private int stamp;

    /// <summary>Fresh marks (none set) for a graph of <paramref name="nodes"/> nodes, on this thread.</summary>
    public static VisitMarks Start(int nodes)
    {
        var marks = current ??= new VisitMarks();
        if (marks.stamps.Length < nodes)
        {
            marks.stamps = new int[nodes];
            marks.stamp = 0;
        }

        if (++marks.stamp == int.MaxValue)
        {
            Array.Clear(marks.stamps);
            marks.stamp = 1;
        }

        return marks;
    }

    public bool IsMarked(int node) => stamps[node] == stamp;

    public void Mark(int node) => stamps[node] = stamp;

    /// <summary>Marks every node of <paramref name="nodes"/>; returns how many were not marked before.</summary>
    public int MarkAll(ReadOnlySpan<int> nodes)
    {
        // Without a branch per node: most nodes of a wide layer are new, the rest are not, in no pattern.
        var marks = stamps;
        var current = stamp;
        var added = 0;
        foreach (var node in nodes)
        {
            added += marks[node] != current ? 1 : 0;
            marks[node] = current;
        }

        return added;
    }
}

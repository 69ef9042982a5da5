namespace TechTies;

/// <summary>
/// A small number per node (a hop count, 0 to <see cref="MaxValue"/>) for one search, reused per thread like
/// <see cref="VisitMarks"/> so that a search costs what it touches: a label is stored above the current search's
/// floor, anything below the floor is unset, and starting a search only raises the floor. A thread holds a few
/// independent labellings (slots), so one search can keep distances from both ends at once. One search at a time
/// per thread; searches do not nest.
/// </summary>
internal sealed class HopLabels
{
    /// <summary>The largest label; hop counts are capped well below it.</summary>
    public const int MaxValue = 15;

    /// <summary>How many labellings a thread holds.</summary>
    public const int Slots = 3;

    private const int Step = MaxValue + 1;

    [ThreadStatic]
    private static HopLabels?[]? current;

    private int[] values = [];
    private int floor;

    /// <summary>Fresh labels (none set) in <paramref name="slot"/> for a graph of <paramref name="nodes"/> nodes, on this thread.</summary>
    public static HopLabels Start(int nodes, int slot)
    {
        var slots = current ??= new HopLabels?[Slots];
        var labels = slots[slot] ??= new HopLabels();
        if (labels.values.Length < nodes)
        {
            labels.values = new int[nodes];
            labels.floor = 0;
        }

        if (labels.floor > int.MaxValue - (2 * Step))
        {
            Array.Clear(labels.values);
            labels.floor = 0;
        }

        labels.floor += Step;
        return labels;
    }

    /// <summary>The label of <paramref name="node"/>, or -1 when it has none.</summary>
    public int Get(int node)
    {
        var value = values[node] - floor;
        return value >= 0 ? value : -1;
    }

    public bool IsSet(int node) => values[node] >= floor;

    public void Set(int node, int value) => values[node] = floor + value;
}

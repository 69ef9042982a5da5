using System.Collections.Immutable;

namespace TechTies.Querying;

/// <summary>Turns the integer steps a search keeps on its stack into a <see cref="GraphPath"/> of entities and ties.</summary>
internal static class PathSteps
{
    public static GraphPath ToPath(TechTiesGraph graph, GraphIndex index, List<(int From, int To, int Type, bool Backward, int TieStart, int TieCount)> steps, List<int> stepTies)
    {
        var builder = ImmutableArray.CreateBuilder<PathStep>(steps.Count);
        foreach (var (from, to, type, backward, tieStart, tieCount) in steps)
        {
            var ties = ImmutableArray.CreateBuilder<Tie>(tieCount);
            for (var k = tieStart; k < tieStart + tieCount; k++)
            {
                ties.Add(index.Edges[stepTies[k]]);
            }

            builder.Add(new PathStep(index.Nodes[from], index.Nodes[to], graph.Schema.RelationshipTypes[type], backward ? StepDirection.Backward : StepDirection.Forward, ties.MoveToImmutable()));
        }

        return new GraphPath(builder.MoveToImmutable());
    }
}

/// <summary>
/// The paths a search found, kept as integers of the index (nodes, relationship types, ties) until they are sorted
/// and cut to the limit, so that only the paths returned are built. One record per path:
/// <c>steps, nodes (steps + 1), then per step: type, direction (1 backward), tie count, tie ids</c>.
/// </summary>
/// <remarks>
/// With a limit, only the first <c>keep</c> records in sort order are kept while the search runs (a max-heap of them,
/// the largest on top): a pattern with hundreds of thousands of matches and a limit of ten holds ten records, not all
/// of them, and sorts ten. Every record added is still counted in <see cref="Total"/>.
/// </remarks>
internal sealed class PathRecords(TechTiesGraph graph, GraphIndex index, int keep = int.MaxValue)
{
    // Node and tie ids of the index follow the ordinal order of entity and tie ids; types compare by name.
    private readonly int[] typeRank = index.TypeRankByName;
    private readonly bool bounded = keep < int.MaxValue;
    private readonly List<int> starts = [];
    private readonly Dictionary<(int From, int To, int Type, int Backward, int Ties, int FirstTie, int LastTie), List<PathStep>> builtSteps = [];
    private int[] data = new int[256];
    private int length;
    // Ints of data held by records pushed out of the heap, reclaimed by Compact.
    private int dropped;

    /// <summary>How many records are kept: all of them, or at most the limit.</summary>
    public int Count => starts.Count;

    /// <summary>How many records were added, kept or not.</summary>
    public long Total { get; private set; }

    /// <summary>Keeps the path on the search's stack, reversed (last step first, each walked the other way) when <paramref name="reversed"/>.</summary>
    public void Add(List<(int From, int To, int Type, bool Backward, int TieStart, int TieCount)> steps, List<int> stepTies, bool reversed)
    {
        Total++;
        var size = 2 + (4 * steps.Count);
        foreach (var step in steps)
        {
            size += step.TieCount;
        }

        if (length + size > data.Length)
        {
            if (dropped > length / 2)
            {
                Compact();
            }

            if (length + size > data.Length)
            {
                Array.Resize(ref data, Math.Max(data.Length * 2, length + size));
            }
        }

        var at = length;
        data[length++] = steps.Count;
        data[length++] = reversed ? steps[^1].To : steps[0].From;
        for (var k = 0; k < steps.Count; k++)
        {
            data[length++] = reversed ? steps[steps.Count - 1 - k].From : steps[k].To;
        }

        for (var k = 0; k < steps.Count; k++)
        {
            var (_, _, type, backward, tieStart, tieCount) = reversed ? steps[steps.Count - 1 - k] : steps[k];
            data[length++] = type;
            data[length++] = backward != reversed ? 1 : 0;
            data[length++] = tieCount;
            for (var t = tieStart; t < tieStart + tieCount; t++)
            {
                data[length++] = stepTies[t];
            }
        }

        if (!bounded)
        {
            starts.Add(at);
        }
        else if (starts.Count < keep)
        {
            starts.Add(at);
            SiftUp(starts.Count - 1);
        }
        else if (starts.Count > 0 && Compare(at, starts[0]) < 0)
        {
            // Before the largest kept: it takes that one's place.
            dropped += SizeOf(starts[0]);
            starts[0] = at;
            SiftDown(0);
        }
        else
        {
            // After every kept record: counted, not kept.
            length = at;
        }
    }

    /// <summary>Sorts the records in the order of <see cref="GraphPath.Compare"/>.</summary>
    public void Sort()
    {
        var keys = starts.ToArray();
        Array.Sort(keys, Compare);
        starts.Clear();
        starts.AddRange(keys);
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (Compare(starts[i], starts[parent]) <= 0)
            {
                return;
            }

            (starts[i], starts[parent]) = (starts[parent], starts[i]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var (left, right) = ((2 * i) + 1, (2 * i) + 2);
            var largest = left < starts.Count && Compare(starts[left], starts[i]) > 0 ? left : i;
            if (right < starts.Count && Compare(starts[right], starts[largest]) > 0)
            {
                largest = right;
            }

            if (largest == i)
            {
                return;
            }

            (starts[i], starts[largest]) = (starts[largest], starts[i]);
            i = largest;
        }
    }

    // The number of ints record `at` takes.
    private int SizeOf(int at)
    {
        var count = data[at];
        var p = at + 2 + count;
        for (var k = 0; k < count; k++)
        {
            p += 3 + data[p + 2];
        }

        return p - at;
    }

    // Moves the kept records together, leaving out those pushed out of the heap.
    private void Compact()
    {
        var packed = new int[data.Length];
        var next = 0;
        for (var i = 0; i < starts.Count; i++)
        {
            var size = SizeOf(starts[i]);
            Array.Copy(data, starts[i], packed, next, size);
            starts[i] = next;
            next += size;
        }

        data = packed;
        length = next;
        dropped = 0;
    }

    /// <summary>Builds the path of record <paramref name="position"/> (in sorted order after <see cref="Sort"/>).</summary>
    public GraphPath Build(int position)
    {
        var at = starts[position];
        var count = data[at];
        var nodes = at + 1;
        var step = nodes + count + 1;
        var builder = ImmutableArray.CreateBuilder<PathStep>(count);
        for (var k = 0; k < count; k++)
        {
            builder.Add(Step(data[nodes + k], data[nodes + k + 1], step));
            step += 3 + data[step + 2];
        }

        return new GraphPath(builder.MoveToImmutable());
    }

    // Paths share their steps: many paths end in the same hop (say a cloud's contracts with one agency, hundreds of
    // ties), and a step is immutable, so each is built once per query.
    private PathStep Step(int from, int to, int at)
    {
        var tieCount = data[at + 2];
        var key = (from, to, data[at], data[at + 1], tieCount, data[at + 3], data[at + 2 + tieCount]);
        if (builtSteps.TryGetValue(key, out var candidates))
        {
            foreach (var built in candidates)
            {
                if (SameTies(built, at))
                {
                    return built;
                }
            }
        }
        else
        {
            candidates = [];
            builtSteps.Add(key, candidates);
        }

        var ties = ImmutableArray.CreateBuilder<Tie>(tieCount);
        for (var t = 0; t < tieCount; t++)
        {
            ties.Add(index.Edges[data[at + 3 + t]]);
        }

        var direction = data[at + 1] == 1 ? StepDirection.Backward : StepDirection.Forward;
        var step = new PathStep(index.Nodes[from], index.Nodes[to], graph.Schema.RelationshipTypes[data[at]], direction, ties.MoveToImmutable());
        candidates.Add(step);
        return step;
    }

    // A trail can leave out different ties of one group, so a step is only reused when its ties are the same.
    private bool SameTies(PathStep built, int at)
    {
        for (var t = 0; t < built.Ties.Length; t++)
        {
            if (!ReferenceEquals(built.Ties[t], index.Edges[data[at + 3 + t]]))
            {
                return false;
            }
        }

        return true;
    }

    // Fewer steps first, then entity ids, then per step type name, direction, tie count and tie ids.
    private int Compare(int a, int b)
    {
        var c = data[a].CompareTo(data[b]);
        if (c != 0)
        {
            return c;
        }

        var count = data[a];
        for (var i = 1; i <= count + 1; i++)
        {
            c = data[a + i].CompareTo(data[b + i]);
            if (c != 0)
            {
                return c;
            }
        }

        var (x, y) = (a + count + 2, b + count + 2);
        for (var k = 0; k < count; k++)
        {
            c = typeRank[data[x]].CompareTo(typeRank[data[y]]);
            c = c != 0 ? c : data[x + 1].CompareTo(data[y + 1]);
            c = c != 0 ? c : data[x + 2].CompareTo(data[y + 2]);
            for (var t = 0; c == 0 && t < data[x + 2]; t++)
            {
                c = data[x + 3 + t].CompareTo(data[y + 3 + t]);
            }

            if (c != 0)
            {
                return c;
            }

            x += 3 + data[x + 2];
            y += 3 + data[y + 2];
        }

        return 0;
    }
}

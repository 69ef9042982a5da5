using System.Collections.Immutable;
using System.Globalization;

namespace TechTies.Querying;

/// <summary>
/// Finds the paths a <see cref="PathQuery"/> describes by depth-first search over the graph's compact index. One
/// matcher per run: its state is private, so the graph can be queried from many threads at once.
/// </summary>
internal sealed class PathMatcher
{
    private readonly TechTiesGraph graph;
    private readonly GraphIndex index;
    private readonly PathQuery query;
    private readonly int[] fixedNode;
    private readonly bool[][] typeAllowed;
    private readonly bool[] onPath;
    private readonly bool[] tieUsed;
    private readonly List<(int From, int To, int Type, bool Backward, int TieStart, int TieCount)> steps = [];
    private readonly List<int> stepTies = [];
    private readonly List<GraphPath> found = [];
    private long expansions;
    private bool budgetHit;
    private bool timeHit;
    private readonly SearchClock clock;

    private PathMatcher(TechTiesGraph graph, PathQuery query)
    {
        this.graph = graph;
        this.query = query;
        index = graph.Index;
        fixedNode = [.. query.Nodes.Select(n => n.EntityId is null ? -1 : index.NodeOf[n.EntityId])];
        typeAllowed = [.. query.Edges.Select(e => TypeMask(index, e.Types))];
        onPath = new bool[index.Nodes.Length];
        clock = new SearchClock(query.TimeLimit);
        tieUsed = query.Mode == TraversalMode.Trail ? new bool[index.Edges.Length] : [];
    }

    /// <summary>Runs <paramref name="query"/> and returns its paths in the documented order.</summary>
    public static PathSet Run(TechTiesGraph graph, PathQuery query)
    {
        Validate(graph, query);

        // Walk from the fixed end when only the last node is fixed: the same paths, found from fewer starts.
        var reverse = query.Nodes[0].EntityId is null && query.Nodes[^1].EntityId is not null && query.Edges.Length > 0;
        var run = reverse ? Reverse(query) : query;
        var matcher = new PathMatcher(graph, run);
        matcher.Search();
        var paths = reverse ? matcher.found.Select(ReversePath).ToList() : matcher.found;
        paths.Sort(GraphPath.Compare);

        string? truncation = null;
        if (matcher.timeHit)
        {
            truncation = $"the time limit of {query.TimeLimit!.Value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms ran out; more paths may exist";
        }
        else if (matcher.budgetHit)
        {
            truncation = $"the expansion budget of {query.MaxExpansions.ToString(CultureInfo.InvariantCulture)} steps ran out; more paths may exist";
        }

        if (paths.Count > query.Limit)
        {
            truncation = (truncation is null ? string.Empty : truncation + "; ")
                + $"the limit of {query.Limit.ToString(CultureInfo.InvariantCulture)} paths kept the first {query.Limit.ToString(CultureInfo.InvariantCulture)} of {paths.Count.ToString(CultureInfo.InvariantCulture)}{(matcher.budgetHit ? " found" : string.Empty)}";
            paths.RemoveRange(query.Limit, paths.Count - query.Limit);
        }

        var warnings = query.Warnings.ToList();
        if (query.HasTimeFilter)
        {
            var undated = paths.SelectMany(p => p.Steps).SelectMany(s => s.Ties).Where(t => t.IsUndated).Select(t => t.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            if (undated.Count > 0)
            {
                warnings.Add($"{undated.Count.ToString(CultureInfo.InvariantCulture)} undated tie(s) were kept because their dates are unknown: {string.Join(", ", undated)}.");
            }
        }

        // A start or end known only to the month or year that contains the as-of day: the tie holds at that precision.
        if (query.AsOf is { Precision: DatePrecision.Day } asOfDay)
        {
            var day = asOfDay.Start;
            var coarse = paths.SelectMany(p => p.Steps).SelectMany(s => s.Ties)
                .Where(t => (t.Since is { Precision: not DatePrecision.Day } since && since.Contains(day)) || (t.Until is { Precision: not DatePrecision.Day } until && until.Contains(day)))
                .Select(t => t.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            if (coarse.Count > 0)
            {
                warnings.Add($"{coarse.Count.ToString(CultureInfo.InvariantCulture)} tie(s) start or end in the month or year of {asOfDay} and hold on it only at that precision: {string.Join(", ", coarse)}.");
            }
        }

        return new PathSet(graph, [.. paths], TryText(query), Describe(query), truncation, [.. warnings], query);
    }

    /// <summary>Which relationship types (by index id) an edge may walk.</summary>
    internal static bool[] TypeMask(GraphIndex index, ImmutableArray<string> types)
    {
        var mask = new bool[index.TypeNames.Length];
        if (types.IsEmpty)
        {
            Array.Fill(mask, true);
        }

        foreach (var type in types)
        {
            if (index.TypeIdOf.TryGetValue(type, out var id))
            {
                mask[id] = true;
            }
        }

        return mask;
    }

    /// <summary>The semantics of a query in words, for <see cref="PathSet.Semantics"/>.</summary>
    internal static string Describe(PathQuery query)
    {
        var mode = query.Mode switch
        {
            TraversalMode.Acyclic => "acyclic paths (no entity twice)",
            TraversalMode.Trail => "trails (no tie twice)",
            _ => "walks (repeats allowed)",
        };
        var grouping = query.ExpandParallel ? "parallel ties expanded, one path each" : "parallel ties grouped into one step";
        var time = query.AsOf is { } asOf ? $"every tie holds on {asOf} (undated ties kept and flagged)"
            : query.DuringFrom is { } from ? $"every tie holds on some day of {from}..{query.DuringTo} (undated ties kept and flagged)"
            : "no date filter";
        return $"{mode}; {grouping}; {time}; ordered by length, then ids; at most {query.Limit.ToString(CultureInfo.InvariantCulture)} paths and {query.MaxExpansions.ToString(CultureInfo.InvariantCulture)} expansions";
    }

    private static string TryText(PathQuery query) => query.ToString();

    private static void Validate(TechTiesGraph graph, PathQuery query)
    {
        if (query.Nodes.Length != query.Edges.Length + 1)
        {
            throw new ArgumentException($"A query has one more node than edges; this one has {query.Nodes.Length} nodes and {query.Edges.Length} edges.", nameof(query));
        }

        foreach (var edge in query.Edges)
        {
            if (edge.MinHops < 1 || edge.MaxHops < edge.MinHops || edge.MaxHops > PathQuery.MaxHopsLimit)
            {
                throw new ArgumentException($"An edge's hops must satisfy 1 <= min <= max <= {PathQuery.MaxHopsLimit}; got {edge.MinHops}..{edge.MaxHops}.", nameof(query));
            }

            foreach (var type in edge.Types)
            {
                _ = graph.Schema[type];
            }
        }

        foreach (var node in query.Nodes)
        {
            if (node.EntityId is not null && !graph.TryGet(node.EntityId, out _))
            {
                throw new ArgumentException($"The query names the entity '{node.EntityId}', which this graph does not have.", nameof(query));
            }
        }

        if (query.Limit < 1 || query.MaxExpansions < 1)
        {
            throw new ArgumentException("The limit and the expansion budget must be at least 1.", nameof(query));
        }

        if (query.TimeLimit is { } limit && limit <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The time limit must be more than zero, not {limit}.", nameof(query));
        }
    }

    private static PathQuery Reverse(PathQuery query) => query with
    {
        Nodes = [.. query.Nodes.Reverse()],
        Edges = [.. query.Edges.Reverse().Select(e => e with { Direction = e.Direction switch { EdgeDirection.Out => EdgeDirection.In, EdgeDirection.In => EdgeDirection.Out, _ => EdgeDirection.Both } })],
    };

    private static GraphPath ReversePath(GraphPath path) =>
        new([.. path.Steps.Reverse().Select(s => new PathStep(s.To, s.From, s.Type, s.Direction == StepDirection.Forward ? StepDirection.Backward : StepDirection.Forward, s.Ties))]);

    private void Search()
    {
        var first = fixedNode[0];
        if (first >= 0)
        {
            Start(first);
            return;
        }

        for (var n = 0; n < index.Nodes.Length && !budgetHit; n++)
        {
            if (query.Nodes[0].Matches(index.Nodes[n]))
            {
                Start(n);
            }
        }
    }

    private void Start(int node)
    {
        if (!NodeMatches(0, node))
        {
            return;
        }

        if (query.Edges.IsEmpty)
        {
            return;
        }

        onPath[node] = true;
        Hop(node, 0, 0);
        onPath[node] = false;
    }

    private bool NodeMatches(int position, int node) =>
        fixedNode[position] >= 0 ? fixedNode[position] == node : query.Nodes[position].Matches(index.Nodes[node]);

    private void Hop(int node, int edge, int hops)
    {
        var pattern = query.Edges[edge];
        if (hops >= pattern.MinHops && NodeMatches(edge + 1, node))
        {
            if (edge + 1 == query.Edges.Length)
            {
                Emit();
            }
            else
            {
                Hop(node, edge + 1, 0);
            }
        }

        if (hops == pattern.MaxHops || budgetHit)
        {
            return;
        }

        if (pattern.Direction != EdgeDirection.In)
        {
            Walk(node, edge, hops, backward: false);
        }

        if (pattern.Direction != EdgeDirection.Out)
        {
            Walk(node, edge, hops, backward: true);
        }
    }

    // Adjacency rows are sorted by type, then the other end, so parallel ties are one run of the row.
    private void Walk(int node, int edge, int hops, bool backward)
    {
        var row = backward ? index.In(node) : index.Out(node);
        var others = backward ? index.EdgeFrom : index.EdgeTo;
        var mask = typeAllowed[edge];
        var predicate = query.Edges[edge].Predicate;
        var timed = query.HasTimeFilter;
        var i = 0;
        while (i < row.Length)
        {
            var type = index.EdgeType[row[i]];
            var other = others[row[i]];
            var end = i + 1;
            while (end < row.Length && index.EdgeType[row[end]] == type && others[row[end]] == other)
            {
                end++;
            }

            if (mask[type] && (query.Mode != TraversalMode.Acyclic || !onPath[other]))
            {
                var tieStart = stepTies.Count;
                for (var k = i; k < end; k++)
                {
                    var e = row[k];
                    // Without a date filter or predicate the tie record need not be read at all.
                    if ((!timed || query.HoldsInTime(index.Edges[e])) && (predicate is null || predicate(index.Edges[e])) && (tieUsed.Length == 0 || !tieUsed[e]))
                    {
                        stepTies.Add(e);
                    }
                }

                var count = stepTies.Count - tieStart;
                if (count > 0)
                {
                    if (query.ExpandParallel)
                    {
                        for (var k = 0; k < count; k++)
                        {
                            Step(node, other, type, backward, tieStart + k, 1, edge, hops);
                        }
                    }
                    else
                    {
                        Step(node, other, type, backward, tieStart, count, edge, hops);
                    }
                }

                stepTies.RemoveRange(tieStart, count);
            }

            if (budgetHit)
            {
                return;
            }

            i = end;
        }
    }

    private void Step(int from, int to, int type, bool backward, int tieStart, int tieCount, int edge, int hops)
    {
        if (++expansions > query.MaxExpansions)
        {
            budgetHit = true;
            return;
        }

        if (clock.IsOver(expansions))
        {
            // Stopping through the budget flag ends every loop of the search the same way.
            budgetHit = timeHit = true;
            return;
        }

        var wasOnPath = onPath[to];
        onPath[to] = true;
        MarkTies(tieStart, tieCount, true);
        steps.Add((from, to, type, backward, tieStart, tieCount));
        Hop(to, edge, hops + 1);
        steps.RemoveAt(steps.Count - 1);
        MarkTies(tieStart, tieCount, false);
        onPath[to] = wasOnPath;
    }

    private void MarkTies(int start, int count, bool used)
    {
        if (tieUsed.Length == 0)
        {
            return;
        }

        for (var k = start; k < start + count; k++)
        {
            tieUsed[stepTies[k]] = used;
        }
    }

    private void Emit() => found.Add(PathSteps.ToPath(graph, index, steps, stepTies));
}

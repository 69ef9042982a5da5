using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

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
    private readonly bool counting;
    private readonly int[] fixedNode;
    private readonly bool[] fixedOnly;
    private readonly Kind[] kinds;
    private readonly Kind?[] nodeKind;
    private readonly bool[] byKind;
    private readonly int[]?[] typeIds;
    private readonly int[] allTypeIds;
    private readonly bool[] onPath;
    private readonly bool[] tieUsed;
    private readonly int[] pathNodes;
    private readonly bool countLastHopByNode;
    private readonly Dictionary<int, (long Matches, long Steps)> lastHops = [];
    private readonly List<(int From, int To, int Type, bool Backward, int TieStart, int TieCount)> steps = [];
    private readonly List<int> stepTies = [];
    private readonly PathRecords? found;
    private readonly bool[]? ends;
    private readonly bool reversed;
    private readonly SearchClock clock;
    private int depth;
    private long matches;
    private long expansions;
    private bool budgetHit;
    private bool timeHit;

    private PathMatcher(TechTiesGraph graph, PathQuery query, bool counting, bool reversed, bool collectEnds = false)
    {
        this.graph = graph;
        this.query = query;
        this.counting = counting;
        this.reversed = reversed;
        index = graph.Index;
        found = counting ? null : new PathRecords(graph, index, Math.Min(query.Limit, PathQuery.PathsKeptCap));
        ends = collectEnds ? new bool[index.Nodes.Length] : null;
        kinds = index.NodeKinds;
        fixedNode = [.. query.Nodes.Select(n => n.EntityId is null ? -1 : index.NodeOf(n.EntityId))];
        nodeKind = [.. query.Nodes.Select(n => n.Kind)];
        byKind = [.. query.Nodes.Select(n => n.Properties.IsEmpty && n.Predicate is null)];
        fixedOnly = [.. query.Nodes.Select(n => n.Kind is null && n.Properties.IsEmpty && n.Predicate is null)];
        typeIds = [.. query.Edges.Select(e => TypeIds(index, e.Types))];
        allTypeIds = [.. Enumerable.Range(0, index.TypeNames.Length)];
        onPath = new bool[index.Nodes.Length];
        clock = new SearchClock(query.TimeLimit);
        tieUsed = query.Mode == TraversalMode.Trail ? new bool[index.Edges.Length] : [];
        pathNodes = new int[query.Edges.Sum(e => e.MaxHops) + 1];

        // The last hop of a count needs no walk when its steps depend only on the node it leaves (see CountLastHop),
        // unless the count must see where each path ends.
        countLastHopByNode = counting && !collectEnds && query.Edges[^1] is { MinHops: 1, MaxHops: 1, Predicate: null } && query.Mode != TraversalMode.Trail;
    }

    /// <summary>Runs <paramref name="query"/> and returns its paths in the documented order.</summary>
    public static PathSet Run(TechTiesGraph graph, PathQuery query)
    {
        Validate(graph, query);

        // Walk from the fixed end when only the last node is fixed: the same paths, found from fewer starts.
        var reverse = IsReversed(query);
        var matcher = new PathMatcher(graph, reverse ? Reverse(query) : query, counting: false, reverse);
        matcher.Search();
        var found = matcher.found!;
        found.Sort();

        // Only the paths kept are built.
        var truncation = matcher.SearchTruncation(query);
        var kept = found.Count;
        var limit = Math.Min(query.Limit, PathQuery.PathsKeptCap);
        if (found.Total > limit)
        {
            var capped = limit < query.Limit ? $" (the limit of {query.Limit.ToString(CultureInfo.InvariantCulture)} is cut to {PathQuery.PathsKeptCap.ToString(CultureInfo.InvariantCulture)}, the most paths a query keeps)" : string.Empty;
            truncation = (truncation is null ? string.Empty : truncation + "; ")
                + $"the limit of {limit.ToString(CultureInfo.InvariantCulture)} paths kept the first {limit.ToString(CultureInfo.InvariantCulture)} of {found.Total.ToString(CultureInfo.InvariantCulture)}{(matcher.budgetHit ? " found" : string.Empty)}{capped}";
        }

        var paths = new GraphPath[kept];
        for (var i = 0; i < kept; i++)
        {
            paths[i] = found.Build(i);
        }

        var warnings = query.Warnings.ToList();
        warnings.AddRange(TimeWarnings(query, paths));

        return new PathSet(graph, ImmutableCollectionsMarshal.AsImmutableArray(paths), TryText(query), Describe(query), truncation, [.. warnings], query, query.AsOf);
    }

    /// <summary>
    /// What the time filter of <paramref name="query"/> kept only with a caveat in <paramref name="paths"/>: undated
    /// ties, and ties whose start or end is known only to the month or year that contains the as-of day. Shared by
    /// queries and connections, so both say the same.
    /// </summary>
    internal static IEnumerable<string> TimeWarnings(PathQuery query, IEnumerable<GraphPath> paths)
    {
        if (!query.HasTimeFilter)
        {
            yield break;
        }

        var ties = paths.SelectMany(p => p.Steps).SelectMany(s => s.Ties).DistinctBy(t => t.Id, StringComparer.Ordinal).ToList();
        var undated = ties.Where(t => t.IsUndated).Select(t => t.Id).Order(StringComparer.Ordinal).ToList();
        if (undated.Count > 0)
        {
            yield return $"{undated.Count.ToString(CultureInfo.InvariantCulture)} undated tie(s) were kept because their dates are unknown: {string.Join(", ", undated)}.";
        }

        // A start or end known only to the month or year that contains the as-of day: the tie holds at that precision.
        if (query.AsOf is { Precision: DatePrecision.Day } asOfDay)
        {
            var day = asOfDay.Start;
            var coarse = ties
                .Where(t => (t.Since is { Precision: not DatePrecision.Day } since && since.Contains(day)) || (t.Until is { Precision: not DatePrecision.Day } until && until.Contains(day)))
                .Select(t => t.Id).Order(StringComparer.Ordinal).ToList();
            if (coarse.Count > 0)
            {
                yield return $"{coarse.Count.ToString(CultureInfo.InvariantCulture)} tie(s) start or end in the month or year of {asOfDay} and hold on it only at that precision: {string.Join(", ", coarse)}.";
            }
        }
    }

    /// <summary>
    /// Counts the paths <see cref="Run"/> would find with no limit, without building them: the same search (so the
    /// same expansions, and the same truncation by the budget), less the work of keeping paths.
    /// </summary>
    public static PathCount Count(TechTiesGraph graph, PathQuery query)
    {
        Validate(graph, query);
        var reverse = IsReversed(query);
        var matcher = new PathMatcher(graph, reverse ? Reverse(query) : query, counting: true, reverse);
        matcher.Search();
        return new PathCount(matcher.matches, TryText(query), matcher.SearchTruncation(query));
    }

    /// <summary>
    /// The entities that end the paths <see cref="Run"/> would find with no limit, each once in ordinal order of id,
    /// with the number of those paths and the truncation: the search of <see cref="Count"/>, noting where each path ends.
    /// </summary>
    public static (long Count, ImmutableArray<Entity> Ends, string? Truncation, long Expansions) Ends(TechTiesGraph graph, PathQuery query)
    {
        Validate(graph, query);
        var reverse = IsReversed(query);
        var matcher = new PathMatcher(graph, reverse ? Reverse(query) : query, counting: true, reverse, collectEnds: true);
        matcher.Search();
        var ends = ImmutableArray.CreateBuilder<Entity>();
        for (var n = 0; n < matcher.ends!.Length; n++)
        {
            if (matcher.ends[n])
            {
                ends.Add(matcher.index.Nodes[n]);
            }
        }

        return (matcher.matches, ends.ToImmutable(), matcher.SearchTruncation(query), matcher.expansions);
    }

    /// <summary>The entities a search of <paramref name="query"/> starts from (those matching its first node), in ordinal order of id.</summary>
    public static ImmutableArray<Entity> Starts(TechTiesGraph graph, PathQuery query)
    {
        Validate(graph, query);
        var matcher = new PathMatcher(graph, query, counting: true, reversed: false);
        return [.. Enumerable.Range(0, matcher.index.Nodes.Length).Where(n => matcher.NodeMatches(0, n)).Select(n => matcher.index.Nodes[n])];
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

        if (query.Edges.IsEmpty)
        {
            throw new ArgumentException("A query needs at least one edge; a node alone matches no path. To look an entity up, use graph.Find(name).", nameof(query));
        }

        foreach (var edge in query.Edges)
        {
            if (edge.MinHops < 1 || edge.MaxHops < edge.MinHops || edge.MaxHops > PathQuery.MaxHopsLimit)
            {
                throw new ArgumentException($"An edge's hops must satisfy 1 <= min <= max <= {PathQuery.MaxHopsLimit}; got {edge.MinHops}..{edge.MaxHops}.", nameof(query));
            }

            RelationshipTypeNames.Check(graph.Schema, edge.Types, nameof(query));
        }

        // Variables are labels only: a repeat, which in Cypher is the same entity, would match two different ones.
        if (query.Nodes.Select(n => n.Variable).OfType<string>().GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"The variable '{repeated.Key}' names more than one node; a repeated variable (the same entity at two nodes) is not supported.", nameof(query));
        }

        foreach (var node in query.Nodes)
        {
            if (node.EntityId is not null && !graph.TryGet(node.EntityId, out _))
            {
                throw new ArgumentException($"The query names the entity '{node.EntityId}', which this graph does not have.", nameof(query));
            }
        }

        if (query.Edges.Length > PathQuery.MaxEdges)
        {
            throw new ArgumentException($"The query has {query.Edges.Length} edges; a pattern may have at most {PathQuery.MaxEdges}.", nameof(query));
        }

        if (query.Limit < 1 || query.MaxExpansions < 1)
        {
            throw new ArgumentException("The limit and the expansion budget must be at least 1.", nameof(query));
        }

        if (query.TimeLimit is { } limit && limit <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The time limit must be more than zero, not {limit}.", nameof(query));
        }

        if (query.DefaultDateProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(query));
        }
    }

    private static bool IsReversed(PathQuery query) =>
        query.Nodes[0].EntityId is null && query.Nodes[^1].EntityId is not null;

    private static PathQuery Reverse(PathQuery query) => query with
    {
        Nodes = [.. query.Nodes.Reverse()],
        Edges = [.. query.Edges.Reverse().Select(e => e with { Direction = e.Direction switch { EdgeDirection.Out => EdgeDirection.In, EdgeDirection.In => EdgeDirection.Out, _ => EdgeDirection.Both } })],
    };

    // The type ids an edge may walk, ascending as adjacency rows are sorted; null when it may walk any type.
    private static int[]? TypeIds(GraphIndex index, ImmutableArray<string> types) =>
        types.IsEmpty ? null : [.. types.Select(t => index.TypeIdOf.TryGetValue(t, out var id) ? id : -1).Where(id => id >= 0).Distinct().Order()];

    private string? SearchTruncation(PathQuery original) =>
        timeHit ? $"the time limit of {original.TimeLimit!.Value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms ran out; more paths may exist"
        : budgetHit ? $"the expansion budget of {original.MaxExpansions.ToString(CultureInfo.InvariantCulture)} steps ran out; more paths may exist"
        : null;

    private void Search()
    {
        var first = fixedNode[0];
        if (first >= 0)
        {
            if (NodeMatches(0, first))
            {
                Start(first);
            }

            return;
        }

        for (var n = 0; n < index.Nodes.Length && !budgetHit; n++)
        {
            if (NodeMatches(0, n))
            {
                Start(n);
            }
        }
    }

    private void Start(int node)
    {
        onPath[node] = true;
        pathNodes[0] = node;
        depth = 1;
        Hop(node, 0, 0);
        onPath[node] = false;
    }

    // A fixed node is that entity, if it also meets the rest of its pattern (a kind, properties or a predicate given
    // beside the name); a pattern of kind alone reads the kind array.
    private bool NodeMatches(int position, int node) =>
        fixedNode[position] >= 0 ? fixedNode[position] == node && (fixedOnly[position] || query.Nodes[position].Matches(index.Nodes[node]))
        : byKind[position] ? nodeKind[position] is not { } kind || kinds[node] == kind
        : query.Nodes[position].Matches(index.Nodes[node]);

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

        if (countLastHopByNode && edge + 1 == query.Edges.Length && CountLastHop(node))
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

    // How many ranges of a row an edge walks: one per allowed type (or the whole row for any type).
    private int RangeCount(int edge) => typeIds[edge] is { } types ? types.Length : 1;

    private (int Start, int End) Range(ReadOnlySpan<int> row, int edge, int range) =>
        typeIds[edge] is { } types ? index.TypeRange(row, types[range]) : (0, row.Length);

    // Adjacency rows are sorted by type, then the other end, so parallel ties are one run of the row.
    private void Walk(int node, int edge, int hops, bool backward)
    {
        var row = backward ? index.In(node) : index.Out(node);
        var others = backward ? index.EdgeFrom : index.EdgeTo;
        var predicate = query.Edges[edge].Predicate;
        var timed = query.HasTimeFilter;

        // A count keeps no tie ids unless a trail must mark them.
        var keepTies = !counting || tieUsed.Length > 0;
        var ranges = RangeCount(edge);
        for (var r = 0; r < ranges; r++)
        {
            var (i, stop) = Range(row, edge, r);
            while (i < stop)
            {
                var type = index.EdgeType[row[i]];
                var other = others[row[i]];
                var end = i + 1;
                while (end < stop && others[row[end]] == other && index.EdgeType[row[end]] == type)
                {
                    end++;
                }

                if (query.Mode != TraversalMode.Acyclic || !onPath[other])
                {
                    var tieStart = stepTies.Count;
                    var count = 0;
                    for (var k = i; k < end; k++)
                    {
                        var e = row[k];
                        // Without a date filter or predicate the tie record need not be read at all.
                        if ((!timed || query.HoldsInTime(index.Edges[e])) && (predicate is null || predicate(index.Edges[e])) && (tieUsed.Length == 0 || !tieUsed[e]))
                        {
                            count++;
                            if (keepTies)
                            {
                                stepTies.Add(e);
                            }
                        }
                    }

                    if (count > 0)
                    {
                        if (query.ExpandParallel)
                        {
                            for (var k = 0; k < count && !budgetHit; k++)
                            {
                                Step(node, other, type, backward, tieStart + k, 1, edge, hops);
                            }
                        }
                        else
                        {
                            Step(node, other, type, backward, tieStart, count, edge, hops);
                        }
                    }

                    if (keepTies)
                    {
                        stepTies.RemoveRange(tieStart, count);
                    }
                }

                if (budgetHit)
                {
                    return;
                }

                i = end;
            }
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
        pathNodes[depth++] = to;
        MarkTies(tieStart, tieCount, true);
        if (!counting)
        {
            steps.Add((from, to, type, backward, tieStart, tieCount));
        }

        Hop(to, edge, hops + 1);
        if (!counting)
        {
            steps.RemoveAt(steps.Count - 1);
        }

        MarkTies(tieStart, tieCount, false);
        depth--;
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

    private void Emit()
    {
        if (counting)
        {
            matches++;
            if (ends is not null)
            {
                // A reversed search walks the query from its last node back to its first.
                ends[reversed ? pathNodes[0] : pathNodes[depth - 1]] = true;
            }
        }
        else
        {
            found!.Add(steps, stepTies, reversed);
        }
    }

    // The last hop, when it is one hop without a tie predicate or a trail, steps to every group of parallel ties (of
    // an allowed type, with a tie that holds in time) that does not lead back onto the path, and each step reaching
    // a node of the last pattern is one match. So it counts every group of the node once per query and takes away
    // the groups that lead to nodes on the path. When the budget would run out inside the hop, the walk finds where.
    private bool CountLastHop(int node)
    {
        (long Matches, long Steps) all;
        if (query.Edges.Length == 1)
        {
            all = LastHopSteps(node, only: -1);
        }
        else if (!lastHops.TryGetValue(node, out all))
        {
            all = LastHopSteps(node, only: -1);
            lastHops.Add(node, all);
        }

        var (found, tried) = all;
        if (query.Mode == TraversalMode.Acyclic)
        {
            for (var p = 0; p < depth; p++)
            {
                var (m, s) = LastHopSteps(node, only: pathNodes[p]);
                found -= m;
                tried -= s;
            }
        }

        if (expansions + tried > query.MaxExpansions)
        {
            return false;
        }

        var before = expansions;
        expansions += tried;
        matches += found;
        if (clock.IsOverWithin(before, expansions))
        {
            budgetHit = timeHit = true;
        }

        return true;
    }

    // The steps of the last hop from node (to one other end only, unless -1), and how many of them reach a match.
    private (long Matches, long Steps) LastHopSteps(int node, int only)
    {
        var edge = query.Edges.Length - 1;
        var direction = query.Edges[edge].Direction;
        var result = (Matches: 0L, Steps: 0L);
        if (direction != EdgeDirection.In)
        {
            AddGroups(index.Out(node), index.EdgeTo, edge, only, ref result);
        }

        if (direction != EdgeDirection.Out)
        {
            AddGroups(index.In(node), index.EdgeFrom, edge, only, ref result);
        }

        return result;
    }

    private void AddGroups(ReadOnlySpan<int> row, int[] others, int edge, int only, ref (long Matches, long Steps) result)
    {
        var timed = query.HasTimeFilter;
        foreach (var type in typeIds[edge] ?? allTypeIds)
        {
            var (i, stop) = index.TypeRange(row, type);
            if (only >= 0)
            {
                (i, stop) = GraphIndex.OtherRange(row, others, i, stop, only);
            }

            while (i < stop)
            {
                var other = others[row[i]];
                var end = i + 1;
                while (end < stop && others[row[end]] == other)
                {
                    end++;
                }

                var live = end - i;
                if (timed)
                {
                    live = 0;
                    for (var k = i; k < end; k++)
                    {
                        live += query.HoldsInTime(index.Edges[row[k]]) ? 1 : 0;
                    }
                }

                if (live > 0)
                {
                    var stepsOfGroup = query.ExpandParallel ? live : 1;
                    result.Steps += stepsOfGroup;
                    result.Matches += NodeMatches(edge + 1, other) ? stepsOfGroup : 0;
                }

                i = end;
            }
        }
    }
}

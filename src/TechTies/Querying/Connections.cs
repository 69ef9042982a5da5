using System.Collections.Immutable;
using System.Globalization;
using TechTies.Querying;

namespace TechTies;

/// <summary>Options of <see cref="GraphConnections.Connect"/>, <see cref="GraphConnections.Distance"/> and <see cref="GraphConnections.CanReach"/>. Immutable.</summary>
public sealed record ConnectOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ConnectOptions Default { get; } = new();

    /// <summary>The most steps a connection may have (default 4, at most <see cref="PathQuery.MaxHopsLimit"/>).</summary>
    public int MaxHops { get; init; } = 4;

    /// <summary>How many connections to return, shortest first (default 10); ignored when <see cref="AllShortest"/>.</summary>
    public int Count { get; init; } = 10;

    /// <summary>Whether to return every connection of the shortest length, and only those.</summary>
    public bool AllShortest { get; init; }

    /// <summary>Whether ties must be walked from start to end; by default direction is ignored.</summary>
    public bool Directed { get; init; }

    /// <summary>The relationship types that may be walked; empty for all.</summary>
    public ImmutableArray<string> Types { get; init; } = [];

    /// <summary>The day (or month, or year) every tie must hold on; <see langword="null"/> for none.</summary>
    public PartialDate? AsOf { get; init; }

    /// <summary>How many steps the search may try before it stops and reports truncation.</summary>
    public int MaxExpansions { get; init; } = PathQuery.DefaultMaxExpansions;

    /// <summary>
    /// How long the search may run before it stops and reports truncation; <see langword="null"/> (the default) for
    /// no time limit. What a search cut by time found depends on the machine.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }
}

/// <summary>An ego network: an entity, the entities within some hops of it, and the ties among them. Immutable.</summary>
public sealed class Neighborhood
{
    private readonly ImmutableArray<int> distances;
    private readonly Lazy<ImmutableArray<Tie>> ties;
    private Dictionary<Entity, int>? positions;

    internal Neighborhood(Entity center, ImmutableArray<(Entity Entity, int Distance)> entities, Func<ImmutableArray<Tie>> ties)
    {
        Center = center;
        var members = ImmutableArray.CreateBuilder<Entity>(entities.Length);
        var hops = ImmutableArray.CreateBuilder<int>(entities.Length);
        foreach (var (entity, distance) in entities)
        {
            members.Add(entity);
            hops.Add(distance);
        }

        Entities = members.MoveToImmutable();
        distances = hops.MoveToImmutable();

        // Found on first use: many callers only list or count the members.
        this.ties = new Lazy<ImmutableArray<Tie>>(ties, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The entity at the center.</summary>
    public Entity Center { get; }

    /// <summary>The entities within the hops, the center first, then by distance, then by ordinal id.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>Every tie of the walked types whose two ends are both in <see cref="Entities"/>, in ordinal order of id.</summary>
    public ImmutableArray<Tie> Ties => ties.Value;

    /// <summary>How many hops <paramref name="entity"/> is from the center, or <see langword="null"/> when it is not in the neighbourhood.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The distance (0 for the center).</returns>
    public int? DistanceOf(Entity entity)
    {
        // Built on first use: most callers only list the members.
        var map = LazyInitializer.EnsureInitialized(ref positions, () => Entities.Select((e, i) => (e, i)).ToDictionary(x => x.e, x => x.i));
        return map.TryGetValue(entity, out var at) ? distances[at] : null;
    }

    /// <summary>A one-line summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Center.Name}: {Entities.Length - 1} neighbours, {Ties.Length} ties";
}

/// <summary>A second-degree entity and the first-degree entities it shares with the center.</summary>
public sealed class Interlock
{
    internal Interlock(Entity entity, ImmutableArray<Entity> shared)
    {
        Entity = entity;
        Shared = shared;
    }

    /// <summary>The second-degree entity.</summary>
    public Entity Entity { get; }

    /// <summary>The entities tied to both the center and <see cref="Entity"/>, in ordinal order of id.</summary>
    public ImmutableArray<Entity> Shared { get; }

    /// <summary>The name and the number of shared entities.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Entity.Name} ({Shared.Length} shared: {string.Join(", ", Shared.Select(s => s.Name))})";
}

/// <summary>"How is A connected to B", neighbourhoods, interlocks and reachability, on the graph's compact index.</summary>
public static class GraphConnections
{
    /// <summary>
    /// The shortest connections between two entities, shortest first (then by ids), ignoring the direction of ties
    /// unless <see cref="ConnectOptions.Directed"/>. Paths are acyclic and parallel ties are grouped into one step.
    /// </summary>
    /// <remarks>
    /// A contract is both a node and the <c>contracts_with</c> tie it makes from vendor to agency. So that one contract
    /// is not reported twice, a path that passes through a contract node straight from its vendor to its agency (or
    /// back) over <c>awarded_to</c>/<c>awarded_by</c> is dropped whenever the <c>contracts_with</c> tie carrying that
    /// contract can be walked under the same options: the direct hop already carries the contract.
    /// </remarks>
    /// <param name="graph">The graph.</param>
    /// <param name="from">An id, name or alias.</param>
    /// <param name="to">An id, name or alias.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ConnectOptions.Default"/>.</param>
    /// <returns>The connections; <see cref="PathSet.IsTruncated"/> when the count or the budget cut some.</returns>
    /// <exception cref="EntityLookupException">A name identifies no entity or several.</exception>
    public static PathSet Connect(this TechTiesGraph graph, string from, string to, ConnectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new ConnectionSearch(graph, graph.Find(from), graph.Find(to), Validate(options)).Run();
    }

    /// <summary>The fewest steps from one entity to another under the options (by breadth-first search; no paths are listed).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="from">An id, name or alias.</param>
    /// <param name="to">An id, name or alias.</param>
    /// <param name="options">The options; <see cref="ConnectOptions.MaxHops"/> bounds the search.</param>
    /// <returns>The number of steps, or <see langword="null"/> when not reachable within the hops.</returns>
    public static int? Distance(this TechTiesGraph graph, string from, string to, ConnectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var o = Validate(options);
        var index = graph.Index;
        var target = index.NodeOf[graph.Find(to).Id];
        var distance = ConnectionSearch.Distances(graph, index.NodeOf[graph.Find(from).Id], o, reverse: false, stopAt: target);
        return distance[target] is var d and >= 0 && d <= o.MaxHops ? d : null;
    }

    /// <summary>Whether <paramref name="to"/> can be reached from <paramref name="from"/> within the options' hops, without listing paths.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="from">An id, name or alias.</param>
    /// <param name="to">An id, name or alias.</param>
    /// <param name="options">The options.</param>
    /// <returns><see langword="true"/> when reachable.</returns>
    public static bool CanReach(this TechTiesGraph graph, string from, string to, ConnectOptions? options = null) => graph.Distance(from, to, options) is not null;

    /// <summary>The ego network of an entity: every entity within <paramref name="hops"/> steps (either direction) and the ties among them.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="entity">An id, name or alias.</param>
    /// <param name="hops">How many steps out (at least 1, at most <see cref="PathQuery.MaxHopsLimit"/>).</param>
    /// <param name="types">The relationship types to walk; none for all.</param>
    /// <returns>The neighbourhood.</returns>
    public static Neighborhood Neighbors(this TechTiesGraph graph, string entity, int hops = 1, params string[] types)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentOutOfRangeException.ThrowIfLessThan(hops, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hops, PathQuery.MaxHopsLimit);
        foreach (var type in types)
        {
            _ = graph.Schema[type];
        }

        var index = graph.Index;
        var mask = PathMatcher.TypeMask(index, [.. types]);
        var center = index.NodeOf[graph.Find(entity).Id];

        // Breadth-first layers over the compact index; node numbers follow ordinal ids, so sorting a layer's
        // numbers orders it by id. Only the nodes reached are touched: the marks are reused per thread.
        var marks = VisitMarks.Start(index.Nodes.Length);
        var members = new List<int> { center };
        var layerSizes = new List<int> { 1 };
        marks.Mark(center);
        var layerStart = 0;
        for (var hop = 1; hop <= hops; hop++)
        {
            var layerEnd = members.Count;
            for (var i = layerStart; i < layerEnd; i++)
            {
                var node = members[i];
                Reach(index.Out(node), index.EdgeTo);
                Reach(index.In(node), index.EdgeFrom);
            }

            members.Sort(layerEnd, members.Count - layerEnd, Comparer<int>.Default);
            layerSizes.Add(members.Count - layerEnd);
            layerStart = layerEnd;
        }

        var entities = ImmutableArray.CreateBuilder<(Entity, int)>(members.Count);
        var at = 0;
        for (var hop = 0; hop < layerSizes.Count; hop++)
        {
            for (var k = 0; k < layerSizes[hop]; k++)
            {
                entities.Add((index.Nodes[members[at++]], hop));
            }
        }

        var memberNodes = members.ToArray();
        return new Neighborhood(index.Nodes[center], entities.MoveToImmutable(), () => TiesAmong(index, memberNodes, mask));

        void Reach(ReadOnlySpan<int> row, int[] others)
        {
            foreach (var e in row)
            {
                var other = others[e];
                if (mask[index.EdgeType[e]] && !marks.IsMarked(other))
                {
                    marks.Mark(other);
                    members.Add(other);
                }
            }
        }
    }

    /// <summary>
    /// Interlocks, as LittleSis ranks them: the entities two steps from <paramref name="entity"/> (either direction),
    /// ranked by how many first-degree entities they share with it, then by ordinal id. The entity itself is left out.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="entity">An id, name or alias.</param>
    /// <param name="kind">Only second-degree entities of this kind; <see langword="null"/> for all.</param>
    /// <returns>The interlocks, most shared first.</returns>
    public static ImmutableArray<Interlock> Interlocks(this TechTiesGraph graph, string entity, Kind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var index = graph.Index;
        var center = index.NodeOf[graph.Find(entity).Id];
        var first = new SortedSet<int>();
        AddNeighbours(index, center, first);
        first.Remove(center);
        var shared = new Dictionary<int, List<int>>();
        var second = new SortedSet<int>();
        foreach (var middle in first)
        {
            second.Clear();
            AddNeighbours(index, middle, second);
            foreach (var other in second)
            {
                if (other != center && (kind is null || index.Nodes[other].Kind == kind))
                {
                    if (!shared.TryGetValue(other, out var list))
                    {
                        shared[other] = list = [];
                    }

                    list.Add(middle);
                }
            }
        }

        return [.. shared
            .Select(s => new Interlock(index.Nodes[s.Key], [.. s.Value.Select(m => index.Nodes[m])]))
            .OrderByDescending(i => i.Shared.Length)
            .ThenBy(i => i.Entity.Id, StringComparer.Ordinal)];
    }

    // Each tie of the walked types among the members once, from its start's row; tie numbers follow ordinal tie ids.
    private static ImmutableArray<Tie> TiesAmong(GraphIndex index, int[] members, bool[] mask)
    {
        var marks = VisitMarks.Start(index.Nodes.Length);
        foreach (var node in members)
        {
            marks.Mark(node);
        }

        var tieNumbers = new List<int>();
        foreach (var node in members)
        {
            foreach (var e in index.Out(node))
            {
                if (mask[index.EdgeType[e]] && marks.IsMarked(index.EdgeTo[e]))
                {
                    tieNumbers.Add(e);
                }
            }
        }

        tieNumbers.Sort();
        var ties = ImmutableArray.CreateBuilder<Tie>(tieNumbers.Count);
        foreach (var e in tieNumbers)
        {
            ties.Add(index.Edges[e]);
        }

        return ties.MoveToImmutable();
    }

    private static void AddNeighbours(GraphIndex index, int node, SortedSet<int> into)
    {
        foreach (var e in index.Out(node))
        {
            into.Add(index.EdgeTo[e]);
        }

        foreach (var e in index.In(node))
        {
            into.Add(index.EdgeFrom[e]);
        }
    }

    private static ConnectOptions Validate(ConnectOptions? options)
    {
        var o = options ?? ConnectOptions.Default;
        var problems = new List<string>();
        if (o.MaxHops < 1 || o.MaxHops > PathQuery.MaxHopsLimit)
        {
            problems.Add($"MaxHops must be from 1 to {PathQuery.MaxHopsLimit}, not {o.MaxHops}.");
        }

        if (o.Count < 1)
        {
            problems.Add($"Count must be at least 1, not {o.Count}.");
        }

        if (o.MaxExpansions < 1)
        {
            problems.Add($"MaxExpansions must be at least 1, not {o.MaxExpansions}.");
        }

        if (o.TimeLimit is { } limit && limit <= TimeSpan.Zero)
        {
            problems.Add($"TimeLimit must be more than zero, not {limit}.");
        }

        return problems.Count == 0 ? o : throw new ArgumentException("Invalid connect options:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)), nameof(options));
    }
}

/// <summary>
/// One connection search: breadth-first distances to the target bound an iterative-deepening depth-first search,
/// so every path listed can still reach the target in the steps left.
/// </summary>
internal sealed class ConnectionSearch
{
    private readonly TechTiesGraph graph;
    private readonly GraphIndex index;
    private readonly Entity source;
    private readonly Entity target;
    private readonly ConnectOptions options;
    private readonly PathQuery time;
    private readonly bool[] mask;
    private readonly bool[] onPath;
    private readonly List<(int From, int To, int Type, bool Backward, int TieStart, int TieCount)> steps = [];
    private readonly List<int> stepTies = [];
    private readonly List<GraphPath> found = [];
    private int[] toTarget = [];
    private long expansions;
    private bool budgetHit;
    private bool timeHit;
    private readonly SearchClock clock;

    public ConnectionSearch(TechTiesGraph graph, Entity source, Entity target, ConnectOptions options)
    {
        this.graph = graph;
        index = graph.Index;
        this.source = source;
        this.target = target;
        this.options = options;
        clock = new SearchClock(options.TimeLimit);
        time = new PathQuery { AsOf = options.AsOf };
        mask = PathMatcher.TypeMask(index, options.Types);
        onPath = new bool[index.Nodes.Length];
    }

    /// <summary>Breadth-first distances from <paramref name="start"/> (walking ties backwards when <paramref name="reverse"/>), -1 when unreached.</summary>
    public static int[] Distances(TechTiesGraph graph, int start, ConnectOptions options, bool reverse, int stopAt)
    {
        var index = graph.Index;
        var time = new PathQuery { AsOf = options.AsOf };
        var mask = PathMatcher.TypeMask(index, options.Types);
        // Without a date filter every tie holds: the tie records need not be read at all.
        var timed = time.HasTimeFilter;
        var distance = new int[index.Nodes.Length];
        Array.Fill(distance, -1);
        distance[start] = 0;
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node == stopAt || distance[node] == options.MaxHops)
            {
                continue;
            }

            var forward = !options.Directed || !reverse;
            var backward = !options.Directed || reverse;
            if (forward)
            {
                Visit(index.Out(node), index.EdgeTo);
            }

            if (backward)
            {
                Visit(index.In(node), index.EdgeFrom);
            }

            void Visit(ReadOnlySpan<int> row, int[] others)
            {
                foreach (var e in row)
                {
                    var other = others[e];
                    if (distance[other] < 0 && mask[index.EdgeType[e]] && (!timed || time.HoldsInTime(index.Edges[e])))
                    {
                        distance[other] = distance[node] + 1;
                        queue.Enqueue(other);
                    }
                }
            }
        }

        return distance;
    }

    public PathSet Run()
    {
        var s = index.NodeOf[source.Id];
        var t = index.NodeOf[target.Id];
        toTarget = Distances(graph, t, options, reverse: true, stopAt: -1);
        var kept = new List<GraphPath>();
        string? truncation = null;
        var dropped = 0;
        if (s != t && toTarget[s] > 0)
        {
            for (var length = toTarget[s]; length <= options.MaxHops && !budgetHit; length++)
            {
                found.Clear();
                onPath[s] = true;
                Search(s, t, length);
                onPath[s] = false;
                found.Sort(GraphPath.Compare);
                var tier = found.Where(p => !IsContractDetour(p)).ToList();
                dropped += found.Count - tier.Count;
                var room = options.AllShortest ? int.MaxValue : options.Count - kept.Count;
                if (tier.Count > room)
                {
                    truncation = $"kept the {options.Count.ToString(CultureInfo.InvariantCulture)} shortest connections; {(tier.Count - room).ToString(CultureInfo.InvariantCulture)} more of {length.ToString(CultureInfo.InvariantCulture)} steps were left out";
                    tier.RemoveRange(room, tier.Count - room);
                }

                kept.AddRange(tier);
                if (options.AllShortest && kept.Count > 0)
                {
                    break;
                }

                if (kept.Count >= options.Count)
                {
                    if (truncation is null && length < options.MaxHops)
                    {
                        truncation = $"kept the {options.Count.ToString(CultureInfo.InvariantCulture)} shortest connections; longer ones (up to {options.MaxHops.ToString(CultureInfo.InvariantCulture)} steps) were not searched";
                    }

                    break;
                }
            }
        }

        if (timeHit)
        {
            truncation = (truncation is null ? string.Empty : truncation + "; ") + $"the time limit of {options.TimeLimit!.Value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms ran out; more connections may exist";
        }
        else if (budgetHit)
        {
            truncation = (truncation is null ? string.Empty : truncation + "; ") + $"the expansion budget of {options.MaxExpansions.ToString(CultureInfo.InvariantCulture)} steps ran out; more connections may exist";
        }

        var warnings = new List<string>();
        if (dropped > 0)
        {
            warnings.Add($"{dropped.ToString(CultureInfo.InvariantCulture)} path(s) through a contract node were left out: the contracts_with step that carries the contract already reports it.");
        }

        if (options.AsOf is not null)
        {
            var undated = kept.SelectMany(p => p.Steps).SelectMany(x => x.Ties).Where(x => x.IsUndated).Select(x => x.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            if (undated.Count > 0)
            {
                warnings.Add($"{undated.Count.ToString(CultureInfo.InvariantCulture)} undated tie(s) were kept because their dates are unknown: {string.Join(", ", undated)}.");
            }
        }

        var query = $"connect {source.Id} {target.Id} (max {options.MaxHops.ToString(CultureInfo.InvariantCulture)} hops{(options.Directed ? ", directed" : string.Empty)}{(options.Types.IsEmpty ? string.Empty : ", types " + string.Join("|", options.Types))}{(options.AsOf is { } a ? $", asof {a}" : string.Empty)})";
        var semantics = $"shortest connections first, {(options.AllShortest ? "all of the shortest length" : $"at most {options.Count.ToString(CultureInfo.InvariantCulture)}")}; {(options.Directed ? "ties walked from start to end" : "direction ignored")}; acyclic; parallel ties grouped into one step; contract-node detours dropped when the contracts_with tie carries the contract";
        return new PathSet(graph, [.. kept], query, semantics, truncation, [.. warnings]);
    }

    private void Search(int node, int target, int left)
    {
        if (node == target)
        {
            if (left == 0)
            {
                Emit();
            }

            return;
        }

        if (left == 0 || budgetHit)
        {
            return;
        }

        Walk(node, target, left, backward: false);
        if (!options.Directed)
        {
            Walk(node, target, left, backward: true);
        }
    }

    private void Walk(int node, int target, int left, bool backward)
    {
        var row = backward ? index.In(node) : index.Out(node);
        var others = backward ? index.EdgeFrom : index.EdgeTo;
        var timed = time.HasTimeFilter;
        var i = 0;
        while (i < row.Length && !budgetHit)
        {
            var type = index.EdgeType[row[i]];
            var other = others[row[i]];
            var end = i + 1;
            while (end < row.Length && index.EdgeType[row[end]] == type && others[row[end]] == other)
            {
                end++;
            }

            var reach = toTarget[other];
            if (mask[type] && !onPath[other] && reach >= 0 && reach <= left - 1)
            {
                var tieStart = stepTies.Count;
                for (var k = i; k < end; k++)
                {
                    if (!timed || time.HoldsInTime(index.Edges[row[k]]))
                    {
                        stepTies.Add(row[k]);
                    }
                }

                var count = stepTies.Count - tieStart;
                if (count > 0)
                {
                    if (++expansions > options.MaxExpansions)
                    {
                        budgetHit = true;
                    }
                    else if (clock.IsOver(expansions))
                    {
                        budgetHit = timeHit = true;
                    }
                    else
                    {
                        onPath[other] = true;
                        steps.Add((node, other, type, backward, tieStart, count));
                        Search(other, target, left - 1);
                        steps.RemoveAt(steps.Count - 1);
                        onPath[other] = false;
                    }
                }

                stepTies.RemoveRange(tieStart, count);
            }

            i = end;
        }
    }

    private void Emit() => found.Add(PathSteps.ToPath(graph, index, steps, stepTies));

    private bool IsContractDetour(GraphPath path)
    {
        for (var i = 0; i + 1 < path.Steps.Length; i++)
        {
            if (path.Steps[i].To is Contract contract
                && IsAward(path.Steps[i]) && IsAward(path.Steps[i + 1])
                && ((path.Steps[i].From.Id == contract.VendorId && path.Steps[i + 1].To.Id == contract.AgencyId)
                    || (path.Steps[i].From.Id == contract.AgencyId && path.Steps[i + 1].To.Id == contract.VendorId))
                && HasDirectHop(contract))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAward(PathStep step) => step.Type.Name is "awarded_to" or "awarded_by";

    private bool HasDirectHop(Contract contract)
    {
        if (!index.TypeIdOf.TryGetValue("contracts_with", out var type) || !mask[type] || !graph.TryGet(contract.VendorId, out var vendor))
        {
            return false;
        }

        return graph.TiesFrom(vendor).Any(t => t.Type.Name == "contracts_with" && ReferenceEquals(t.Contract, contract) && time.HoldsInTime(t));
    }
}

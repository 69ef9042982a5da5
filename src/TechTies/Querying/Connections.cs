using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using TechTies.Querying;

namespace TechTies;

/// <summary>Options of <see cref="GraphConnections.Connect"/>, <see cref="GraphConnections.Distance"/>, <see cref="GraphConnections.CanReach"/> and <see cref="GraphConnections.AreConnected"/>. Immutable.</summary>
public sealed record ConnectOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ConnectOptions Default { get; } = new();

    /// <summary>The most steps a connection may have (default 4, at most <see cref="PathQuery.MaxHopsLimit"/>).</summary>
    public int MaxHops { get; init; } = 4;

    /// <summary>
    /// How many connections to return, shortest first (default 10); ignored when <see cref="AllShortest"/>. The result
    /// is truncated by the count only when at least one more connection exists within <see cref="MaxHops"/>.
    /// </summary>
    public int Count { get; init; } = 10;

    /// <summary>Whether to return every connection of the shortest length, and only those.</summary>
    public bool AllShortest { get; init; }

    /// <summary>Whether ties must be walked from start to end; by default direction is ignored.</summary>
    public bool Directed { get; init; }

    /// <summary>The relationship types that may be walked; empty (or a default array) for all.</summary>
    public ImmutableArray<string> Types { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>The day (or month, or year) every tie must hold on; <see langword="null"/> for none. <c>default(PartialDate)</c> is no date: options with it are invalid.</summary>
    public PartialDate? AsOf { get; init; }

    /// <summary>How many steps the search may try before it stops and reports truncation.</summary>
    public int MaxExpansions { get; init; } = PathQuery.DefaultMaxExpansions;

    /// <summary>
    /// How long the search may run before it stops and reports truncation; <see langword="null"/> (the default) for
    /// no time limit. What a search cut by time found depends on the machine.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    // The compiler's printing shows Types as "System.Collections.Immutable.ImmutableArray`1[System.String]".
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(
        builder,
        (nameof(MaxHops), MaxHops),
        (nameof(Count), Count),
        (nameof(AllShortest), AllShortest),
        (nameof(Directed), Directed),
        (nameof(Types), Types),
        (nameof(AsOf), AsOf),
        (nameof(MaxExpansions), MaxExpansions),
        (nameof(TimeLimit), TimeLimit));
}

/// <summary>An ego network: an entity, the entities within some hops of it, and the ties among them. Immutable and thread-safe.</summary>
public sealed class Neighborhood
{
    private readonly TechTiesGraph graph;
    private readonly GraphIndex index;
    private readonly bool[] mask;
    private readonly bool untyped;
    private readonly int[] inner;
    private readonly int[] layerStarts;
    private readonly Lazy<ImmutableArray<Tie>> ties;
    private (int[] Nodes, ImmutableArray<Entity> Entities) ordered;
    private bool isOrdered;
    private object? orderLock;

    // Breadth-first layers over the compact index; only the nodes reached are touched: the marks are reused per
    // thread. Layer h is the nodes h steps from the center; the members of every layer but the last are kept (as
    // inner[layerStarts[h]..layerStarts[h + 1]], in the order the search reached them), while the last layer, often
    // most of the members, is only counted: it is found again, from the layer before it, when someone lists it.
    internal Neighborhood(TechTiesGraph graph, int center, int hops, bool[] mask, bool untyped)
    {
        this.graph = graph;
        index = graph.Index;
        Hops = hops;
        this.mask = mask;
        this.untyped = untyped;
        Center = index.Nodes[center];

        var marks = VisitMarks.Start(index.Nodes.Length);
        var members = new List<int> { center };
        layerStarts = new int[hops + 2];
        layerStarts[1] = 1;
        marks.Mark(center);
        for (var hop = 1; hop < hops; hop++)
        {
            // A copy of the layer: the list it is read from grows meanwhile.
            int[] layer = [.. CollectionsMarshal.AsSpan(members)[layerStarts[hop - 1]..]];
            Reach(marks, layer, members);
            layerStarts[hop + 1] = members.Count;
        }

        inner = [.. members];
        layerStarts[hops + 1] = inner.Length + Reach(marks, inner.AsSpan(layerStarts[hops - 1]), into: null);

        // Found on first use: many callers only list or count the members.
        ties = new Lazy<ImmutableArray<Tie>>(FindTies, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The entity at the center.</summary>
    public Entity Center { get; }

    /// <summary>How many steps out the neighbourhood reaches.</summary>
    public int Hops { get; }

    internal TechTiesGraph Graph => graph;

    /// <summary>How many entities are within the hops, the center included: the length of <see cref="Entities"/>, without listing them.</summary>
    public int Count => layerStarts[^1];

    /// <summary>The entities within the hops, the center first, then by distance, then by ordinal id. Ordered on first use.</summary>
    public ImmutableArray<Entity> Entities => Ordered().Entities;

    /// <summary>Every tie of the walked types whose two ends are both in <see cref="Entities"/>, in ordinal order of id.</summary>
    public ImmutableArray<Tie> Ties => ties.Value;

    /// <summary>How many hops <paramref name="entity"/> is from the center, or <see langword="null"/> when it is not in the neighbourhood.</summary>
    /// <param name="entity">An entity of the graph.</param>
    /// <returns>The distance (0 for the center).</returns>
    /// <exception cref="ArgumentException">The entity does not belong to the graph (such as an entity of another graph with the same id).</exception>
    public int? DistanceOf(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!index.TryGetNode(entity.Id, out var node) || !ReferenceEquals(index.Nodes[node], entity))
        {
            throw new ArgumentException($"The entity '{entity.Id}' does not belong to this graph.", nameof(entity));
        }

        var nodes = Ordered().Nodes;
        for (var hop = 0; hop + 1 < layerStarts.Length; hop++)
        {
            if (Array.BinarySearch(nodes, layerStarts[hop], layerStarts[hop + 1] - layerStarts[hop], node) >= 0)
            {
                return hop;
            }
        }

        return null;
    }

    /// <summary>A one-line summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Center.Name}: {Count - 1} neighbours, {Ties.Length} ties";

    // The nodes one step from a layer that no earlier layer holds, marked, added to `into` unless it is null, and
    // counted. Without types, each node's neighbours are one row of one array.
    private int Reach(VisitMarks marks, ReadOnlySpan<int> layer, List<int>? into)
    {
        var added = 0;
        var rows = untyped ? index.Neighbors : null;
        foreach (var node in layer)
        {
            if (rows is null)
            {
                added += Reach(marks, index.Out(node), index.EdgeTo, into) + Reach(marks, index.In(node), index.EdgeFrom, into);
            }
            else if (into is null)
            {
                added += marks.MarkAll(rows.Of(node));
            }
            else
            {
                foreach (var other in rows.Of(node))
                {
                    if (!marks.IsMarked(other))
                    {
                        marks.Mark(other);
                        into.Add(other);
                        added++;
                    }
                }
            }
        }

        return added;
    }

    private int Reach(VisitMarks marks, ReadOnlySpan<int> edges, int[] others, List<int>? into)
    {
        var added = 0;
        foreach (var e in edges)
        {
            var other = others[e];
            if (mask[index.EdgeType[e]] && !marks.IsMarked(other))
            {
                marks.Mark(other);
                into?.Add(other);
                added++;
            }
        }

        return added;
    }

    // Node numbers follow ordinal ids, so sorting each layer's numbers orders it by id. The nodes are listed and
    // ordered once, whichever thread asks first.
    private (int[] Nodes, ImmutableArray<Entity> Entities) Ordered() =>
        LazyInitializer.EnsureInitialized(ref ordered, ref isOrdered, ref orderLock, () =>
        {
            var nodes = new int[Count];
            inner.CopyTo(nodes, 0);
            var layers = layerStarts.Length - 1;
            if (nodes.Length > inner.Length)
            {
                var marks = VisitMarks.Start(index.Nodes.Length);
                foreach (var node in inner)
                {
                    marks.Mark(node);
                }

                var from = inner.AsSpan(layerStarts[^3]);
                var last = nodes.AsSpan(inner.Length);
                if (untyped && NodeOrder.PrefersBitmap(last.Length, index.Nodes.Length))
                {
                    // Straight into a bitmap, which keeps each node once however many rows reach it and reads back in order.
                    var bits = NodeOrder.Bitmap(index.Nodes.Length);
                    foreach (var node in from)
                    {
                        foreach (var other in index.Neighbors.Of(node))
                        {
                            bits[other >> 6] |= (marks.IsMarked(other) ? 0UL : 1UL) << other;
                        }
                    }

                    NodeOrder.ReadBack(bits, index.Nodes.Length, last);
                    layers--;
                }
                else
                {
                    var found = new List<int>(last.Length);
                    Reach(marks, from, found);
                    CollectionsMarshal.AsSpan(found).CopyTo(last);
                }
            }

            for (var hop = 0; hop < layers; hop++)
            {
                NodeOrder.SortDistinct(nodes.AsSpan(layerStarts[hop]..layerStarts[hop + 1]), index.Nodes.Length);
            }

            var entities = new Entity[nodes.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                entities[i] = index.Nodes[nodes[i]];
            }

            return (nodes, ImmutableCollectionsMarshal.AsImmutableArray(entities));
        });

    // Each tie of the walked types among the members once, from its start's row; tie numbers follow ordinal tie ids.
    private ImmutableArray<Tie> FindTies()
    {
        var members = Ordered().Nodes;
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
                if ((untyped || mask[index.EdgeType[e]]) && marks.IsMarked(index.EdgeTo[e]))
                {
                    tieNumbers.Add(e);
                }
            }
        }

        var numbers = CollectionsMarshal.AsSpan(tieNumbers);
        NodeOrder.SortDistinct(numbers, index.Edges.Length);
        var found = new Tie[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            found[i] = index.Edges[numbers[i]];
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(found);
    }
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
        return new ConnectionSearch(graph, graph.Find(from), graph.Find(to), Validate(graph, options)).Run();
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
        var distance = new ConnectionSearch(graph, graph.Find(from), graph.Find(to), Validate(graph, options)).Distance();
        return distance >= 0 ? distance : null;
    }

    /// <summary>Whether <paramref name="to"/> can be reached from <paramref name="from"/> within the options' hops, without listing paths.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="from">An id, name or alias.</param>
    /// <param name="to">An id, name or alias.</param>
    /// <param name="options">The options.</param>
    /// <returns><see langword="true"/> when reachable.</returns>
    public static bool CanReach(this TechTiesGraph graph, string from, string to, ConnectOptions? options = null) => graph.Distance(from, to, options) is not null;

    /// <summary>
    /// Whether any connection at all, of any length, joins two entities under the options' direction, relationship
    /// types and date: whether they are in one component of the graph those ties make (followed from
    /// <paramref name="from"/> when <see cref="ConnectOptions.Directed"/>). <see cref="ConnectOptions.MaxHops"/>, the
    /// count and the search limits are ignored, so this tells whether a larger hop limit could find a connection that
    /// <see cref="Connect"/> did not. An entity is not connected to itself.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="from">An id, name or alias.</param>
    /// <param name="to">An id, name or alias.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ConnectOptions.Default"/>.</param>
    /// <returns><see langword="true"/> when a connection of some length exists.</returns>
    /// <exception cref="EntityLookupException">A name identifies no entity or several.</exception>
    public static bool AreConnected(this TechTiesGraph graph, string from, string to, ConnectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new ConnectionSearch(graph, graph.Find(from), graph.Find(to), Validate(graph, options)).ConnectedAtAnyLength();
    }

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
        RelationshipTypeNames.Check(graph.Schema, types, nameof(types));

        var index = graph.Index;
        return new Neighborhood(graph, index.NodeOf(graph.Find(entity).Id), hops, PathMatcher.TypeMask(index, [.. types]), untyped: types.Length == 0);
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
        var center = index.NodeOf(graph.Find(entity).Id);

        // The first-degree entities, each once.
        var marks = VisitMarks.Start(index.Nodes.Length);
        marks.Mark(center);
        var first = new List<int>();
        AddNeighbours(index, center, marks, first);

        // Every (second-degree entity, first-degree entity it shares) pair, each once: a fresh set of marks per middle.
        var pairs = new List<(int Other, int Middle)>();
        var second = new List<int>();
        foreach (var middle in first)
        {
            marks = VisitMarks.Start(index.Nodes.Length);
            marks.Mark(center);
            second.Clear();
            AddNeighbours(index, middle, marks, second);
            foreach (var other in second)
            {
                if (kind is null || index.Nodes[other].Kind == kind)
                {
                    pairs.Add((other, middle));
                }
            }
        }

        // Grouped by second-degree entity, each group's shared entities in node order (which is ordinal id order).
        pairs.Sort();
        var interlocks = new List<Interlock>();
        for (var i = 0; i < pairs.Count;)
        {
            var end = i;
            while (end < pairs.Count && pairs[end].Other == pairs[i].Other)
            {
                end++;
            }

            var shared = new Entity[end - i];
            for (var k = i; k < end; k++)
            {
                shared[k - i] = index.Nodes[pairs[k].Middle];
            }

            interlocks.Add(new Interlock(index.Nodes[pairs[i].Other], ImmutableCollectionsMarshal.AsImmutableArray(shared)));
            i = end;
        }

        // Most shared first; among equals, in node order, which is ordinal id order.
        return [.. interlocks.OrderByDescending(i => i.Shared.Length)];
    }

    // The neighbours of `node` in either direction not marked yet, marked and added to `into`.
    private static void AddNeighbours(GraphIndex index, int node, VisitMarks marks, List<int> into)
    {
        foreach (var e in index.Out(node))
        {
            Add(index.EdgeTo[e]);
        }

        foreach (var e in index.In(node))
        {
            Add(index.EdgeFrom[e]);
        }

        void Add(int other)
        {
            if (!marks.IsMarked(other))
            {
                marks.Mark(other);
                into.Add(other);
            }
        }
    }

    private static ConnectOptions Validate(TechTiesGraph graph, ConnectOptions? options)
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

        if (o.AsOf is { IsDefault: true })
        {
            problems.Add(PartialDate.DefaultProblem("AsOf", "leave AsOf null"));
        }

        foreach (var type in o.Types)
        {
            if (RelationshipTypeNames.Problem(graph.Schema, type) is { } problem)
            {
                problems.Add($"Types has an {problem}.");
            }
        }

        return problems.Count == 0 ? o : throw new ArgumentException("Invalid connect options:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)), nameof(options));
    }
}

/// <summary>
/// One connection search. Breadth-first layers from both ends, always widening the cheaper frontier, meet at the
/// fewest steps; the nodes on shortest connections are then marked with their place, and a depth-first search lists
/// the shortest connections over marked nodes only, reading each node's steps once and making each step's
/// <see cref="PathStep"/> once. Longer connections (when more are wanted) are listed by iterative deepening bounded by
/// the distances to the target, so every path listed can still reach the target in the steps left.
/// </summary>
internal sealed class ConnectionSearch
{
    // Rows at least this long have their useful groups kept per hops left (see Walk); shorter ones are just read.
    private const int FilterRowsFrom = 64;

    private readonly TechTiesGraph graph;
    private readonly GraphIndex index;
    private readonly Entity source;
    private readonly Entity target;
    private readonly int sourceNode;
    private readonly int targetNode;
    private readonly ConnectOptions options;
    private readonly PathQuery time;
    private readonly bool timed;
    private readonly bool[] mask;
    private readonly SearchClock clock;
    private readonly Side fromSource;
    private readonly Side toTarget;
    private readonly List<int> meeting = [];
    private readonly List<(int From, int To, int Type, bool Backward, int TieStart, int TieCount)> steps = [];
    private readonly List<int> stepTies = [];
    private readonly List<GraphPath> found = [];
    private readonly Dictionary<(int Node, int Left, bool Backward), int[]> usefulGroups = [];
    private readonly List<int> path = [];
    private readonly List<int> shortestPaths = [];
    private readonly List<(int Node, int First, int Count)> stepsOf = [];
    private readonly List<(int From, int To, int Type, bool Backward, int TieStart, int TieCount)> dagSteps = [];
    private readonly List<int> dagTies = [];
    private readonly List<PathStep?> dagPathSteps = [];
    private readonly List<(int From, int To, int Edge, bool Backward)> dagEdges = [];
    [ThreadStatic]
    private static int[]? stepsOfNode;
    private HopLabels places = null!;
    private int shortest = -1;
    private long expansions;
    private bool budgetHit;
    private bool timeHit;
    private bool lookingForOneMore;
    private bool oneMoreFound;
    private PathRecords? longer;
    private int longerDetours;

    public ConnectionSearch(TechTiesGraph graph, Entity source, Entity target, ConnectOptions options)
    {
        this.graph = graph;
        index = graph.Index;
        this.source = source;
        this.target = target;
        sourceNode = index.NodeOf(source.Id);
        targetNode = index.NodeOf(target.Id);
        this.options = options;
        clock = new SearchClock(options.TimeLimit);
        time = new PathQuery { AsOf = options.AsOf };

        // Without a date filter every tie holds: the tie records need not be read at all.
        timed = time.HasTimeFilter;
        mask = PathMatcher.TypeMask(index, options.Types);

        // Directed, the source's side walks ties forward and the target's side backward; otherwise both walk both.
        fromSource = new Side(HopLabels.Start(index.Nodes.Length, 0), forward: true, backward: !options.Directed);
        toTarget = new Side(HopLabels.Start(index.Nodes.Length, 1), forward: !options.Directed, backward: true);
    }

    /// <summary>The fewest steps from the source to the target within the hops, or -1 when there is no connection.</summary>
    public int Distance()
    {
        if (sourceNode == targetNode)
        {
            return 0;
        }

        fromSource.Begin(sourceNode);
        toTarget.Begin(targetNode);

        // While no node has been reached from both ends, every connection is longer than the two depths together;
        // the first layer that reaches the other side's nodes meets it at exactly the fewest steps.
        while (fromSource.Depth + toTarget.Depth < options.MaxHops && !fromSource.IsExhausted && !toTarget.IsExhausted)
        {
            var sourceFirst = fromSource.FrontierCost(index) <= toTarget.FrontierCost(index);
            Widen(sourceFirst ? fromSource : toTarget, sourceFirst ? toTarget : fromSource);
            if (meeting.Count > 0)
            {
                return fromSource.Depth + toTarget.Depth;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether the target can be reached from the source at any length: a breadth-first search over the walkable ties
    /// until the target is reached or the source's whole component is seen. The hop labels stop at a few more than
    /// the hop limit, so this search keeps plain marks of its own.
    /// </summary>
    public bool ConnectedAtAnyLength()
    {
        if (sourceNode == targetNode)
        {
            return false;
        }

        var reached = new bool[index.Nodes.Length];
        var queue = new Queue<int>();
        reached[sourceNode] = true;
        queue.Enqueue(sourceNode);
        while (queue.TryDequeue(out var node))
        {
            if (Reach(index.Out(node), index.EdgeTo) || (!options.Directed && Reach(index.In(node), index.EdgeFrom)))
            {
                return true;
            }
        }

        return false;

        bool Reach(ReadOnlySpan<int> row, int[] others)
        {
            foreach (var e in row)
            {
                var other = others[e];
                if (!reached[other] && IsWalkable(e))
                {
                    if (other == targetNode)
                    {
                        return true;
                    }

                    reached[other] = true;
                    queue.Enqueue(other);
                }
            }

            return false;
        }
    }

    public PathSet Run()
    {
        var kept = new List<GraphPath>();
        string? truncation = null;
        var dropped = 0;

        // However many connections are asked for, at most MaxPathsKept are kept (and built).
        var wanted = options.AllShortest ? PathQuery.PathsKeptCap : Math.Min(options.Count, PathQuery.PathsKeptCap);
        if (sourceNode != targetNode && Distance() is var distance and > 0)
        {
            shortest = distance;
            for (var length = distance; length <= options.MaxHops && !budgetHit; length++)
            {
                var room = wanted - kept.Count;
                int tierCount;
                if (length == distance)
                {
                    found.Clear();
                    (tierCount, var detours) = ListShortest(room);
                    dropped += detours;
                    kept.AddRange(found);
                }
                else
                {
                    // Longer connections can number tens of thousands through the hubs: only the first `room` of
                    // them are kept, as integers, and only those are built; the others are counted.
                    WidenTargetSide();
                    longer = new PathRecords(graph, index, room);
                    longerDetours = 0;
                    Search(sourceNode, length);
                    longer.Sort();
                    dropped += longerDetours;
                    tierCount = (int)Math.Min(longer.Total, int.MaxValue);
                    for (var i = 0; i < longer.Count; i++)
                    {
                        kept.Add(longer.Build(i));
                    }

                    longer = null;
                }

                if (tierCount > room)
                {
                    var more = tierCount - room;
                    truncation = $"kept {Kept()}; {more.ToString(CultureInfo.InvariantCulture)} more of {Steps(length)} {(more == 1 ? "was" : "were")} left out";
                }

                if (options.AllShortest && kept.Count > 0)
                {
                    break;
                }

                if (kept.Count >= wanted)
                {
                    // The count cut something only when a longer connection exists.
                    if (truncation is null && length < options.MaxHops && HasLonger(length))
                    {
                        truncation = $"kept {Kept()}; longer ones (up to {Steps(options.MaxHops)}) were left out";
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

        // Nothing asked for is missing when a contract detour is dropped: a note, not a warning.
        var notes = dropped > 0
            ? ImmutableArray.Create($"{dropped.ToString(CultureInfo.InvariantCulture)} path(s) through a contract node were left out: the contracts_with step that carries the contract already reports it.")
            : [];
        var warnings = PathMatcher.TimeWarnings(time, kept).ToList();

        var query = $"connect {source.Id} {target.Id} (max {options.MaxHops.ToString(CultureInfo.InvariantCulture)} {(options.MaxHops == 1 ? "hop" : "hops")}{(options.Directed ? ", directed" : string.Empty)}{(options.Types.IsEmpty ? string.Empty : ", types " + string.Join("|", options.Types))}{(options.AsOf is { } a ? $", asof {a}" : string.Empty)})";
        var semantics = $"shortest connections first, {(options.AllShortest ? "all of the shortest length" : $"at most {options.Count.ToString(CultureInfo.InvariantCulture)}")}; {(options.Directed ? "ties walked from start to end" : "direction ignored")}; acyclic; parallel ties grouped into one step; contract-node detours dropped when the contracts_with tie carries the contract";
        return new PathSet(graph, [.. kept], query, semantics, truncation, [.. warnings], asOf: options.AsOf, notes: notes, ends: (source, target));

        string Kept() => (wanted == 1 ? "the shortest connection" : $"the {wanted.ToString(CultureInfo.InvariantCulture)} shortest connections")
            + (wanted < options.Count || options.AllShortest ? $" ({PathQuery.PathsKeptCap.ToString(CultureInfo.InvariantCulture)} is the most a connection search keeps)" : string.Empty);

        static string Steps(int n) => n == 1 ? "1 step" : $"{n.ToString(CultureInfo.InvariantCulture)} steps";
    }

    // Longer connections are listed with every distance to the target up to the hops left; once widened, it stays so.
    private void WidenTargetSide()
    {
        while (toTarget.Depth < options.MaxHops - 1 && !toTarget.IsExhausted)
        {
            Widen(toTarget, null);
        }
    }

    // Whether there is a connection (not a contract detour) longer than `length` steps within the hops: the search
    // for longer connections, stopped at the first one.
    private bool HasLonger(int length)
    {
        WidenTargetSide();
        lookingForOneMore = true;
        for (var more = length + 1; more <= options.MaxHops && !oneMoreFound && !budgetHit; more++)
        {
            Search(sourceNode, more);
        }

        return oneMoreFound;
    }

    // One more breadth-first layer of a side; a node it reaches that the other side has reached is a meeting node.
    private void Widen(Side side, Side? other)
    {
        var depth = side.Depth + 1;
        var end = side.Reached.Count;
        for (var i = side.LayerStart; i < end; i++)
        {
            var node = side.Reached[i];
            if (side.Forward)
            {
                Reach(index.Out(node), index.EdgeTo);
            }

            if (side.Backward)
            {
                Reach(index.In(node), index.EdgeFrom);
            }
        }

        side.LayerStarts.Add(end);

        void Reach(ReadOnlySpan<int> row, int[] others)
        {
            foreach (var e in row)
            {
                var node = others[e];
                if (!side.Distance.IsSet(node) && IsWalkable(e))
                {
                    side.Distance.Set(node, depth);
                    side.Reached.Add(node);
                    if (other is not null && other.Distance.IsSet(node))
                    {
                        meeting.Add(node);
                    }
                }
            }
        }
    }

    // Labels every node on a shortest connection with its place on it (0 for the source) and gathers the ties between
    // consecutive places. The meeting nodes are all at the source side's depth; walking back to either end, a node
    // one hop nearer that end, tied to a labelled node in the search's direction, is on a shortest connection too.
    private void MarkShortest()
    {
        places = HopLabels.Start(index.Nodes.Length, 2);
        var at = fromSource.Depth;
        foreach (var node in meeting)
        {
            places.Set(node, at);
        }

        var layer = new List<int>(meeting);
        var next = new List<int>();
        for (var place = at; place > 0; place--)
        {
            Link(layer, place, fromSource, place - 1, towardSource: true);
        }

        layer.Clear();
        layer.AddRange(meeting);
        for (var place = at; place < shortest; place++)
        {
            Link(layer, place, toTarget, shortest - place - 1, towardSource: false);
        }

        // Labels the next layer: the nodes at `distance` from `side`'s end tied to the layer. Either the layer's rows
        // or the candidates' rows are read, whichever are shorter: a hub on one side is not read for a few nodes.
        void Link(List<int> known, int place, Side side, int distance, bool towardSource)
        {
            next.Clear();
            var nextPlace = towardSource ? place - 1 : place + 1;
            var (start, end) = side.Layer(distance);
            var candidates = side.Reached;
            long knownCost = 0, candidateCost = 0;
            foreach (var node in known)
            {
                knownCost += RowsLength(node, earlier: !towardSource);
            }

            for (var i = start; i < end && candidateCost <= knownCost; i++)
            {
                candidateCost += RowsLength(candidates[i], earlier: towardSource);
            }

            if (knownCost <= candidateCost)
            {
                foreach (var node in known)
                {
                    Scan(node, fromKnown: true);
                }
            }
            else
            {
                for (var i = start; i < end; i++)
                {
                    Scan(candidates[i], fromKnown: false);
                }
            }

            (layer, next) = (next, layer);

            long RowsLength(int node, bool earlier) => StepRows(node, earlier, forward: true).Length + (options.Directed ? 0 : StepRows(node, earlier, forward: false).Length);

            // A node earlier on the path walks its ties out (forward) and, undirected, in (backward); a later node
            // finds the same steps in the opposite rows.
            void Scan(int node, bool fromKnown)
            {
                var earlier = fromKnown != towardSource;
                Row(StepRows(node, earlier, forward: true), earlier ? index.EdgeTo : index.EdgeFrom, backward: false);
                if (!options.Directed)
                {
                    Row(StepRows(node, earlier, forward: false), earlier ? index.EdgeFrom : index.EdgeTo, backward: true);
                }

                void Row(ReadOnlySpan<int> row, int[] others, bool backward)
                {
                    foreach (var e in row)
                    {
                        var other = others[e];
                        var linked = fromKnown ? side.Distance.Get(other) == distance : places.Get(other) == place;
                        if (linked && IsWalkable(e))
                        {
                            var reached = fromKnown ? other : node;
                            if (!places.IsSet(reached))
                            {
                                places.Set(reached, nextPlace);
                                next.Add(reached);
                            }

                            dagEdges.Add(earlier ? (node, other, e, backward) : (other, node, e, backward));
                        }
                    }
                }
            }
        }
    }

    // The rows holding a node's forward steps (or backward ones) as seen from the earlier end of the step.
    private ReadOnlySpan<int> StepRows(int node, bool earlier, bool forward) => earlier == forward ? index.Out(node) : index.In(node);

    private bool IsWalkable(int edge) => mask[index.EdgeType[edge]] && (!timed || time.HoldsInTime(index.Edges[edge]));

    // The shortest connections into `found`, in the documented order. Each path is first a list of step numbers;
    // they are sorted on numbers (node and tie numbers follow ordinal ids) and only then made into paths.
    // Only the first `room` connections that are not contract detours are built and kept; the others are counted.
    private (int Count, int Detours) ListShortest(int room)
    {
        MarkShortest();
        GroupSteps();
        ListShortest(sourceNode, shortest);

        var count = shortestPaths.Count / shortest;
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        var typeRank = TypeRanks(index);
        Array.Sort(order, (a, b) => CompareShortest(a, b, typeRank));
        var listed = 0;
        var detours = 0;
        foreach (var p in order)
        {
            var steps = new PathStep[shortest];
            for (var i = 0; i < shortest; i++)
            {
                steps[i] = PathStepOf(shortestPaths[(p * shortest) + i]);
            }

            var connection = new GraphPath(ImmutableCollectionsMarshal.AsImmutableArray(steps));
            if (IsContractDetour(connection))
            {
                detours++;
            }
            else if (listed++ < room)
            {
                found.Add(connection);
            }
        }

        return (listed, detours);
    }

    private void ListShortest(int node, int left)
    {
        if (node == targetNode)
        {
            if (left == 0)
            {
                shortestPaths.AddRange(path);
            }

            return;
        }

        if (left == 0 || budgetHit)
        {
            return;
        }

        var (first, count) = StepsOf(node);
        for (var step = first; step < first + count && !budgetHit; step++)
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
                path.Add(step);
                ListShortest(dagSteps[step].To, left - 1);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    // Groups the ties between consecutive places into steps, in the order the depth-first search of longer
    // connections finds them from each node: ties forward, then backward; by type, then the other end; parallel ties
    // grouped into one step, in ordinal order of tie. A node's number points into the dense list of nodes with steps,
    // which confirms it, so the pointers need no clearing.
    private void GroupSteps()
    {
        var edges = CollectionsMarshal.AsSpan(dagEdges);
        var edgeType = index.EdgeType;
        edges.Sort((x, y) =>
        {
            var c = x.From.CompareTo(y.From);
            c = c != 0 ? c : x.Backward.CompareTo(y.Backward);
            c = c != 0 ? c : edgeType[x.Edge].CompareTo(edgeType[y.Edge]);
            c = c != 0 ? c : x.To.CompareTo(y.To);
            return c != 0 ? c : x.Edge.CompareTo(y.Edge);
        });

        var byNode = stepsOfNode = stepsOfNode is { } known && known.Length >= index.Nodes.Length ? known : new int[index.Nodes.Length];
        for (var i = 0; i < edges.Length;)
        {
            var (from, to, edge, backward) = edges[i];
            var type = edgeType[edge];
            var tieStart = dagTies.Count;
            for (; i < edges.Length && edges[i].From == from && edges[i].To == to && edges[i].Backward == backward && edgeType[edges[i].Edge] == type; i++)
            {
                dagTies.Add(edges[i].Edge);
            }

            if (stepsOf.Count == 0 || stepsOf[^1].Node != from)
            {
                byNode[from] = stepsOf.Count;
                stepsOf.Add((from, dagSteps.Count, 0));
            }

            stepsOf[^1] = stepsOf[^1] with { Count = stepsOf[^1].Count + 1 };
            dagSteps.Add((from, to, type, backward, tieStart, dagTies.Count - tieStart));
            dagPathSteps.Add(null);
        }
    }

    private (int First, int Count) StepsOf(int node)
    {
        var at = stepsOfNode![node];
        return at < stepsOf.Count && stepsOf[at].Node == node ? (stepsOf[at].First, stepsOf[at].Count) : (0, 0);
    }

    private PathStep PathStepOf(int step)
    {
        if (dagPathSteps[step] is { } made)
        {
            return made;
        }

        var (from, to, type, backward, tieStart, tieCount) = dagSteps[step];
        var ties = new Tie[tieCount];
        for (var k = 0; k < tieCount; k++)
        {
            ties[k] = index.Edges[dagTies[tieStart + k]];
        }

        var pathStep = new PathStep(index.Nodes[from], index.Nodes[to], graph.Schema.RelationshipTypes[type], backward ? StepDirection.Backward : StepDirection.Forward, ImmutableCollectionsMarshal.AsImmutableArray(ties));
        dagPathSteps[step] = pathStep;
        return pathStep;
    }

    // GraphPath.Compare on step numbers: the nodes first, then each step's type name, direction and ties.
    private int CompareShortest(int a, int b, int[] typeRank)
    {
        var (x, y) = (a * shortest, b * shortest);
        var c = 0;
        for (var i = 0; c == 0 && i < shortest; i++)
        {
            c = dagSteps[shortestPaths[x + i]].To.CompareTo(dagSteps[shortestPaths[y + i]].To);
        }

        for (var i = 0; c == 0 && i < shortest; i++)
        {
            var (p, q) = (dagSteps[shortestPaths[x + i]], dagSteps[shortestPaths[y + i]]);
            c = typeRank[p.Type].CompareTo(typeRank[q.Type]);
            c = c != 0 ? c : p.Backward.CompareTo(q.Backward);
            c = c != 0 ? c : p.TieCount.CompareTo(q.TieCount);
            for (var t = 0; c == 0 && t < p.TieCount; t++)
            {
                c = dagTies[p.TieStart + t].CompareTo(dagTies[q.TieStart + t]);
            }
        }

        return c;
    }

    // Each relationship type's place in ordinal order of name.
    private static int[] TypeRanks(GraphIndex index)
    {
        var byName = Enumerable.Range(0, index.TypeNames.Length).ToArray();
        Array.Sort(byName, (a, b) => string.CompareOrdinal(index.TypeNames[a], index.TypeNames[b]));
        var rank = new int[byName.Length];
        for (var r = 0; r < byName.Length; r++)
        {
            rank[byName[r]] = r;
        }

        return rank;
    }

    private void Search(int node, int left)
    {
        if (node == targetNode)
        {
            if (left == 0)
            {
                Emit();
            }

            return;
        }

        if (left == 0 || budgetHit || oneMoreFound)
        {
            return;
        }

        Walk(node, left, backward: false);
        if (!options.Directed)
        {
            Walk(node, left, backward: true);
        }
    }

    private void Walk(int node, int left, bool backward)
    {
        var row = backward ? index.In(node) : index.Out(node);
        var others = backward ? index.EdgeFrom : index.EdgeTo;
        if (row.Length >= FilterRowsFrom)
        {
            // A hub (an agency, a cloud host, a busy vendor) is reached by many of the paths: its row is read once per
            // hops left and direction for the groups that can still reach the target in time, and those are kept.
            if (!usefulGroups.TryGetValue((node, left, backward), out var groups))
            {
                groups = UsefulGroups(row, others, left);
                usefulGroups.Add((node, left, backward), groups);
            }

            for (var g = 0; g < groups.Length && !budgetHit && !oneMoreFound; g += 2)
            {
                var other = others[row[groups[g]]];
                if (!IsOnPath(other))
                {
                    Step(node, left, backward, row, other, groups[g], groups[g + 1]);
                }
            }

            return;
        }

        var i = 0;
        while (i < row.Length && !budgetHit && !oneMoreFound)
        {
            var end = GroupEnd(row, others, i);
            var other = others[row[i]];
            if (CanReachTarget(index.EdgeType[row[i]], other, left) && !IsOnPath(other))
            {
                Step(node, left, backward, row, other, i, end);
            }

            i = end;
        }
    }

    // Where the group of ties starting at row[i] (the same type and other end) ends.
    private int GroupEnd(ReadOnlySpan<int> row, int[] others, int i)
    {
        var (type, other) = (index.EdgeType[row[i]], others[row[i]]);
        var end = i + 1;
        while (end < row.Length && index.EdgeType[row[end]] == type && others[row[end]] == other)
        {
            end++;
        }

        return end;
    }

    // Whether a step of this type to `other` can be walked and still reach the target within the hops left after it.
    private bool CanReachTarget(int type, int other, int left)
    {
        var reach = mask[type] ? toTarget.Distance.Get(other) : -1;
        return reach >= 0 && reach <= left - 1;
    }

    // The groups of a row (start and end, in row order) that can reach the target within the hops left.
    private int[] UsefulGroups(ReadOnlySpan<int> row, int[] others, int left)
    {
        var groups = new List<int>();
        for (var i = 0; i < row.Length;)
        {
            var end = GroupEnd(row, others, i);
            if (CanReachTarget(index.EdgeType[row[i]], others[row[i]], left))
            {
                groups.Add(i);
                groups.Add(end);
            }

            i = end;
        }

        return [.. groups];
    }

    // One step over the group row[i..end] (its ties that hold in time), then the search on from its other end.
    private void Step(int node, int left, bool backward, ReadOnlySpan<int> row, int other, int i, int end)
    {
        var type = index.EdgeType[row[i]];
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
                steps.Add((node, other, type, backward, tieStart, count));
                Search(other, left - 1);
                steps.RemoveAt(steps.Count - 1);
            }
        }

        stepTies.RemoveRange(tieStart, count);
    }

    // Paths have at most ten steps: a look along the path is cheaper than a mark per node of the graph.
    private bool IsOnPath(int node)
    {
        if (node == sourceNode)
        {
            return true;
        }

        foreach (var step in CollectionsMarshal.AsSpan(steps))
        {
            if (step.To == node)
            {
                return true;
            }
        }

        return false;
    }

    // A connection longer than the shortest, on the search's stack: kept as a record unless it is a contract detour
    // (counted, and left out); when only looking for one more, it is just noted.
    private void Emit()
    {
        var detour = IsContractDetourOnStack();
        if (lookingForOneMore)
        {
            oneMoreFound |= !detour;
        }
        else if (detour)
        {
            longerDetours++;
        }
        else
        {
            longer!.Add(steps, stepTies, reversed: false);
        }
    }

    // IsContractDetour, read from the steps on the stack instead of a built path.
    private bool IsContractDetourOnStack()
    {
        var stack = CollectionsMarshal.AsSpan(steps);
        var types = graph.Schema.RelationshipTypes;
        for (var i = 0; i + 1 < stack.Length; i++)
        {
            var (first, second) = (stack[i], stack[i + 1]);
            if (IsDetour(index.Nodes[first.From], index.Nodes[first.To], types[first.Type].Name, types[second.Type].Name, index.Nodes[second.To]))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsContractDetour(GraphPath path)
    {
        for (var i = 0; i + 1 < path.Steps.Length; i++)
        {
            var (first, second) = (path.Steps[i], path.Steps[i + 1]);
            if (IsDetour(first.From, first.To, first.Type.Name, second.Type.Name, second.To))
            {
                return true;
            }
        }

        return false;
    }

    // Two award steps through a contract node, from its vendor to its agency or back, where the contracts_with tie that
    // carries the contract can be walked instead.
    private bool IsDetour(Entity from, Entity via, string firstType, string secondType, Entity to) =>
        via is Contract contract
        && firstType is "awarded_to" or "awarded_by" && secondType is "awarded_to" or "awarded_by"
        && ((from.Id == contract.VendorId && to.Id == contract.AgencyId) || (from.Id == contract.AgencyId && to.Id == contract.VendorId))
        && HasDirectHop(contract);

    private bool HasDirectHop(Contract contract)
    {
        if (!index.TypeIdOf.TryGetValue("contracts_with", out var type) || !mask[type] || !graph.TryGet(contract.VendorId, out var vendor))
        {
            return false;
        }

        return graph.TiesFrom(vendor).Any(t => t.Type.Name == "contracts_with" && ReferenceEquals(t.Contract, contract) && time.HoldsInTime(t));
    }

    // One end of the search: the nodes reached, layer by layer, their distances from the end, and the rows walked.
    private sealed class Side(HopLabels distance, bool forward, bool backward)
    {
        public HopLabels Distance { get; } = distance;

        public bool Forward { get; } = forward;

        public bool Backward { get; } = backward;

        public List<int> Reached { get; } = [];

        /// <summary>Where each layer starts in <see cref="Reached"/>; the last one is still open.</summary>
        public List<int> LayerStarts { get; } = [];

        /// <summary>Where the last layer starts in <see cref="Reached"/>.</summary>
        public int LayerStart => LayerStarts[^1];

        public int Depth => LayerStarts.Count - 1;

        public bool IsExhausted => LayerStart == Reached.Count;

        public void Begin(int node)
        {
            Distance.Set(node, 0);
            Reached.Add(node);
            LayerStarts.Add(0);
        }

        /// <summary>The range of <see cref="Reached"/> at <paramref name="depth"/> steps from the end.</summary>
        public (int Start, int End) Layer(int depth) => (LayerStarts[depth], depth + 1 < LayerStarts.Count ? LayerStarts[depth + 1] : Reached.Count);

        // What widening the last layer reads: the lengths of its rows.
        public long FrontierCost(GraphIndex index)
        {
            var cost = 0L;
            for (var i = LayerStart; i < Reached.Count; i++)
            {
                var node = Reached[i];
                cost += (Forward ? index.OutStart[node + 1] - index.OutStart[node] : 0) + (Backward ? index.InStart[node + 1] - index.InStart[node] : 0);
            }

            return cost;
        }
    }
}

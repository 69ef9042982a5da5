using System.Collections.Immutable;
using TechTies.Querying;

namespace TechTies;

/// <summary>
/// The fluent form of a path query, started with <see cref="GraphQueries.From(TechTiesGraph, string)"/>:
/// <c>graph.From("palantir").Out("hosts_on").To(Kind.Company).Out("contracts_with").To("ice").Paths()</c>.
/// Immutable: every call returns a new builder, so a builder can be shared and extended.
/// </summary>
/// <remarks>
/// Calls alternate nodes (<c>From</c>, <c>To</c>) and edges (<c>Out</c>, <c>In</c>, <c>Both</c>); an edge not
/// followed by <c>To</c> ends at any entity. <see cref="Hops"/> and <see cref="WhereTie"/> apply to the last edge,
/// <see cref="Where"/> to the last node. The builder makes the same <see cref="PathQuery"/> as the text form it
/// prints with <see cref="ToQueryString"/>.
/// </remarks>
public sealed class PathQueryBuilder
{
    private readonly TechTiesGraph graph;
    private readonly bool endsWithEdge;

    internal PathQueryBuilder(TechTiesGraph graph, PathQuery query, bool endsWithEdge)
    {
        this.graph = graph;
        Model = query;
        this.endsWithEdge = endsWithEdge;
    }

    /// <summary>The query built so far (an edge without a node after it ends at any entity).</summary>
    public PathQuery Query => endsWithEdge ? Model with { Nodes = Model.Nodes.Add(NodePattern.Any) } : Model;

    private PathQuery Model { get; }

    /// <summary>Adds an edge walked forwards (from each tie's start to its end), over any of <paramref name="types"/> (none: any type).</summary>
    /// <param name="types">Relationship type names such as <c>hosts_on</c>.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder Out(params string[] types) => AddEdge(EdgeDirection.Out, types);

    /// <summary>Adds an edge walked backwards (from each tie's end to its start).</summary>
    /// <param name="types">Relationship type names; none for any type.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder In(params string[] types) => AddEdge(EdgeDirection.In, types);

    /// <summary>Adds an edge walked either way.</summary>
    /// <param name="types">Relationship type names; none for any type.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder Both(params string[] types) => AddEdge(EdgeDirection.Both, types);

    /// <summary>Lets the last edge take between <paramref name="min"/> and <paramref name="max"/> hops.</summary>
    /// <param name="min">The fewest hops, at least 1.</param>
    /// <param name="max">The most hops, at most <see cref="PathQuery.MaxHopsLimit"/>.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder Hops(int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, PathQuery.MaxHopsLimit);
        return WithLastEdge(e => e with { MinHops = min, MaxHops = max });
    }

    /// <summary>Keeps only the ties of the last edge that satisfy <paramref name="predicate"/> (no text form).</summary>
    /// <param name="predicate">The condition.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder WhereTie(Func<Tie, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return WithLastEdge(e => e with { Predicate = e.Predicate is { } p ? t => p(t) && predicate(t) : predicate });
    }

    /// <summary>Ends the last edge at the one entity <paramref name="name"/> identifies (id, name or alias).</summary>
    /// <param name="name">The id, name or alias.</param>
    /// <returns>The extended builder.</returns>
    /// <exception cref="EntityLookupException">The name identifies no entity or several.</exception>
    public PathQueryBuilder To(string name) => AddNode(new NodePattern { EntityId = graph.Find(name).Id });

    /// <summary>Ends the last edge at any entity of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder To(Kind kind) => AddNode(new NodePattern { Kind = kind });

    /// <summary>Ends the last edge at any entity.</summary>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder ToAny() => AddNode(NodePattern.Any);

    /// <summary>
    /// Keeps only entities at the last node that satisfy <paramref name="predicate"/> (no text form). Right after an
    /// edge, it ends the edge at any entity that satisfies it (as <c>ToAny().Where(…)</c>).
    /// </summary>
    /// <param name="predicate">The condition.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder Where(Func<Entity, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var query = Query;
        var last = query.Nodes[^1];
        var node = last with { Predicate = last.Predicate is { } p ? e => p(e) && predicate(e) : predicate };
        return new PathQueryBuilder(graph, query with { Nodes = query.Nodes.SetItem(query.Nodes.Length - 1, node) }, false);
    }

    /// <summary>Keeps only ties that hold on <paramref name="date"/> (undated ties are kept and flagged).</summary>
    /// <remarks>A query has one time filter: this replaces an earlier <c>AsOf</c> or <c>During</c>.</remarks>
    /// <param name="date">The day.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder AsOf(DateOnly date) => AsOf(PartialDate.FromDate(date));

    /// <summary>Keeps only ties that hold on some day of <paramref name="date"/> (a day, month or year).</summary>
    /// <remarks>A query has one time filter: this replaces an earlier <c>AsOf</c> or <c>During</c>.</remarks>
    /// <param name="date">The date at its precision.</param>
    /// <returns>The extended builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is <c>default(PartialDate)</c>, which is no date.</exception>
    public PathQueryBuilder AsOf(PartialDate date)
    {
        ThrowIfDefault(date, nameof(date), "do not call AsOf");
        return With(q => q with { AsOf = date, DuringFrom = null, DuringTo = null });
    }

    /// <summary>Keeps only ties that hold on some day from the start of <paramref name="from"/> to the end of <paramref name="to"/>.</summary>
    /// <remarks>A query has one time filter: this replaces an earlier <c>AsOf</c> or <c>During</c>.</remarks>
    /// <param name="from">The first date, at its precision.</param>
    /// <param name="to">The last date, at its precision.</param>
    /// <returns>The extended builder.</returns>
    /// <exception cref="ArgumentException">A date is <c>default(PartialDate)</c>, which is no date, or the span ends before it starts.</exception>
    public PathQueryBuilder During(PartialDate from, PartialDate to)
    {
        ThrowIfDefault(from, nameof(from), "do not call During");
        ThrowIfDefault(to, nameof(to), "do not call During");
        if (to.End < from.Start)
        {
            throw new ArgumentException($"The span {from}..{to} ends before it starts.", nameof(to));
        }

        return With(q => q with { DuringFrom = from, DuringTo = to, AsOf = null });
    }

    /// <summary>Sets how paths may revisit entities and ties (<see cref="TraversalMode.Acyclic"/> by default).</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder Mode(TraversalMode mode) => With(q => q with { Mode = mode });

    /// <summary>Makes each of several parallel ties its own step (and so its own path).</summary>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder ExpandParallel() => With(q => q with { ExpandParallel = true });

    /// <summary>Returns at most <paramref name="count"/> paths; a cut is reported in <see cref="PathSet.TruncationReason"/>.</summary>
    /// <param name="count">The most paths, at least 1.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder Limit(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return With(q => q with { Limit = count });
    }

    /// <summary>Stops the search after <paramref name="limit"/> and reports the cut in <see cref="PathSet.TruncationReason"/>.</summary>
    /// <param name="limit">The longest the search may run, more than zero.</param>
    /// <returns>The extended builder.</returns>
    public PathQueryBuilder TimeLimit(TimeSpan limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        return With(q => q with { TimeLimit = limit });
    }

    /// <summary>Runs the query.</summary>
    /// <returns>The paths, in the documented order.</returns>
    public PathSet Paths() => PathMatcher.Run(graph, Query);

    /// <summary>Explains the query's result: candidates per step and the nearest miss.</summary>
    /// <returns>The explanation.</returns>
    public QueryExplanation Explain() => Explainer.Explain(graph, Query);

    /// <summary>The text form of the query, which <see cref="PathQuery.Parse"/> reads back to an equal query.</summary>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidOperationException">The query has a C# predicate, which has no text form.</exception>
    public string ToQueryString() => Query.ToQueryString();

    /// <summary>The text form, or a note when predicates have none.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Query.ToString();

    private PathQueryBuilder AddEdge(EdgeDirection direction, string[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        RelationshipTypeNames.Check(graph.Schema, types, nameof(types));

        var query = Query;
        var edge = new EdgePattern { Direction = direction, Types = [.. types.Distinct().Order(StringComparer.Ordinal)] };
        return new PathQueryBuilder(graph, query with { Edges = query.Edges.Add(edge) }, true);
    }

    private PathQueryBuilder AddNode(NodePattern node)
    {
        if (!endsWithEdge)
        {
            // A Where right after an edge ends that edge at any entity, so a To after it has no edge to end.
            throw new InvalidOperationException("Add an edge (Out, In or Both) before the next To: the path already ends at a node (From, To, ToAny, or a Where after an edge, which ends it at any entity; put Where after To).");
        }

        return new PathQueryBuilder(graph, Model with { Nodes = Model.Nodes.Add(node) }, false);
    }

    private PathQueryBuilder WithLastEdge(Func<EdgePattern, EdgePattern> change)
    {
        if (Model.Edges.IsEmpty)
        {
            throw new InvalidOperationException("Add an edge (Out, In or Both) first.");
        }

        return new PathQueryBuilder(graph, Model with { Edges = Model.Edges.SetItem(Model.Edges.Length - 1, change(Model.Edges[^1])) }, endsWithEdge);
    }

    private PathQueryBuilder With(Func<PathQuery, PathQuery> change) => new(graph, change(Model), endsWithEdge);

    // default(PartialDate) reads as the year 0001: a filter no one means, which would drop nearly every dated tie.
    internal static void ThrowIfDefault(PartialDate date, string parameter, string noFilter)
    {
        if (date.IsDefault)
        {
            throw new ArgumentException(PartialDate.DefaultProblem($"'{parameter}'", noFilter), parameter);
        }
    }
}

/// <summary>The query entry points on <see cref="TechTiesGraph"/>: patterns, connections, neighbourhoods.</summary>
public static class GraphQueries
{
    /// <summary>Starts a fluent path query at the one entity <paramref name="name"/> identifies.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="name">An id, name or alias.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="EntityLookupException">The name identifies no entity or several.</exception>
    public static PathQueryBuilder From(this TechTiesGraph graph, string name)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new PathQueryBuilder(graph, new PathQuery { Nodes = [new NodePattern { EntityId = graph.Find(name).Id }] }, false);
    }

    /// <summary>Starts a fluent path query at any entity of <paramref name="kind"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>The builder.</returns>
    public static PathQueryBuilder From(this TechTiesGraph graph, Kind kind)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new PathQueryBuilder(graph, new PathQuery { Nodes = [new NodePattern { Kind = kind }] }, false);
    }

    /// <summary>Starts a fluent path query at any entity.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The builder.</returns>
    public static PathQueryBuilder FromAny(this TechTiesGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new PathQueryBuilder(graph, new PathQuery(), false);
    }

    /// <summary>
    /// Runs a text pattern, such as <c>palantir -[hosts_on]-&gt; ? -[contracts_with]-&gt; ice asof 2018-08-01</c>
    /// (the language is in docs/queries.md).
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The paths, in the documented order; <see cref="PathSet.Explain"/> tells why there are none.</returns>
    /// <exception cref="QueryParseException">The pattern is malformed.</exception>
    /// <exception cref="EntityLookupException">A name identifies no entity or several.</exception>
    public static PathSet Query(this TechTiesGraph graph, string pattern) => graph.Query(PathQuery.Parse(pattern, graph));

    /// <summary>Runs a query model.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="query">The query.</param>
    /// <returns>The paths, in the documented order.</returns>
    public static PathSet Query(this TechTiesGraph graph, PathQuery query)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(query);
        return PathMatcher.Run(graph, query);
    }

    /// <summary>
    /// Counts the matches of a text pattern without building the paths: the number of paths
    /// <see cref="Query(TechTiesGraph, string)"/> finds with no limit, fast on large graphs.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="pattern">The pattern (the language is in docs/queries.md); its <c>limit</c> is ignored.</param>
    /// <returns>The count, and whether the expansion budget or the time limit cut the search.</returns>
    /// <exception cref="QueryParseException">The pattern is malformed.</exception>
    /// <exception cref="EntityLookupException">A name identifies no entity or several.</exception>
    public static PathCount Count(this TechTiesGraph graph, string pattern) => graph.Count(PathQuery.Parse(pattern, graph));

    /// <summary>
    /// Counts the matches of a query model without building the paths: the number of paths
    /// <see cref="Query(TechTiesGraph, PathQuery)"/> finds when <see cref="PathQuery.Limit"/> is lifted, under the
    /// same semantics, expansion budget and time limit.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="query">The query; its <see cref="PathQuery.Limit"/> is ignored.</param>
    /// <returns>The count, and whether the expansion budget or the time limit cut the search.</returns>
    public static PathCount Count(this TechTiesGraph graph, PathQuery query)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(query);
        return PathMatcher.Count(graph, query);
    }
}

using System.Collections.Immutable;
using System.Text;

namespace TechTies.Querying;

/// <summary>Which way a pattern edge walks its ties.</summary>
public enum EdgeDirection
{
    /// <summary>From the tie's start to its end (<c>-[type]-&gt;</c>).</summary>
    Out,

    /// <summary>From the tie's end to its start (<c>&lt;-[type]-</c>).</summary>
    In,

    /// <summary>Either way (<c>-[type]-</c>).</summary>
    Both,
}

/// <summary>
/// One node of a path pattern: an entity, or any entity, optionally of a kind, with property filters and a
/// predicate. Immutable; two patterns are equal when all their parts are (predicates by reference).
/// </summary>
public sealed record NodePattern
{
    /// <summary>A node that matches any entity (<c>?</c>).</summary>
    public static NodePattern Any { get; } = new();

    /// <summary>
    /// The variable name written in <c>(var:kind)</c>: a label, kept for printing. Variables are not bound, so a query
    /// may not give one variable to two nodes (which in Cypher would mean the same entity); running one throws.
    /// </summary>
    public string? Variable { get; init; }

    /// <summary>The id of the one entity this node must be; <see langword="null"/> for any entity.</summary>
    public string? EntityId { get; init; }

    /// <summary>The kind the entity must have; <see langword="null"/> for any kind.</summary>
    public Kind? Kind { get; init; }

    /// <summary>Property filters (<c>{name: "x"}</c>) in the order written; see <see cref="PropertyFilter"/>.</summary>
    public ImmutableArray<PropertyFilter> Properties { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>A further condition written in C#; it has no text form.</summary>
    public Func<Entity, bool>? Predicate { get; init; }

    /// <summary>Whether <paramref name="entity"/> matches every part of the pattern.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if ((EntityId is not null && entity.Id != EntityId) || (Kind is { } kind && entity.Kind != kind))
        {
            return false;
        }

        foreach (var property in Properties)
        {
            if (!property.Matches(entity))
            {
                return false;
            }
        }

        return Predicate is null || Predicate(entity);
    }

    /// <inheritdoc/>
    public bool Equals(NodePattern? other) =>
        other is not null && Variable == other.Variable && EntityId == other.EntityId && Kind == other.Kind
        && Properties.SequenceEqual(other.Properties) && Predicate == other.Predicate;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Variable, EntityId, Kind, Properties.Length);

    // The compiler's printing shows Properties as "System.Collections.Immutable.ImmutableArray`1[TechTies.Querying.PropertyFilter]".
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(
        builder,
        (nameof(Variable), Variable),
        (nameof(EntityId), EntityId),
        (nameof(Kind), Kind),
        (nameof(Properties), Properties),
        (nameof(Predicate), Predicate));
}

/// <summary>
/// A property filter of a node pattern, such as <c>{place: "Palo Alto, CA"}</c>. Known properties: <c>id</c>,
/// <c>name</c> (the name or an alias), <c>place</c> and <c>type</c> of a protest, <c>award_id</c> of a contract,
/// <c>publisher</c> of a source. Every value is compared as names are looked up: ignoring case, accents and spacing.
/// Other properties never match.
/// </summary>
/// <param name="Name">The property name.</param>
/// <param name="Value">The value it must have.</param>
public sealed record PropertyFilter(string Name, string Value)
{
    /// <summary>The property names a filter may use.</summary>
    public static ImmutableArray<string> Known { get; } = ["award_id", "id", "name", "place", "publisher", "type"];

    /// <summary>Whether <paramref name="entity"/> has the property with this value.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns><see langword="true"/> when it has.</returns>
    public bool Matches(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Name switch
        {
            "id" => SameName(entity.Id),
            "name" => SameName(entity.Name) || entity.Aliases.Any(SameName),
            "place" => entity is Protest { Place: { } place } && SameName(place),
            "type" => entity is Protest protest && SameName(protest.ProtestKind.ToString()),
            "award_id" => entity is Contract { AwardId: { } award } && SameName(award),
            "publisher" => entity is Source { Publisher: { } publisher } && SameName(publisher),
            _ => false,
        };
    }

    private bool SameName(string text) => Lookup.Normalize(text) == Lookup.Normalize(Value);
}

/// <summary>
/// One edge of a path pattern: the relationship types it may walk, its direction, how many hops, and a
/// predicate on ties. Immutable; equal when all parts are (predicates by reference).
/// </summary>
public sealed record EdgePattern
{
    /// <summary>The relationship type names it may walk, in ordinal order; empty for any type.</summary>
    public ImmutableArray<string> Types { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Which way the ties are walked.</summary>
    public EdgeDirection Direction { get; init; } = EdgeDirection.Out;

    /// <summary>The fewest hops (at least 1).</summary>
    public int MinHops { get; init; } = 1;

    /// <summary>The most hops (at least <see cref="MinHops"/>, at most <see cref="PathQuery.MaxHopsLimit"/>).</summary>
    public int MaxHops { get; init; } = 1;

    /// <summary>A further condition on each tie, written in C#; it has no text form.</summary>
    public Func<Tie, bool>? Predicate { get; init; }

    /// <inheritdoc/>
    public bool Equals(EdgePattern? other) =>
        other is not null && Types.SequenceEqual(other.Types) && Direction == other.Direction && MinHops == other.MinHops
        && MaxHops == other.MaxHops && Predicate == other.Predicate;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Types.Length, Direction, MinHops, MaxHops);

    // The compiler's printing shows Types as "System.Collections.Immutable.ImmutableArray`1[System.String]".
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(
        builder,
        (nameof(Types), Types),
        (nameof(Direction), Direction),
        (nameof(MinHops), MinHops),
        (nameof(MaxHops), MaxHops),
        (nameof(Predicate), Predicate));
}

/// <summary>
/// The one query model behind the fluent API (<see cref="PathQueryBuilder"/>) and the text patterns
/// (<see cref="Parse"/>): alternating node and edge patterns, a time filter, a traversal mode and limits.
/// Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// <para>Semantics: a match is an edge path whose entities match the node patterns in order, and whose hops
/// between node pattern i and i+1 walk ties that match edge pattern i, between its <see cref="EdgePattern.MinHops"/>
/// and <see cref="EdgePattern.MaxHops"/> times; entities inside a variable-length edge are not constrained.</para>
/// <para>Parallel ties (same two entities, same direction of walking, same type) form one step that carries all
/// of them, unless <see cref="ExpandParallel"/>.</para>
/// <para>Time: with <see cref="AsOf"/> a tie must hold on that day (<see cref="Tie.HoldsOn"/>; for a month or year,
/// on some day of it); with <see cref="DuringFrom"/>/<see cref="DuringTo"/> it must hold on some day of that span.
/// Every hop must hold. Undated ties are kept, and flagged in <see cref="PathStep.IsUndated"/> and the warnings.</para>
/// </remarks>
public sealed record PathQuery
{
    /// <summary>The highest hop count an edge may have.</summary>
    public const int MaxHopsLimit = 10;

    /// <summary>
    /// The most edges a pattern may have (a longer pattern is a syntax error in text, an <see cref="ArgumentException"/>
    /// when run): the search, and the explanation of an empty result, stay bounded.
    /// </summary>
    public const int MaxEdges = 32;

    /// <summary>The hop count an unbounded <c>*</c> is capped at (with a warning).</summary>
    public const int UnboundedHops = 6;

    /// <summary>The default result limit.</summary>
    public const int DefaultLimit = 1000;

    /// <summary>The default expansion budget: how many steps the matcher may try before it stops.</summary>
    public const int DefaultMaxExpansions = 1_000_000;

    /// <summary>
    /// The most paths a query or a connection search keeps, whatever its <see cref="Limit"/>, its count or "all
    /// shortest": results stay bounded in memory. A larger limit keeps this many, and says so in
    /// <see cref="PathSet.TruncationReason"/> when more paths were found.
    /// </summary>
    public const int MaxPathsKept = 100_000;

    /// <summary>A lower <see cref="MaxPathsKept"/> for the tests that set it, in their own flow only.</summary>
    internal static readonly AsyncLocal<int?> PathsKeptForTests = new();

    /// <summary>The cap the search applies: <see cref="MaxPathsKept"/>, unless a test lowered it.</summary>
    internal static int PathsKeptCap => PathsKeptForTests.Value ?? MaxPathsKept;

    /// <summary>The node patterns; one more than <see cref="Edges"/>.</summary>
    public ImmutableArray<NodePattern> Nodes { get; init => field = value.IsDefault ? [] : value; } = [NodePattern.Any];

    /// <summary>The edge patterns; edge i joins node i to node i + 1.</summary>
    public ImmutableArray<EdgePattern> Edges { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// The day (or month, or year) every tie must hold on; <see langword="null"/> for no date filter. Here and in
    /// <see cref="DuringFrom"/> and <see cref="DuringTo"/>, <c>default(PartialDate)</c> is no date: running a query with it throws.
    /// </summary>
    public PartialDate? AsOf { get; init; }

    /// <summary>The start of the span every tie must hold during some day of; <see langword="null"/> for none.</summary>
    public PartialDate? DuringFrom { get; init; }

    /// <summary>The end of the span (inclusive, at its precision); <see langword="null"/> when <see cref="DuringFrom"/> is.</summary>
    public PartialDate? DuringTo { get; init; }

    /// <summary>How paths may revisit entities and ties.</summary>
    public TraversalMode Mode { get; init; } = TraversalMode.Acyclic;

    /// <summary>The most paths to return (at most <see cref="MaxPathsKept"/> are kept); more is reported as truncation.</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Whether parallel ties are separate steps (one path each) instead of one grouped step.</summary>
    public bool ExpandParallel { get; init; }

    /// <summary>How many steps the matcher may try before it stops and reports truncation.</summary>
    public int MaxExpansions { get; init; } = DefaultMaxExpansions;

    /// <summary>
    /// How long the matcher may search before it stops and reports truncation; <see langword="null"/> (the default)
    /// for no time limit. A run cut by time is reported in <see cref="PathSet.TruncationReason"/>; which paths it
    /// found then depends on the machine, so only the other limits give repeatable results. Not part of the text form.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Warnings about the query itself, such as a capped <c>*</c>; not part of equality.</summary>
    public ImmutableArray<string> Warnings { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Parses a text pattern such as <c>palantir -[hosts_on]-&gt; ? -[contracts_with]-&gt; ice</c>.</summary>
    /// <param name="text">The pattern (see docs/queries.md).</param>
    /// <param name="graph">The graph whose names, kinds and relationship types the pattern uses.</param>
    /// <returns>The query.</returns>
    /// <exception cref="QueryParseException">The pattern is malformed, or has a node that can only be a source (sources are cited by ties, not tied, unless the graph declares a relationship type for them: see <see cref="TechTiesGraph.TiesCiting(Entity)"/>); the exception gives the column.</exception>
    /// <exception cref="EntityLookupException">A name identifies no entity or several.</exception>
    public static PathQuery Parse(string text, TechTiesGraph graph) => QueryParser.Parse(text, graph);

    /// <summary>The normalized text form, which <see cref="Parse"/> reads back to an equal query.</summary>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidOperationException">The query has a C# predicate, which has no text form.</exception>
    public string ToQueryString() => QueryPrinter.Print(this);

    /// <summary>Whether <paramref name="tie"/> passes the time filter (undated ties always do).</summary>
    /// <param name="tie">The tie.</param>
    /// <returns><see langword="true"/> when it holds.</returns>
    /// <exception cref="InvalidOperationException"><see cref="AsOf"/>, <see cref="DuringFrom"/> or <see cref="DuringTo"/> is <c>default(PartialDate)</c>, which is no date.</exception>
    public bool HoldsInTime(Tie tie)
    {
        ArgumentNullException.ThrowIfNull(tie);
        if (DefaultDateProblem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        return HoldsInTime(tie.Since, tie.Until);
    }

    /// <summary>Whether something that holds from <paramref name="since"/> until <paramref name="until"/> (open when unknown) passes the time filter, as a tie with those dates does.</summary>
    internal bool HoldsInTime(PartialDate? since, PartialDate? until)
    {
        if (AsOf is { } asOf)
        {
            return asOf.Precision == DatePrecision.Day
                ? (since is not { } s || s.Start <= asOf.Start) && (until is not { } u || asOf.Start <= u.End)
                : Overlaps(since, until, asOf.Start, asOf.End);
        }

        return DuringFrom is not { } from || DuringTo is not { } to || Overlaps(since, until, from.Start, to.End);
    }

    /// <summary>What is wrong when a date filter is <c>default(PartialDate)</c> (no date), or <see langword="null"/>.</summary>
    internal string? DefaultDateProblem()
    {
        foreach (var (name, date) in new[] { (nameof(AsOf), AsOf), (nameof(DuringFrom), DuringFrom), (nameof(DuringTo), DuringTo) })
        {
            if (date is { IsDefault: true })
            {
                return PartialDate.DefaultProblem(name, $"leave {name} null");
            }
        }

        return null;
    }

    /// <summary>Whether the query filters by time at all.</summary>
    public bool HasTimeFilter => AsOf is not null || DuringFrom is not null;

    /// <inheritdoc/>
    public bool Equals(PathQuery? other) =>
        other is not null && Nodes.SequenceEqual(other.Nodes) && Edges.SequenceEqual(other.Edges) && AsOf == other.AsOf
        && DuringFrom == other.DuringFrom && DuringTo == other.DuringTo && Mode == other.Mode && Limit == other.Limit
        && ExpandParallel == other.ExpandParallel && MaxExpansions == other.MaxExpansions && TimeLimit == other.TimeLimit;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Nodes.Length, Edges.Length, AsOf, DuringFrom, Mode, Limit);

    /// <summary>The normalized text form (or a note when a predicate has none).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => QueryPrinter.TryPrint(this);

    // A tie with a known start and end holds during [from, to] when the two spans share a day; open ends are open.
    private static bool Overlaps(PartialDate? since, PartialDate? until, DateOnly from, DateOnly to) =>
        (since is not { } s || s.Start <= to) && (until is not { } u || from <= u.End);
}

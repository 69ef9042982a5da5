using System.Collections;
using System.Collections.Immutable;
using TechTies.Querying;

namespace TechTies;

/// <summary>Which way a path step walks its ties.</summary>
public enum StepDirection
{
    /// <summary>From each tie's start to its end: the step reads with the type's label ("hosts on").</summary>
    Forward,

    /// <summary>From each tie's end to its start: the step reads with the inverse label ("hosts").</summary>
    Backward,
}

/// <summary>
/// One hop of a path: from one entity to the next over one or more parallel ties of one relationship type walked
/// the same way (several contracts between the same company and agency make one step, unless the query expands
/// them). Immutable.
/// </summary>
public sealed class PathStep
{
    private ImmutableArray<Contract> contracts;
    private ImmutableArray<Citation> citations;

    internal PathStep(Entity from, Entity to, RelationshipType type, StepDirection direction, ImmutableArray<Tie> ties)
    {
        From = from;
        To = to;
        Type = type;
        Direction = direction;
        Ties = ties;
    }

    /// <summary>The entity the step leaves (in the order the path is walked, not the tie's direction).</summary>
    public Entity From { get; }

    /// <summary>The entity the step reaches.</summary>
    public Entity To { get; }

    /// <summary>The relationship type of every tie of the step.</summary>
    public RelationshipType Type { get; }

    /// <summary>Whether the ties are walked from their start (<see cref="StepDirection.Forward"/>) or from their end.</summary>
    public StepDirection Direction { get; }

    /// <summary>The parallel ties of the step, in ordinal order of tie id; at least one.</summary>
    public ImmutableArray<Tie> Ties { get; }

    /// <summary>How the step reads: the type's label walked forward ("hosts on"), its inverse label walked backward ("hosts").</summary>
    public string Label => Direction == StepDirection.Forward ? Type.Label : Type.InverseLabel;

    // Contracts and citations are gathered on first use, as searches make many steps that are only counted or
    // compared; threads that ask at once may each gather them, and all get the one array published first.

    /// <summary>The contracts the ties carry (for <c>contracts_with</c> steps), in order of tie.</summary>
    public ImmutableArray<Contract> Contracts
    {
        get
        {
            if (contracts.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref contracts, [.. Ties.Select(t => t.Contract).OfType<Contract>().Distinct()]);
            }

            return contracts;
        }
    }

    /// <summary>The evidence: every citation of every tie, without repeats, in order of tie.</summary>
    public ImmutableArray<Citation> Citations
    {
        get
        {
            if (citations.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref citations, [.. Ties.SelectMany(t => t.Citations).Distinct()]);
            }

            return citations;
        }
    }

    /// <summary>Whether some tie of the step has no date, so a date filter could not tell whether it held.</summary>
    public bool IsUndated => Ties.Any(t => t.IsUndated);

    /// <summary>The arrow form of the one hop, such as <c>Palantir Technologies -> hosts on -> Amazon</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{From.Name} -> {Label} -> {To.Name}";
}

/// <summary>A path of the graph: the steps walked and the entities they pass. Immutable.</summary>
public sealed class GraphPath
{
    internal GraphPath(ImmutableArray<PathStep> steps)
    {
        Steps = steps;
        if (steps.IsEmpty)
        {
            Nodes = [];
            return;
        }

        var nodes = ImmutableArray.CreateBuilder<Entity>(steps.Length + 1);
        nodes.Add(steps[0].From);
        foreach (var step in steps)
        {
            nodes.Add(step.To);
        }

        Nodes = nodes.MoveToImmutable();
    }

    /// <summary>The steps, in walking order.</summary>
    public ImmutableArray<PathStep> Steps { get; }

    /// <summary>The entities passed, from start to end: one more than <see cref="Steps"/>.</summary>
    public ImmutableArray<Entity> Nodes { get; }

    /// <summary>The first entity.</summary>
    public Entity Start => Nodes[0];

    /// <summary>The last entity.</summary>
    public Entity End => Nodes[^1];

    /// <summary>The number of steps.</summary>
    public int Length => Steps.Length;

    /// <summary>Whether some step has an undated tie.</summary>
    public bool IsUndated => Steps.Any(s => s.IsUndated);

    /// <summary>
    /// The arrow form: entity names and step labels, such as
    /// <c>Palantir Technologies -> hosts on -> Amazon -> contracts with -> U.S. Immigration and Customs Enforcement</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Steps.IsEmpty ? string.Empty : Start.Name + string.Concat(Steps.Select(s => $" -> {s.Label} -> {s.To.Name}"));

    /// <summary>The documented order: fewer steps first, then entity ids, then types, directions and tie ids (all ordinal).</summary>
    internal static int Compare(GraphPath? a, GraphPath? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        var c = a.Length.CompareTo(b.Length);
        for (var i = 0; c == 0 && i < a.Nodes.Length; i++)
        {
            c = string.CompareOrdinal(a.Nodes[i].Id, b.Nodes[i].Id);
        }

        for (var i = 0; c == 0 && i < a.Steps.Length; i++)
        {
            var (x, y) = (a.Steps[i], b.Steps[i]);
            c = string.CompareOrdinal(x.Type.Name, y.Type.Name);
            c = c != 0 ? c : x.Direction.CompareTo(y.Direction);
            c = c != 0 ? c : x.Ties.Length.CompareTo(y.Ties.Length);
            for (var t = 0; c == 0 && t < x.Ties.Length; t++)
            {
                c = string.CompareOrdinal(x.Ties[t].Id, y.Ties[t].Id);
            }
        }

        return c;
    }
}

/// <summary>
/// The answer to a query: the paths in their deterministic order, with the normalized query, the semantics used,
/// whether a limit cut the results (never silently) and warnings. Immutable.
/// </summary>
public sealed class PathSet : IReadOnlyList<GraphPath>
{
    private readonly TechTiesGraph graph;
    private readonly PathQuery? pathQuery;

    // The date the search held ties to (tense is judged from its first day unless the caller gives a day), and for a
    // connection search its two ends: the picture's as-of line and title.
    private readonly PartialDate? asOf;
    private readonly (Entity From, Entity To)? ends;

    internal PathSet(TechTiesGraph graph, ImmutableArray<GraphPath> paths, string query, string semantics, string? truncationReason, ImmutableArray<string> warnings, PathQuery? pathQuery = null, PartialDate? asOf = null, (Entity From, Entity To)? ends = null, ImmutableArray<string> notes = default)
    {
        this.asOf = asOf;
        this.ends = ends;
        Paths = paths;
        Query = query;
        Semantics = semantics;
        TruncationReason = truncationReason;
        Warnings = warnings;
        Notes = notes.IsDefault ? [] : notes;
        this.graph = graph;
        this.pathQuery = pathQuery;
    }

    /// <summary>Whether the set came from a connection search ("how is A connected to B") rather than a pattern query.</summary>
    internal bool IsConnection => pathQuery is null;

    internal TechTiesGraph Graph => graph;

    internal PartialDate? AsOf => asOf;

    internal (Entity From, Entity To)? Ends => ends;

    /// <summary>The paths: fewer steps first, then by entity ids, relationship types and tie ids (ordinal).</summary>
    public ImmutableArray<GraphPath> Paths { get; }

    /// <summary>The query in its normalized text form (or a description of a connection search).</summary>
    public string Query { get; }

    /// <summary>The semantics the engine used, in words: traversal mode, grouping, time filter, limits.</summary>
    public string Semantics { get; }

    /// <summary>
    /// Whether a limit cut the results or stopped the search early, so that more paths exist or may exist than
    /// <see cref="Paths"/> holds; <see cref="TruncationReason"/> says which.
    /// </summary>
    public bool IsTruncated => TruncationReason is not null;

    /// <summary>Which limit cut the results and how; <see langword="null"/> when nothing was cut.</summary>
    public string? TruncationReason { get; }

    /// <summary>Warnings: undated ties kept under a date filter, capped hop counts and the like.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>
    /// Notes on how the answer was made that take nothing away from it, such as the paths through a contract node that
    /// a connection search leaves out because the <c>contracts_with</c> step already carries the contract. Unlike
    /// <see cref="Warnings"/>, the renderings do not print them (the command line has them in its JSON's <c>notes</c>).
    /// </summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>The number of paths.</summary>
    public int Count => Paths.Length;

    /// <summary>Whether there are no paths.</summary>
    public bool IsEmpty => Paths.IsEmpty;

    /// <summary>The path at <paramref name="index"/>.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The path.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public GraphPath this[int index] =>
        (uint)index < (uint)Paths.Length
            ? Paths[index]
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The set has {Count} path{(Count == 1 ? string.Empty : "s")}: an index must be from 0 to {Count - 1}.");

    /// <summary>
    /// The first <paramref name="count"/> paths as a set of their own that says the others were left out: the same
    /// query, semantics and warnings, with <paramref name="reason"/> added to <see cref="TruncationReason"/>. For output
    /// that must stay within a size, such as the command line's cap on the bytes it writes.
    /// </summary>
    /// <param name="count">How many paths to keep, from 0 to <see cref="Count"/>.</param>
    /// <param name="reason">Why the others were left out, in words (such as "the output limit of 64 MiB kept 120 of 10000 paths").</param>
    /// <returns>The shorter set, or this set when <paramref name="count"/> is <see cref="Count"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or more than <see cref="Count"/>.</exception>
    public PathSet TakeFirst(int count, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return count == Count
            ? this
            : new PathSet(graph, Paths[..count], Query, Semantics, TruncationReason is null ? reason : $"{TruncationReason}; {reason}", Warnings, pathQuery, asOf, ends, Notes);
    }

    /// <summary>Explains the result of a pattern query: how many candidates each step kept, and the nearest miss.</summary>
    /// <returns>The explanation.</returns>
    /// <exception cref="InvalidOperationException">The set did not come from a pattern query (it came from a connection search).</exception>
    public QueryExplanation Explain() =>
        pathQuery is not null
            ? Explainer.Explain(graph, pathQuery)
            : throw new InvalidOperationException("Only the result of a pattern query can be explained.");

    /// <summary>Enumerates the paths in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<GraphPath> GetEnumerator() => ((IEnumerable<GraphPath>)Paths).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The arrow form of every path, one a line, or <c>(no paths)</c>, then a truncation note if the set was cut.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Join(Environment.NewLine, (IsEmpty ? ["(no paths)"] : Paths.Select(p => p.ToString())).Concat(IsTruncated ? [$"(truncated: {TruncationReason})"] : []));
}

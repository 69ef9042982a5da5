using System.Collections;
using System.Collections.Immutable;
using TechTies.Querying;
using TechTies.Rendering;

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

    /// <summary>
    /// The paths as plain sentences with footnoted sources: one numbered paragraph per path, one sentence per tie
    /// (per contract for a <c>contracts_with</c> step, such as "Palantir Technologies had a $39 million contract with
    /// U.S. Immigration and Customs Enforcement (2015–2018) [1][2]."), then the sources (title, publisher, date, URL).
    /// </summary>
    /// <remarks>
    /// Tense: a tie has ended when its status is <c>ended</c> or its end is before <paramref name="today"/>. A
    /// contract then "had", otherwise "has"; other ties read their label as a verb in the past or present tense
    /// ("hosted on" / "hosts on"), with "was" or "is" before a label that is not a verb ("was part of", "is targeted
    /// by"). In brackets, as <c>show</c> gives them: the dates, a tie's amount and a status other than
    /// <c>reported</c> and <c>ended</c> ("(2017–2018, $50,000, confirmed)", "(denied)"). A tie that cites no source
    /// says "[no source]". Where sources disagree on a field, the sentence says so and gives every value with its
    /// sources. A truncated set says so after the paths, and each of the <see cref="Warnings"/> follows as a note
    /// ("Note: …"), so that text copied elsewhere keeps its caveats.
    /// </remarks>
    /// <param name="today">
    /// The day tense is judged from; <see langword="null"/> for the first day of the search's <c>asof</c> date (so that
    /// <c>asof 2018-08-01</c> reads as of that day), or today (UTC) when the search had none.
    /// </param>
    /// <returns>The text, with <c>\n</c> line ends.</returns>
    public string ToSentences(DateOnly? today = null) => PathRenderer.Sentences(this, graph, TenseDay(today));

    /// <summary>
    /// A Markdown table with one row per tie (a step of several contracts has a row for each, with the same path and
    /// step numbers): path, step, from, relationship, to, dates, amount, status, source ids. The amount is the one the
    /// sentences give (a contract's headline amount, else its current value); a value sources differ on is followed
    /// by the others ("$53 million (sources differ: also $41 million)"), a date a tie takes from a protest included;
    /// the status is empty for <c>reported</c>; a tie without a source says "[no source]". Empty cells are unknown. A
    /// truncation note and the <see cref="Warnings"/> (as "*Note: …*") follow the table.
    /// </summary>
    /// <returns>The Markdown, with <c>|</c> and Markdown syntax in text escaped, and <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> as HTML entities.</returns>
    public string ToMarkdown() => PathRenderer.Markdown(this);

    /// <summary>
    /// An HTML fragment: the paths as sentences with footnotes, the sources as links, an inline SVG picture of the
    /// paths (nothing is fetched at display time) and a table with the columns of <see cref="ToMarkdown"/>. All
    /// text from the data is HTML-encoded. The <see cref="Warnings"/> follow the sentences as notes.
    /// </summary>
    /// <param name="today">The day that decides tense, as in <see cref="ToSentences"/>: the first day of the search's <c>asof</c> date, or today (UTC), when <see langword="null"/>.</param>
    /// <returns>The HTML fragment.</returns>
    public string ToHtml(DateOnly? today = null) => PathRenderer.Html(this, graph, TenseDay(today));

    /// <summary>
    /// The network picture of the paths (see <see cref="NetworkPicture"/>): each entity on any path drawn once, each
    /// step's ties drawn in their own direction, parallel ties of one type merged with their count and, for contracts,
    /// their total. Titled with the question ("How is Salesforce connected to U.S. Immigration and Customs
    /// Enforcement?", or "Paths matching …" for a pattern query), with the search's <c>asof</c> date, and a note when
    /// the set was truncated; its story page lists the <see cref="Warnings"/> and <see cref="Notes"/> under "Notes".
    /// </summary>
    /// <param name="title">The title; <see langword="null"/> for the question the set answers.</param>
    /// <param name="today">The day that decides the tense of the story page's sentences, as in <see cref="ToSentences"/>.</param>
    /// <returns>The picture.</returns>
    public NetworkPicture ToPicture(string? title = null, DateOnly? today = null)
    {
        var day = TenseDay(today);
        var question = title ?? (ends is var (from, to) ? $"How is {from.Name} connected to {to.Name}?" : $"Paths matching {Query}");
        var entities = Paths.SelectMany(p => p.Nodes).Concat(ends is var (a, b) ? [a, b] : []);
        var ties = Paths.SelectMany(p => p.Steps.SelectMany(s => s.Ties));
        return new NetworkPicture(
            graph, question, asOf, entities, ties, IsTruncated ? PathRenderer.Truncated(this) : null,
            notes => IsEmpty ? ["No paths were found."] : [.. Paths.Select(p => string.Join(' ', p.Steps.SelectMany(s => PathRenderer.StepSentences(s, notes, day))))],
            () => PathRenderer.Table(this),
            Warnings.Concat(Notes));
    }

    /// <summary>The network picture of the paths as SVG: <see cref="ToPicture"/>, then <see cref="NetworkPicture.ToSvg"/>.</summary>
    /// <returns>The SVG document (also valid inline in HTML); all text is XML-escaped.</returns>
    public string ToSvg() => ToPicture().ToSvg();

    /// <summary>
    /// A standalone HTML story page of the answer: the question, the as-of date, the picture, the paths as sentences
    /// (their footnote numbers are the picture's), the warnings and notes, the sources with links and the table of steps. See <see cref="NetworkPicture.ToStoryPage"/>.
    /// </summary>
    /// <param name="today">The day that decides tense, as in <see cref="ToSentences"/>.</param>
    /// <returns>The HTML document.</returns>
    public string ToStoryPage(DateOnly? today = null) => ToPicture(today: today).ToStoryPage();

    /// <summary>
    /// A Mermaid flowchart of the paths: each entity once (ids <c>n0</c>, <c>n1</c>…), parallel ties of one type
    /// merged into one edge in their own direction, labelled as the picture labels them ("3 contracts, $92.2M"), labels escaped as the Mermaid export escapes them; a truncated result ends with a <c>%%</c> comment
    /// and a node <c>truncated</c> that say so.
    /// </summary>
    /// <returns>The Mermaid text.</returns>
    public string ToMermaid() => PathRenderer.Mermaid(this);

    /// <summary>A Graphviz DOT digraph of the paths: entities by quoted id with their names as labels, parallel ties of one type merged into one edge labelled with their count and, for contracts, total; a truncated result says so in the graph's label.</summary>
    /// <returns>The DOT text.</returns>
    public string ToDot() => PathRenderer.Dot(this);

    private DateOnly TenseDay(DateOnly? today) => today ?? asOf?.Start ?? DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Enumerates the paths in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<GraphPath> GetEnumerator() => ((IEnumerable<GraphPath>)Paths).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The arrow form of every path, one a line, or <c>(no paths)</c>, then a truncation note if the set was cut.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Join(Environment.NewLine, (IsEmpty ? ["(no paths)"] : Paths.Select(p => p.ToString())).Concat(IsTruncated ? [$"(truncated: {TruncationReason})"] : []));
}

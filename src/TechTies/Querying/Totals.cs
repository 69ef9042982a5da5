using System.Collections.Immutable;
using System.Text;
using TechTies.Querying;

namespace TechTies;

/// <summary>How <see cref="GraphTotals.Totals(TechTiesGraph, TotalsOptions)"/> groups the contracts it sums.</summary>
public enum TotalsGrouping
{
    /// <summary>By the contract's vendor (the company the award names).</summary>
    Vendor,

    /// <summary>
    /// By the vendor's parent: the parent the award record names, where it names one; else the top of the vendor's
    /// <c>subsidiary_of</c> chain (the vendor itself when it is no one's subsidiary).
    /// </summary>
    Parent,

    /// <summary>By the contract's agency (its <c>agency:</c> field).</summary>
    Agency,

    /// <summary>By the contract's awarding office, or its agency when it names no office.</summary>
    Office,

    /// <summary>By department: the top of the <c>part_of</c> chain from the contract's agency.</summary>
    Department,

    /// <summary>By the year the contract started; contracts without a start form one group, <c>unknown</c>.</summary>
    Year,

    /// <summary>Not grouped: one group, <c>all</c>, of every contract counted.</summary>
    None,
}

/// <summary>Which money field of a contract a total sums.</summary>
public enum MoneyField
{
    /// <summary>The headline value as sources report it (<c>amount</c>; <see cref="Contract.Amount"/>).</summary>
    Amount,

    /// <summary>The amount obligated so far (<c>obligated</c>; <see cref="Contract.Obligated"/>).</summary>
    Obligated,

    /// <summary>The current total value of the award (<c>current_value</c>; <see cref="Contract.CurrentValue"/>).</summary>
    CurrentValue,

    /// <summary>The potential total value, options included (<c>potential_value</c>; <see cref="Contract.PotentialValue"/>).</summary>
    PotentialValue,
}

/// <summary>
/// What <see cref="GraphTotals.Totals(TechTiesGraph, TotalsOptions)"/> sums: which contracts (by vendor, agency and
/// time), which money field, how grouped and how many groups to show. Immutable; equal when every part is (the lists
/// element by element); validated when the totals run, with one message that lists every problem.
/// </summary>
public sealed record TotalsOptions
{
    /// <summary>The options used when none are given: every contract, its <c>amount</c>, by vendor.</summary>
    public static TotalsOptions Default { get; } = new();

    /// <summary>
    /// The vendors whose contracts count; empty (the default) for every vendor. Each is an id, a name or an alias
    /// (<c>palantir</c>), a node pattern (<c>(:company {name: "Palantir USG"})</c>: every company it matches) or a
    /// path pattern (<c>(:protest) -[targets]-&gt; (:company)</c>: the companies its paths end at).
    /// </summary>
    public ImmutableArray<string> Vendors { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// The agencies whose contracts count, given as <see cref="Vendors"/> are; empty for every agency. An agency
    /// includes its parts (<c>part_of</c>, transitively): ICE includes its offices, DHS includes ICE and CBP. A
    /// contract counts when its agency or its awarding office is among them.
    /// </summary>
    public ImmutableArray<string> Agencies { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Whether a vendor includes its subsidiaries (<c>subsidiary_of</c>, transitively); by default it does not.</summary>
    public bool WithSubsidiaries { get; init; }

    /// <summary>How the contracts are grouped (default <see cref="TotalsGrouping.Vendor"/>).</summary>
    public TotalsGrouping By { get; init; } = TotalsGrouping.Vendor;

    /// <summary>Which money field is summed (default <see cref="MoneyField.Amount"/>).</summary>
    public MoneyField Value { get; init; } = MoneyField.Amount;

    /// <summary>
    /// How many groups to show, largest first; the rest are summed as one group, <see cref="MoneyTotals.Others"/>.
    /// <see langword="null"/> (the default) for every group.
    /// </summary>
    public int? Top { get; init; }

    /// <summary>
    /// The day (or month, or year) a contract must hold on, with the time semantics of queries (docs/queries.md): its
    /// start not after the day, its end not before; undated contracts are kept and counted in
    /// <see cref="MoneyTotals.Undated"/>. <see langword="null"/> for no date filter.
    /// </summary>
    public PartialDate? AsOf { get; init; }

    /// <summary>The start of a span a contract must hold on some day of; <see langword="null"/> for none. Give <see cref="DuringTo"/> with it.</summary>
    public PartialDate? DuringFrom { get; init; }

    /// <summary>The end of the span (inclusive, at its precision); <see langword="null"/> when <see cref="DuringFrom"/> is.</summary>
    public PartialDate? DuringTo { get; init; }

    /// <summary>Every problem of these options, one per line; empty when they are valid.</summary>
    internal IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Top is < 1)
        {
            problems.Add($"Top is {Top}; it must be at least 1 (or null for every group).");
        }

        if (!Enum.IsDefined(By))
        {
            problems.Add($"By is {(int)By}, which is not a TotalsGrouping.");
        }

        if (!Enum.IsDefined(Value))
        {
            problems.Add($"Value is {(int)Value}, which is not a MoneyField.");
        }

        foreach (var (name, date) in new[] { (nameof(AsOf), AsOf), (nameof(DuringFrom), DuringFrom), (nameof(DuringTo), DuringTo) })
        {
            if (date is { IsDefault: true })
            {
                problems.Add(PartialDate.DefaultProblem(name, $"leave {name} null"));
            }
        }

        if (AsOf is not null && (DuringFrom is not null || DuringTo is not null))
        {
            problems.Add("AsOf and DuringFrom/DuringTo are both given; a total has one time filter: give one of them.");
        }

        if ((DuringFrom is null) != (DuringTo is null))
        {
            problems.Add("Only one of DuringFrom and DuringTo is given; give both (the span's first and last day, month or year).");
        }
        else if (DuringFrom is { IsDefault: false } from && DuringTo is { IsDefault: false } to && from.Start > to.End)
        {
            problems.Add($"DuringFrom ({from}) is after DuringTo ({to}); give the earlier date first.");
        }

        foreach (var (name, specs) in new[] { (nameof(Vendors), Vendors), (nameof(Agencies), Agencies) })
        {
            if (specs.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{name} has an empty name; give an id, a name, an alias or a pattern.");
            }
        }

        return problems;
    }

    /// <summary>The time filter as a query's, whose semantics totals share; <see langword="null"/> for none.</summary>
    internal PathQuery? TimeFilter() =>
        AsOf is null && DuringFrom is null ? null : new PathQuery { AsOf = AsOf, DuringFrom = DuringFrom, DuringTo = DuringTo };

    /// <inheritdoc/>
    public bool Equals(TotalsOptions? other) =>
        other is not null && Vendors.SequenceEqual(other.Vendors) && Agencies.SequenceEqual(other.Agencies) && WithSubsidiaries == other.WithSubsidiaries
        && By == other.By && Value == other.Value && Top == other.Top && AsOf == other.AsOf && DuringFrom == other.DuringFrom && DuringTo == other.DuringTo;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Vendors.Length, Agencies.Length, WithSubsidiaries, By, Value, Top, AsOf, DuringFrom);

    // The compiler's printing shows the lists as "System.Collections.Immutable.ImmutableArray`1[System.String]".
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(
        builder,
        (nameof(Vendors), Vendors),
        (nameof(Agencies), Agencies),
        (nameof(WithSubsidiaries), WithSubsidiaries),
        (nameof(By), By),
        (nameof(Value), Value),
        (nameof(Top), Top),
        (nameof(AsOf), AsOf),
        (nameof(DuringFrom), DuringFrom),
        (nameof(DuringTo), DuringTo));
}

/// <summary>
/// The fluent form of <see cref="TotalsOptions"/>, started with <see cref="GraphTotals.Contracts(TechTiesGraph)"/>:
/// <c>graph.Contracts().Agency("ice").By(TotalsGrouping.Parent).Value(MoneyField.CurrentValue).Top(10).Totals()</c>.
/// Immutable: every call returns a new builder.
/// </summary>
public sealed class TotalsBuilder
{
    private readonly TechTiesGraph graph;

    internal TotalsBuilder(TechTiesGraph graph, TotalsOptions options)
    {
        this.graph = graph;
        Options = options;
    }

    /// <summary>The options built so far.</summary>
    public TotalsOptions Options { get; }

    /// <summary>Counts only contracts of these vendors (added to any given before); see <see cref="TotalsOptions.Vendors"/>.</summary>
    /// <param name="vendors">Ids, names, aliases or patterns.</param>
    /// <returns>The extended builder.</returns>
    public TotalsBuilder Vendor(params string[] vendors)
    {
        ArgumentNullException.ThrowIfNull(vendors);
        return With(Options with { Vendors = Options.Vendors.AddRange(vendors) });
    }

    /// <summary>Counts only contracts of these agencies and their parts (added to any given before); see <see cref="TotalsOptions.Agencies"/>.</summary>
    /// <param name="agencies">Ids, names, aliases or patterns.</param>
    /// <returns>The extended builder.</returns>
    public TotalsBuilder Agency(params string[] agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        return With(Options with { Agencies = Options.Agencies.AddRange(agencies) });
    }

    /// <summary>Lets each vendor include its subsidiaries (<see cref="TotalsOptions.WithSubsidiaries"/>).</summary>
    /// <returns>The extended builder.</returns>
    public TotalsBuilder WithSubsidiaries() => With(Options with { WithSubsidiaries = true });

    /// <summary>Groups the contracts (<see cref="TotalsOptions.By"/>).</summary>
    /// <param name="grouping">The grouping.</param>
    /// <returns>The extended builder.</returns>
    public TotalsBuilder By(TotalsGrouping grouping) => With(Options with { By = grouping });

    /// <summary>Sums this money field (<see cref="TotalsOptions.Value"/>).</summary>
    /// <param name="field">The field.</param>
    /// <returns>The extended builder.</returns>
    public TotalsBuilder Value(MoneyField field) => With(Options with { Value = field });

    /// <summary>Shows the <paramref name="count"/> largest groups and sums the rest as others (<see cref="TotalsOptions.Top"/>).</summary>
    /// <param name="count">How many groups, at least 1.</param>
    /// <returns>The extended builder.</returns>
    public TotalsBuilder Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return With(Options with { Top = count });
    }

    /// <summary>Counts only contracts that hold on <paramref name="date"/> (undated ones are kept and counted apart).</summary>
    /// <remarks>A total has one time filter: this replaces an earlier <c>AsOf</c> or <c>During</c>.</remarks>
    /// <param name="date">The day.</param>
    /// <returns>The extended builder.</returns>
    public TotalsBuilder AsOf(DateOnly date) => AsOf(PartialDate.FromDate(date));

    /// <summary>Counts only contracts that hold on some day of <paramref name="date"/> (a day, month or year).</summary>
    /// <remarks>A total has one time filter: this replaces an earlier <c>AsOf</c> or <c>During</c>.</remarks>
    /// <param name="date">The day, month or year; not <c>default(PartialDate)</c>.</param>
    /// <returns>The extended builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is <c>default(PartialDate)</c>, which is no date.</exception>
    public TotalsBuilder AsOf(PartialDate date)
    {
        PathQueryBuilder.ThrowIfDefault(date, nameof(date), "do not call AsOf");
        return With(Options with { AsOf = date, DuringFrom = null, DuringTo = null });
    }

    /// <summary>Counts only contracts that hold on some day from <paramref name="from"/> to <paramref name="to"/> (inclusive, at their precision).</summary>
    /// <remarks>A total has one time filter: this replaces an earlier <c>AsOf</c> or <c>During</c>.</remarks>
    /// <param name="from">The first day, month or year.</param>
    /// <param name="to">The last day, month or year, not before <paramref name="from"/>.</param>
    /// <returns>The extended builder.</returns>
    /// <exception cref="ArgumentException">A date is <c>default(PartialDate)</c>, or <paramref name="to"/> ends before <paramref name="from"/> starts.</exception>
    public TotalsBuilder During(PartialDate from, PartialDate to)
    {
        PathQueryBuilder.ThrowIfDefault(from, nameof(from), "do not call During");
        PathQueryBuilder.ThrowIfDefault(to, nameof(to), "do not call During");
        if (from.Start > to.End)
        {
            throw new ArgumentException($"The span {from}..{to} ends before it starts; give the earlier date first.", nameof(to));
        }

        return With(Options with { DuringFrom = from, DuringTo = to, AsOf = null });
    }

    /// <summary>Runs the totals (<see cref="GraphTotals.Totals(TechTiesGraph, TotalsOptions)"/>).</summary>
    /// <returns>The totals.</returns>
    /// <exception cref="EntityLookupException">A vendor or agency name identifies no entity or several.</exception>
    /// <exception cref="QueryParseException">A vendor or agency pattern is malformed.</exception>
    /// <exception cref="ArgumentException">A vendor is not a company, an agency not an agency, or a pattern's matches were cut by its search budget.</exception>
    public MoneyTotals Totals() => graph.Totals(Options);

    /// <summary>The options, as <see cref="TotalsOptions"/> prints them.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Options.ToString();

    private TotalsBuilder With(TotalsOptions options) => new(graph, options);
}

/// <summary>Money totals over a graph's contracts: how much, and who most (docs/totals.md).</summary>
public static class GraphTotals
{
    /// <summary>
    /// Sums one money field of the contracts the options select, per group, exactly (decimal) and per currency:
    /// each contract counted once in its group, a contract whose field is unknown counted apart (never as zero),
    /// disputed values taken at their preferred claim and counted. Groups are ranked by their total, largest first.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="options">What to sum; <see langword="null"/> for <see cref="TotalsOptions.Default"/>.</param>
    /// <returns>The totals; every group carries its contracts and their sources.</returns>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem), a vendor is not a company, an agency is not an agency, or a pattern's matches were cut by its search budget.</exception>
    /// <exception cref="EntityLookupException">A vendor or agency name identifies no entity or several.</exception>
    /// <exception cref="QueryParseException">A vendor or agency pattern is malformed.</exception>
    public static MoneyTotals Totals(this TechTiesGraph graph, TotalsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return TotalsEngine.Run(graph, options ?? TotalsOptions.Default);
    }

    /// <summary>Starts the fluent form of a totals query: <c>graph.Contracts().Vendor("palantir").Agency("ice").Totals()</c>.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The builder, with the default options.</returns>
    public static TotalsBuilder Contracts(this TechTiesGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new TotalsBuilder(graph, TotalsOptions.Default);
    }
}

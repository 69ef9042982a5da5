using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TechTies.Querying;
using TechTies.Rendering;

namespace TechTies;

/// <summary>
/// The result of <see cref="GraphTotals.Totals(TechTiesGraph, TotalsOptions)"/>: one money field of the selected
/// contracts summed per group, exactly and per currency, groups ranked largest first, each with its contracts and their
/// sources. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Every selected contract is in exactly one group (or in <see cref="Others"/>), counted once. A contract whose field is
/// unknown adds nothing to a total and is counted in <see cref="WithoutValue"/>; amounts in different currencies are
/// never added together, so a total is a list with one amount per currency (<see cref="GrandTotals"/>,
/// <see cref="TotalsGroup.Totals"/>).
/// </remarks>
public sealed class MoneyTotals
{
    private readonly TechTiesGraph graph;

    internal MoneyTotals(TechTiesGraph graph, TotalsOptions options, ImmutableArray<Entity> vendors, ImmutableArray<Entity> agencies, ImmutableArray<TotalsGroup> groups, TotalsGroup? others, ImmutableArray<Money> grandTotals, int contracts, int withoutValue, int disputed, int disputedTotals, int undated, ImmutableArray<string> warnings, string? rankCurrency)
    {
        this.graph = graph;
        Options = options;
        Vendors = vendors;
        Agencies = agencies;
        Groups = groups;
        Others = others;
        GrandTotals = grandTotals;
        ContractCount = contracts;
        WithoutValue = withoutValue;
        Disputed = disputed;
        DisputedTotals = disputedTotals;
        Undated = undated;
        Warnings = warnings;
        RankCurrency = rankCurrency;
    }

    /// <summary>The options the totals ran with.</summary>
    public TotalsOptions Options { get; }

    /// <summary>The money field summed.</summary>
    public MoneyField Value => Options.Value;

    /// <summary>How the contracts are grouped.</summary>
    public TotalsGrouping By => Options.By;

    /// <summary>The companies <see cref="TotalsOptions.Vendors"/> named or matched, in ordinal order of id (without the subsidiaries they include); empty when every vendor counts.</summary>
    public ImmutableArray<Entity> Vendors { get; }

    /// <summary>The agencies <see cref="TotalsOptions.Agencies"/> named or matched, in ordinal order of id (without the parts they include); empty when every agency counts.</summary>
    public ImmutableArray<Entity> Agencies { get; }

    /// <summary>
    /// The groups, ranked by their total (largest first, then by id); with <see cref="TotalsOptions.Top"/>, only the
    /// largest. Groups by year are in time order (their <see cref="TotalsGroup.Rank"/> still says which were largest).
    /// </summary>
    public ImmutableArray<TotalsGroup> Groups { get; }

    /// <summary>The groups <see cref="TotalsOptions.Top"/> left out, summed as one group (id <c>others</c>); <see langword="null"/> when none were left out.</summary>
    public TotalsGroup? Others { get; }

    /// <summary>The total of every selected contract, one amount per currency in ordinal order of the code; empty when no contract states a value.</summary>
    public ImmutableArray<Money> GrandTotals { get; }

    /// <summary>How many contracts were selected (with or without a value).</summary>
    public int ContractCount { get; }

    /// <summary>How many selected contracts state no value for the field: counted apart, never as zero.</summary>
    public int WithoutValue { get; }

    /// <summary>How many summed values are disputed (sources give several; the preferred one is used).</summary>
    public int Disputed { get; }

    /// <summary>How many of the totals shown (the groups and <see cref="Others"/>) rest on at least one disputed value.</summary>
    public int DisputedTotals { get; }

    /// <summary>How many selected contracts have no dates, so a date filter kept them without knowing whether they hold (0 without a date filter).</summary>
    public int Undated { get; }

    /// <summary>Notes on what was counted: undated contracts kept by a date filter, pattern matches left out.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>The currency groups are ranked and drawn by: the one most contracts state; <see langword="null"/> when none states a value.</summary>
    internal string? RankCurrency { get; }

    internal TechTiesGraph Graph => graph;

    /// <summary>The groups and then <see cref="Others"/>, when there is one: every selected contract is in exactly one.</summary>
    /// <returns>The groups.</returns>
    public IEnumerable<TotalsGroup> AllGroups() => Others is null ? Groups : Groups.Append(Others);

    /// <summary>The selected contracts that state no value for the field, in ordinal order of id.</summary>
    /// <returns>The contracts and their (absent) values.</returns>
    public ImmutableArray<ContractValue> ContractsWithoutValue() =>
        [.. AllGroups().SelectMany(g => g.Contracts).Where(c => c.Value is null).OrderBy(c => c.Contract.Id, StringComparer.Ordinal)];

    /// <summary>
    /// The totals as a reporter would write them: one numbered sentence per group ("Palantir Technologies received
    /// $39,590,900.32 in current award value from U.S. Immigration and Customs Enforcement across 2 of 3 awards; 1
    /// award states no current value [1][2]."), the grand total, the notes, then the numbered sources.
    /// </summary>
    /// <returns>The text.</returns>
    public string ToSentences() => TotalsRenderer.Sentences(this);

    /// <summary>The ranked table as Markdown (rank, name, total, contracts, without value), the grand total and the counts under it; cells escaped.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown() => TotalsRenderer.Markdown(this);

    /// <summary>
    /// An HTML fragment for notebooks: the network picture (<see cref="ToPicture"/>) when a contract was found, the
    /// ranked table, the grand total and counts, and a horizontal bar chart (<see cref="ToSvg"/>). No script; every
    /// text from the data is escaped.
    /// </summary>
    /// <returns>The HTML.</returns>
    public string ToHtml() => TotalsRenderer.Html(this);

    /// <summary>
    /// A horizontal bar chart as SVG: one bar per group (and one for <see cref="Others"/>) in the ranking currency, the
    /// name before it and the amount after it. No script; names are escaped.
    /// </summary>
    /// <returns>The SVG document.</returns>
    public string ToSvg() => TotalsRenderer.Svg(this);

    /// <summary>
    /// The network picture of the totals (see <see cref="NetworkPicture"/>): the vendors (or parents, by the grouping)
    /// and agencies of the contracts summed, one edge from each vendor to each agency, labelled with how many
    /// contracts and the total of the field summed (<c>3 contracts, $39.59M current value</c>; "at least" when some
    /// state none), titled with what was summed and the <see cref="TotalsOptions.AsOf"/> date. The largest 40 groups
    /// are drawn; a note says which groups (and <see cref="Others"/>) are not. <see cref="ToSvg"/> is the bar chart.
    /// </summary>
    /// <returns>The picture.</returns>
    public NetworkPicture ToPicture() => TotalsPicture.Of(this);

    /// <summary>
    /// A standalone HTML story page of the totals: what was summed, the as-of date, the network picture
    /// (<see cref="ToPicture"/>), one sentence per group and the grand total (their footnote numbers are the
    /// picture's), the <see cref="Warnings"/> as notes, and the sources with links. See <see cref="NetworkPicture.ToStoryPage"/>.
    /// </summary>
    /// <returns>The HTML document.</returns>
    public string ToStoryPage() => ToPicture().ToStoryPage();

    /// <summary>
    /// The totals as CSV for spreadsheets: a header, then one row per group and currency (<c>rank, id, name, currency,
    /// total, contracts, without_value, disputed</c>; a group without any value has one row with empty currency and
    /// total). Text cells that begin with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return are written
    /// with a leading <c>'</c>, so that spreadsheets show them as text instead of evaluating them.
    /// </summary>
    /// <returns>The CSV text (LF line ends).</returns>
    public string ToCsv() => TotalsRenderer.Csv(this);

    /// <summary>The ranked table, as <see cref="ToString"/>; with <paramref name="withContracts"/>, each group's contracts under it (id, value or <c>no value</c>, title).</summary>
    /// <param name="withContracts">Whether to list every group's contracts.</param>
    /// <returns>The text.</returns>
    public string ToText(bool withContracts) => TotalsRenderer.Text(this, withContracts);

    /// <summary>The ranked table (rank, name, total as <c>$39,590,900.32</c>, contracts, without value), the grand total and the counts under it.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => TotalsRenderer.Text(this, withContracts: false);
}

/// <summary>One group of a <see cref="MoneyTotals"/>: its total per currency and the contracts it sums. Immutable and thread-safe.</summary>
public sealed class TotalsGroup
{
    private readonly TechTiesGraph graph;
    private readonly MoneyField field;
    private readonly ArraySegment<int> contractNodes;
    private readonly bool sorted;
    private ImmutableArray<ContractValue> contracts;

    internal TotalsGroup(TechTiesGraph graph, MoneyField field, string id, string name, Entity? entity, int key, int rank, int groupCount, ImmutableArray<Money> totals, ArraySegment<int> contractNodes, bool sorted, int withoutValue, int disputed)
    {

        this.graph = graph;
        this.field = field;
        this.contractNodes = contractNodes;
        this.sorted = sorted;
        Id = id;
        Name = name;
        Entity = entity;
        Key = key;
        Rank = rank;
        GroupCount = groupCount;
        Totals = totals;
        WithoutValue = withoutValue;
        Disputed = disputed;
    }

    /// <summary>The id: the entity's id (vendor, parent, agency, office, department), the year (<c>2015</c>, or <c>unknown</c>), <c>all</c> when not grouped, <c>others</c> for the rest after the top groups.</summary>
    public string Id { get; }

    /// <summary>The display name: the entity's name, the year, <c>all contracts</c>, or <c>12 other parents</c>.</summary>
    public string Name { get; }

    /// <summary>The entity the group is of; <see langword="null"/> for years, the ungrouped total and the others.</summary>
    public Entity? Entity { get; }

    /// <summary>The place in the ranking by total, from 1; 0 for the others.</summary>
    public int Rank { get; }

    /// <summary>Whether this is the sum of the groups the top N left out.</summary>
    public bool IsOthers => Id == "others" && Entity is null;

    /// <summary>How many groups this is the sum of: 1, or for the others, how many groups were left out.</summary>
    public int GroupCount { get; }

    /// <summary>The total, one amount per currency in ordinal order of the code; empty when no contract of the group states a value.</summary>
    public ImmutableArray<Money> Totals { get; }

    /// <summary>How many contracts the group has, with or without a value.</summary>
    public int ContractCount => contractNodes.Count;

    /// <summary>How many of its contracts state no value for the field.</summary>
    public int WithoutValue { get; }

    /// <summary>How many of the values it sums are disputed (the preferred one is used).</summary>
    public int Disputed { get; }

    /// <summary>Its contracts in ordinal order of id, each with the value summed and the sources of that value. Made on first use.</summary>
    public ImmutableArray<ContractValue> Contracts
    {
        get
        {
            if (contracts.IsDefault)
            {
                // Ordinal order of id is the order of node numbers; the others' are sorted only when listed.
                var order = contractNodes.ToArray();
                if (!sorted)
                {
                    Array.Sort(order);
                }

                var made = new ContractValue[order.Length];
                var nodes = graph.Index.Nodes;
                for (var i = 0; i < made.Length; i++)
                {
                    made[i] = new ContractValue((Contract)nodes[order[i]], this.field);
                }

                ImmutableInterlocked.InterlockedInitialize(ref contracts, ImmutableCollectionsMarshal.AsImmutableArray(made));
            }

            return contracts;
        }
    }

    internal int Key { get; }

    /// <summary>The total in one currency, or <see langword="null"/> when no contract of the group states a value in it.</summary>
    /// <param name="currency">An ISO 4217 code such as <c>USD</c>.</param>
    /// <returns>The total or <see langword="null"/>.</returns>
    public Money? TotalIn(string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        foreach (var total in Totals)
        {
            if (total.Currency == currency)
            {
                return total;
            }
        }

        return null;
    }

    /// <summary>The name, the totals in canonical form and the counts, such as <c>Palantir Technologies: USD 39590900.32 (3 contracts, 1 without value)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Name}: {(Totals.IsEmpty ? "no value" : string.Join(" + ", Totals))} ({ContractCount} {(ContractCount == 1 ? "contract" : "contracts")}, {WithoutValue} without value)";

}

/// <summary>One contract of a <see cref="TotalsGroup"/>: the value a total sums from it, and the sources of that value. Immutable.</summary>
public sealed class ContractValue
{
    internal ContractValue(Contract contract, MoneyField field)
    {
        Contract = contract;
        Value = field switch
        {
            MoneyField.Amount => contract.Amount,
            MoneyField.Obligated => contract.Obligated,
            MoneyField.CurrentValue => contract.CurrentValue,
            _ => contract.PotentialValue,
        };
        Claims = contract.FieldClaims.IsEmpty ? null : contract.ClaimsFor(TotalsEngine.FieldName(field));
    }

    /// <summary>The contract (its id, title, award id, vendor, agency and dates).</summary>
    public Contract Contract { get; }

    /// <summary>The value summed (the preferred claim when sources disagree); <see langword="null"/> when the contract states none.</summary>
    public Money? Value { get; }

    /// <summary>Whether sources give several values for the field (the preferred one is <see cref="Value"/>).</summary>
    public bool IsDisputed => Value is not null && Claims is { IsDisputed: true };

    /// <summary>The claims of the field when it was written with its own sources; <see langword="null"/> otherwise.</summary>
    public FieldClaims? Claims { get; }

    /// <summary>The sources of the value: the preferred claim's when the field has its own, else the contract's.</summary>
    public ImmutableArray<Citation> Citations => Claims is { } claims && !claims.Preferred.Citations.IsEmpty ? claims.Preferred.Citations : Contract.Citations;

    /// <summary>The contract id and its value in canonical form, such as <c>palantir-ice-gotham: USD 249999.5</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Contract.Id}: {(Value is { } value ? value.ToString() : "no value")}";
}

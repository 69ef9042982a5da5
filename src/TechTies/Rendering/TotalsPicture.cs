using System.Collections.Immutable;
using System.Globalization;

namespace TechTies.Rendering;

/// <summary>
/// The network picture of a <see cref="MoneyTotals"/>: its vendors (or parents) and agencies, one edge from each vendor
/// side to each agency side they share contracts through, labelled with how many contracts and the total of the field
/// summed ("3 contracts, $39.59M current value"); the groups after the top ones are left out and a note says so.
/// </summary>
internal static class TotalsPicture
{
    /// <summary>At most this many groups are drawn; a total of more is summed in full, and the picture says what it leaves out.</summary>
    public const int MaxGroups = 40;

    public static NetworkPicture Of(MoneyTotals totals)
    {
        var graph = totals.Graph;
        var type = graph.Schema.TryGet("contracts_with", out var contractsWith) ? contractsWith : GraphSchema.BuiltIn["contracts_with"];
        var vendorIsGroup = totals.By is TotalsGrouping.Vendor or TotalsGrouping.Parent;
        var agencyIsGroup = totals.By is TotalsGrouping.Agency or TotalsGrouping.Office or TotalsGrouping.Department;
        var drawnGroups = totals.Groups.Take(MaxGroups).ToList();

        // One edge per vendor side and agency side, in the order of the groups (largest first).
        var order = new List<(Entity From, Entity To)>();
        var byEnds = new Dictionary<(Entity From, Entity To), List<ContractValue>>();
        foreach (var group in drawnGroups)
        {
            foreach (var value in group.Contracts)
            {
                var contract = value.Contract;
                var from = vendorIsGroup && group.Entity is { } vendor ? vendor : graph.TryGet(contract.VendorId, out var v) ? v : null;
                var to = agencyIsGroup && group.Entity is { } agency ? agency : graph.TryGet(contract.AgencyId, out var a) ? a : null;
                if (from is null || to is null)
                {
                    continue;
                }

                if (!byEnds.TryGetValue((from, to), out var values))
                {
                    values = [];
                    byEnds[(from, to)] = values;
                    order.Add((from, to));
                }

                values.Add(value);
            }
        }

        var tieOf = ContractTies(graph, byEnds.Values.SelectMany(v => v).Select(v => v.Contract));
        var edges = order.Select(ends =>
        {
            var values = byEnds[ends];
            return new DrawnEdge(
                ends.From,
                ends.To,
                type,
                [.. values.Select(v => tieOf.GetValueOrDefault(v.Contract)).OfType<Tie>()],
                Label(values, totals.Value),
                [.. values.SelectMany(v => v.Citations)]);
        }).ToList();

        var left = totals.Groups.Length - drawnGroups.Count;
        var notDrawn = new List<string>();
        if (left > 0)
        {
            notDrawn.Add($"the {Count(left, "smaller group")} after the {drawnGroups.Count.ToString(CultureInfo.InvariantCulture)} largest");
        }

        if (totals.Others is { } others)
        {
            notDrawn.Add($"{others.Name} ({Count(others.ContractCount, "contract")}, {TotalsRenderer.Amounts(others.Totals)})");
        }

        var note = notDrawn.Count == 0 ? null : $"Not drawn: {string.Join("; ", notDrawn)}.";

        // Without a contract to draw, the vendors and agencies asked about are drawn alone.
        IEnumerable<Entity> entities = edges.Count == 0 ? totals.Vendors.Concat(totals.Agencies) : [];
        return new NetworkPicture(
            graph,
            TotalsRenderer.Title(totals),
            totals.Options.AsOf,
            entities,
            edges.SelectMany(e => e.Ties),
            note,
            notes => TotalsRenderer.SentenceLines(totals, notes),
            pageNotes: totals.Warnings,
            edges: edges);
    }

    /// <summary>"1 contract, $39.59M", "3 contracts, at least $1.5M + €2M current value" (some state none), "2 contracts, no stated amount".</summary>
    internal static string Label(IReadOnlyCollection<ContractValue> values, MoneyField field)
    {
        var what = values.Count == 1 ? "1 contract" : $"{values.Count.ToString(CultureInfo.InvariantCulture)} contracts";
        var known = values.Select(v => v.Value).OfType<Money>().ToList();
        var noun = field switch
        {
            MoneyField.Amount => string.Empty,
            MoneyField.Obligated => " obligated",
            MoneyField.CurrentValue => " current value",
            _ => " potential value",
        };
        return known.Count == 0 ? $"{what}, no stated {(field == MoneyField.Amount ? "amount" : noun.Trim())}"
            : known.Count == values.Count ? $"{what}, {PictureSvg.Totals(known)}{noun}"
            : $"{what}, at least {PictureSvg.Totals(known)}{noun}";
    }

    // The contracts_with tie each contract makes, found from its vendor's ties (each vendor's read once).
    private static Dictionary<Contract, Tie> ContractTies(TechTiesGraph graph, IEnumerable<Contract> contracts)
    {
        var wanted = contracts.ToHashSet();
        var found = new Dictionary<Contract, Tie>();
        foreach (var vendorId in wanted.Select(c => c.VendorId).Distinct(StringComparer.Ordinal))
        {
            if (!graph.TryGet(vendorId, out var vendor))
            {
                continue;
            }

            foreach (var tie in graph.TiesFrom(vendor))
            {
                if (tie.Contract is { } contract && wanted.Contains(contract))
                {
                    found.TryAdd(contract, tie);
                }
            }
        }

        return found;
    }

    private static string Count(int count, string noun) => $"{count.ToString("#,##0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";
}

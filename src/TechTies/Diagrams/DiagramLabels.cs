using System.Globalization;

namespace TechTies.Diagrams;

/// <summary>What a drawn edge and a tie say in every diagram (pictures, Mermaid, DOT): labels, amounts and sources.</summary>
internal static class DiagramLabels
{
    /// <summary>
    /// What one drawn edge of parallel ties of <paramref name="type"/> says: "3 contracts, $92.7M" (each contract
    /// counted once; the sum of their headline amounts, "at least" when some state none; when none states an amount,
    /// the sum of their current values, "2 contracts, $5M current value"; never a mix of the two), "hosts on",
    /// "targets (2 ties)".
    /// </summary>
    public static string Edge(RelationshipType type, IReadOnlyCollection<Tie> ties)
    {
        var contracts = type.Name == "contracts_with" ? ties.Where(t => t.Contract is not null).Select(t => t.Contract!).Distinct().ToList() : [];
        if (contracts.Count > 0)
        {
            // One field is summed, never a mix: the headline amount when any contract states one, else the current
            // value (spending data), which the label then names.
            var (amounts, noun) = contracts.Any(c => c.Amount is not null)
                ? (contracts.Select(c => c.Amount).ToList(), string.Empty)
                : (contracts.Select(c => c.CurrentValue).ToList(), " current value");
            var known = amounts.OfType<Money>().ToList();
            var what = contracts.Count == 1 ? "1 contract" : $"{contracts.Count.ToString(CultureInfo.InvariantCulture)} contracts";
            return known.Count == 0 ? what
                : known.Count == amounts.Count ? $"{what}, {Totals(known)}{noun}"
                : $"{what}, at least {Totals(known)}{noun}";
        }

        var count = ties.Count > 1 ? $" ({ties.Count.ToString(CultureInfo.InvariantCulture)} ties)" : string.Empty;
        var money = ties.Select(AmountOf).OfType<Money>().ToList();
        return type.Label + count + (money.Count > 0 ? ", " + Totals(money) : string.Empty);
    }

    /// <summary>Compact money for a label: <c>$92.7M</c>, <c>$1.2B</c>, <c>$250K</c>, <c>$950</c>.</summary>
    public static string CompactMoney(Money money)
    {
        var symbol = money.Currency switch { "USD" => "$", "EUR" => "€", "GBP" => "£", _ => money.Currency + " " };
        var amount = Math.Abs(money.Amount);
        var sign = money.Amount < 0 ? "-" : string.Empty;
        foreach (var (scale, suffix) in new[] { (1_000_000_000m, "B"), (1_000_000m, "M"), (1_000m, "K") })
        {
            if (amount >= scale)
            {
                return $"{sign}{symbol}{(amount / scale).ToString("0.##", CultureInfo.InvariantCulture)}{suffix}";
            }
        }

        return sign + symbol + amount.ToString("#,##0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>The total of each currency among <paramref name="amounts"/>, largest currency first by ordinal name: "$92.7M", "$3M + €2M".</summary>
    public static string Totals(IEnumerable<Money> amounts) =>
        string.Join(" + ", amounts.GroupBy(m => m.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => CompactMoney(new Money(g.Sum(m => m.Amount), g.Key))));

    /// <summary>A tie's amount, else the current value of the contract it was made from.</summary>
    public static Money? AmountOf(Tie tie) => tie.Amount ?? tie.Contract?.CurrentValue;

    /// <summary>A tie's sources and those of the contract it was made from.</summary>
    public static IEnumerable<Citation> CitationsOf(Tie tie) => tie.Contract is { } contract ? tie.Citations.Concat(contract.Citations) : tie.Citations;
}

using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TechTies.Tests.Querying;

/// <summary>Totals over random graphs: companies with subsidiaries, agencies with parts, contracts in two currencies, some without a value.</summary>
public sealed class TotalsPropertyTests
{
    private static readonly TotalsGrouping[] Groupings = Enum.GetValues<TotalsGrouping>();

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public void A_total_is_the_sum_of_its_group_s_contracts_in_each_currency(RandomGraph random)
    {
        var graph = random.Load();
        foreach (var by in Groupings)
        {
            var totals = graph.Totals(new TotalsOptions { By = by, Top = random.Top });
            foreach (var group in totals.AllGroups())
            {
                Assert.Equal(Sums(group.Contracts.Select(c => c.Value)), group.Totals.ToArray());
                Assert.Equal(group.Contracts.Count(c => c.Value is null), group.WithoutValue);
            }
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public void Grouping_then_summing_the_groups_gives_the_ungrouped_total_and_each_contract_is_in_one_group(RandomGraph random)
    {
        var graph = random.Load();
        var all = graph.Totals(new TotalsOptions { By = TotalsGrouping.None });
        var every = graph.EntitiesOf<Contract>().Select(c => c.Id).ToList();
        Assert.Equal(Sums(graph.EntitiesOf<Contract>().Select(c => c.Amount)), all.GrandTotals.ToArray());
        foreach (var by in Groupings)
        {
            var totals = graph.Totals(new TotalsOptions { By = by, Top = random.Top });
            Assert.Equal(all.GrandTotals.ToArray(), Sums(totals.AllGroups().SelectMany(g => g.Totals).Select(t => (Money?)t)));
            Assert.Equal(all.GrandTotals.ToArray(), totals.GrandTotals.ToArray());
            Assert.Equal(every, totals.AllGroups().SelectMany(g => g.Contracts).Select(c => c.Contract.Id).Order(StringComparer.Ordinal));
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public void Adding_an_unrelated_contract_changes_no_other_group(RandomGraph random, decimal cents)
    {
        var before = random.Load().Totals(new TotalsOptions { By = TotalsGrouping.Vendor });
        var amount = Math.Round(Math.Abs(cents) % 1_000_000m, 2);
        var added = TechTiesGraph.Parse(random.WithNewcomer(amount), "random.yaml").Totals(new TotalsOptions { By = TotalsGrouping.Vendor });

        var old = before.Groups.ToDictionary(g => g.Id);
        var now = added.Groups.ToDictionary(g => g.Id);
        Assert.Equal(old.Count + 1, now.Count);
        foreach (var (id, group) in old)
        {
            Assert.Equal(group.Totals.ToArray(), now[id].Totals.ToArray());
            Assert.Equal(group.Contracts.Select(c => c.Contract.Id), now[id].Contracts.Select(c => c.Contract.Id));
        }

        Assert.Equal([new Money(amount, "USD")], now["newcomer"].Totals.ToArray());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public void Currencies_never_mix(RandomGraph random)
    {
        var graph = random.Load();
        foreach (var by in Groupings)
        {
            var totals = graph.Totals(new TotalsOptions { By = by, Top = random.Top });
            foreach (var group in totals.AllGroups())
            {
                Assert.Equal(group.Totals.Select(t => t.Currency).Distinct().Count(), group.Totals.Length);
                var stated = group.Contracts.Where(c => c.Value is not null).Select(c => c.Value!.Value.Currency).Distinct().Order(StringComparer.Ordinal);
                Assert.Equal(stated, group.Totals.Select(t => t.Currency));
            }
        }
    }

    private static Money[] Sums(IEnumerable<Money?> values) =>
        [.. values.OfType<Money>().GroupBy(m => m.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Money(g.Sum(m => m.Amount), g.Key))];

    public sealed record RandomGraph(string Yaml, int? Top)
    {
        public TechTiesGraph Load() => TechTiesGraph.Parse(Yaml, "random.yaml");

        /// <summary>The same graph with one more company and one contract of its own.</summary>
        public string WithNewcomer(decimal amount) => Yaml
            .Replace("companies:\n", "companies:\n  newcomer: { name: Newcomer }\n", StringComparison.Ordinal)
            .Replace("contracts:\n", $"contracts:\n  newcomer-contract: {{ title: Newcomer, vendor: newcomer, agency: a0, amount: USD {amount.ToString(CultureInfo.InvariantCulture)}, sources: [s] }}\n", StringComparison.Ordinal);

        public override string ToString() => $"top {Top}\n{Yaml}";
    }

    public static class Generators
    {
        public static Arbitrary<RandomGraph> RandomGraphs() =>
            (from companies in Gen.Choose(1, 6)
             from agencies in Gen.Choose(1, 5)
             from parents in Gen.Choose(0, 1000).ArrayOf(companies)
             from parts in Gen.Choose(0, 1000).ArrayOf(agencies)
             from contracts in Contract(companies, agencies).NonEmptyListOf()
             from top in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 4).Select(n => (int?)n)))
             select Build(parents, parts, contracts, top)).ToArbitrary();

        private static Gen<(int Vendor, int Agency, int Office, string? Amount, int? Year)> Contract(int companies, int agencies) =>
            from vendor in Gen.Choose(0, companies - 1)
            from agency in Gen.Choose(0, agencies - 1)
            from office in Gen.Choose(-1, agencies - 1)
            from cents in Gen.Choose(-100_000, 100_000_000)
            from currency in Gen.Elements("USD", "USD", "EUR")
            from stated in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
            from year in Gen.Frequency((3, Gen.Choose(2010, 2020).Select(y => (int?)y)), (1, Gen.Constant<int?>(null)))
            select (vendor, agency, office, stated ? $"{currency} {(cents / 100m).ToString(CultureInfo.InvariantCulture)}" : null, year);

        // Parents and parts point to lower numbers, so chains are acyclic; 0 or a number above i means none.
        private static RandomGraph Build(int[] parents, int[] parts, List<(int Vendor, int Agency, int Office, string? Amount, int? Year)> contracts, int? top)
        {
            var yaml = new StringBuilder("techties: 1\nsources:\n  s: { title: Source, kind: record }\ncompanies:\n");
            for (var i = 0; i < parents.Length; i++)
            {
                var parent = i == 0 ? -1 : parents[i] % (i * 2);
                yaml.Append(CultureInfo.InvariantCulture, $"  c{i}: {{ name: Company {i}{(parent >= 0 && parent < i ? $", subsidiary_of: {{ to: c{parent}, sources: [s] }}" : string.Empty)} }}\n");
            }

            yaml.Append("agencies:\n");
            for (var i = 0; i < parts.Length; i++)
            {
                var whole = i == 0 ? -1 : parts[i] % (i * 2);
                yaml.Append(CultureInfo.InvariantCulture, $"  a{i}: {{ name: Agency {i}{(whole >= 0 && whole < i ? $", part_of: {{ to: a{whole}, sources: [s] }}" : string.Empty)} }}\n");
            }

            yaml.Append("contracts:\n");
            for (var k = 0; k < contracts.Count; k++)
            {
                var (vendor, agency, office, amount, year) = contracts[k];
                yaml.Append(CultureInfo.InvariantCulture, $"  k{k}: {{ title: Contract {k}, vendor: c{vendor}, agency: a{agency}");
                if (office >= 0 && office != agency)
                {
                    yaml.Append(CultureInfo.InvariantCulture, $", office: a{office}");
                }

                if (amount is not null)
                {
                    yaml.Append(", amount: ").Append(amount);
                }

                if (year is not null)
                {
                    yaml.Append(CultureInfo.InvariantCulture, $", start: {year}");
                }

                yaml.Append(", sources: [s] }\n");
            }

            return new RandomGraph(yaml.ToString(), top);
        }
    }
}

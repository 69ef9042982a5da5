using System.Globalization;
using System.Text.Json;
using TechTies.Import;
using TechTies.Tests.Cli;
using TechTies.Tests.Export;

namespace TechTies.Tests.Import;

/// <summary>
/// Totals over an award list in Torn Apart's layout (Fixtures/torn-apart-ice-awards.csv: 626 awards, names in capitals
/// with ", INC.", several spellings, blank values), imported with Fixtures/torn-apart.yaml, checked against
/// tests/consumers/python/totals_by_parent.py, which sums the CSV file itself with Python's decimal.
/// </summary>
public sealed class TornApartTotalsTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepoRoot.Path, "tests", "TechTies.Tests", "Import", "Fixtures");
    private static readonly string Csv = Path.Combine(Fixtures, "torn-apart-ice-awards.csv");
    private static readonly string Checker = Path.Combine(RepoRoot.Path, "tests", "consumers", "python", "totals_by_parent.py");

    private readonly string folder = Directory.CreateTempSubdirectory("techties-totals-").FullName;
    private readonly string graphFile;

    public TornApartTotalsTests()
    {
        graphFile = Path.Combine(folder, "awards.yaml");
        CsvImporter.Import(Csv, CsvMapping.Load(Path.Combine(Fixtures, "torn-apart.yaml")), graphFile);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_top_ten_parents_by_current_value_equal_an_independent_decimal_sum_of_the_csv_to_the_cent()
    {
        var result = CliRunner.Run("totals", "--data", graphFile, "--agency", "U.S. Immigration and Customs Enforcement", "--by", "parent", "--value", "current", "--top", "10", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("valid", CliSchema.Check(result.Out));
        var ours = JsonDocument.Parse(result.Out).RootElement;
        var theirs = JsonDocument.Parse(ConsumerSupport.Run("/usr/bin/python3", [Checker, Csv, "current_total_value", "10"], ConsumerSupport.AptHint)).RootElement;

        var groups = ours.GetProperty("groups").EnumerateArray().ToList();
        var expected = theirs.GetProperty("top").EnumerateArray().ToList();
        Assert.Equal(10, groups.Count);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(expected[i].GetProperty("key").GetString(), NameKeys.Company(groups[i].GetProperty("name").GetString()!));
            Assert.Equal(Decimal(expected[i].GetProperty("total")), Total(groups[i].GetProperty("totals")));
            Assert.Equal(expected[i].GetProperty("contracts").GetInt32(), groups[i].GetProperty("contracts").GetInt32());
            Assert.Equal(expected[i].GetProperty("withoutValue").GetInt32(), groups[i].GetProperty("withoutValue").GetInt32());
        }

        Assert.Equal(Decimal(theirs.GetProperty("grandTotal")), Total(ours.GetProperty("grandTotals")));
        Assert.Equal(626, ours.GetProperty("contracts").GetInt32());
        Assert.Equal(theirs.GetProperty("contracts").GetInt32(), ours.GetProperty("contracts").GetInt32());
        Assert.Equal(theirs.GetProperty("withoutValue").GetInt32(), ours.GetProperty("withoutValue").GetInt32());
        Assert.Equal(theirs.GetProperty("groups").GetInt32() - 10, ours.GetProperty("others").GetProperty("groups").GetInt32());
    }

    [Fact]
    public void Merged_with_the_built_in_graph_the_top_ten_parents_equal_an_independent_sum_of_the_csv_and_the_built_in_ice_awards()
    {
        // The list's agency is ICE of the built-in graph; its award ids are not the built-in graph's, so no award is
        // in both (reconciling awards that are is the import's work, not the totals').
        var mapping = CsvMapping.Parse(File.ReadAllText(Path.Combine(Fixtures, "torn-apart.yaml")) + "\nsame_as:\n  \"U.S. Immigration and Customs Enforcement\": ice\n", "torn-apart.yaml");
        var graph = TechTiesGraph.Load(new LoadOptions { IncludeBuiltIn = true, Imports = [new CsvImport(Csv, mapping)] });

        var totals = graph.Totals(new TotalsOptions { Agencies = ["ice"], By = TotalsGrouping.Parent, Value = MoneyField.CurrentValue, Top = 10 });
        var theirs = JsonDocument.Parse(ConsumerSupport.Run("/usr/bin/python3", [Checker, Csv, "current_total_value", "10", Path.Combine(RepoRoot.Path, "graphs"), "ice"], ConsumerSupport.AptHint)).RootElement;

        var expected = theirs.GetProperty("top").EnumerateArray().ToList();
        Assert.Equal(10, totals.Groups.Length);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(expected[i].GetProperty("key").GetString(), NameKeys.Company(totals.Groups[i].Name));
            Assert.Equal(Decimal(expected[i].GetProperty("total")), Assert.Single(totals.Groups[i].Totals).Amount);
            Assert.Equal(expected[i].GetProperty("contracts").GetInt32(), totals.Groups[i].ContractCount);
            Assert.Equal(expected[i].GetProperty("withoutValue").GetInt32(), totals.Groups[i].WithoutValue);
        }

        Assert.Equal("palantir", totals.Groups[0].Id);
        Assert.Equal(Decimal(theirs.GetProperty("grandTotal")), Assert.Single(totals.GrandTotals).Amount);
        Assert.Equal(theirs.GetProperty("contracts").GetInt32(), totals.ContractCount);
        Assert.Equal(theirs.GetProperty("withoutValue").GetInt32(), totals.WithoutValue);
    }

    [Fact]
    public void A_vendor_s_current_total_is_the_sum_of_its_awards_that_state_one_and_the_third_is_without_value()
    {
        var graph = TechTiesGraph.Load(graphFile);

        var totals = graph.Contracts().Vendor("LANTERN DATA SYSTEMS, INC.").Agency("ICE MISSION SUPPORT DALLAS").Value(MoneyField.CurrentValue).Totals();

        var lantern = Assert.Single(totals.Groups);
        Assert.Equal([Money.Parse("USD 1234609.89")], lantern.Totals.ToArray());
        Assert.Equal(3, lantern.ContractCount);
        Assert.Equal(1, lantern.WithoutValue);
        Assert.Equal(
            "1. LANTERN DATA SYSTEMS, INC. received $1,234,609.89 in current award value from ICE MISSION SUPPORT DALLAS across 2 of 3 awards; 1 award states no current value [1].",
            totals.ToSentences().Split('\n')[0]);
    }

    private static decimal Decimal(JsonElement text) => decimal.Parse(text.GetString()!, CultureInfo.InvariantCulture);

    private static decimal Total(JsonElement totals) => Money.Parse(Assert.Single(totals.EnumerateArray()).GetString()!).Amount;
}

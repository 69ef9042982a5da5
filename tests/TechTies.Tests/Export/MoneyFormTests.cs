using System.IO.Compression;

namespace TechTies.Tests.Export;

/// <summary>
/// Money has two forms: <see cref="Money.ToString"/> is the canonical, machine-readable one that every export writes
/// and <see cref="Money.Parse"/> reads back; renderings for people format amounts as <c>$249,999.50</c>.
/// </summary>
public class MoneyFormTests
{
    private static readonly TechTiesGraph Graph = TechTiesGraph.Parse("""
        techties: 1
        sources:
          news: { title: News, kind: news }
        companies:
          acme: { name: Acme }
        agencies:
          dept: { name: Department of Things }
        contracts:
          k1: { title: Support, vendor: acme, agency: dept, amount: "$249,999.50", start: 2018, sources: [news] }
        """);

    [Theory]
    [InlineData(ExportFormat.Json)]
    [InlineData(ExportFormat.Yaml)]
    [InlineData(ExportFormat.GraphML)]
    [InlineData(ExportFormat.Gexf)]
    [InlineData(ExportFormat.NodeLink)]
    [InlineData(ExportFormat.Cytoscape)]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Neo4j)]
    public void Exports_write_amounts_in_the_canonical_form_of_money_to_string(ExportFormat format)
    {
        var amount = Graph.EntitiesOf<Contract>().Single().Amount!.Value;

        var text = Text(format);

        Assert.Equal("USD 249999.5", amount.ToString());
        Assert.Contains("USD 249999.5", text, StringComparison.Ordinal);
        Assert.DoesNotContain("249,999", text, StringComparison.Ordinal);
        Assert.Equal(amount, Money.Parse(amount.ToString()));
    }

    [Fact]
    public void Sentences_format_amounts_for_people()
    {
        var sentences = Graph.Query("acme -[contracts_with]-> dept").ToSentences();

        Assert.Contains("$249,999.50", sentences, StringComparison.Ordinal);
        Assert.DoesNotContain("USD 249999.5", sentences, StringComparison.Ordinal);
    }

    private static string Text(ExportFormat format)
    {
        var bytes = Graph.ExportBytes(format);
        if (format is not (ExportFormat.Csv or ExportFormat.Neo4j))
        {
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        using var zip = new ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}

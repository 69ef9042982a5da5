namespace TechTies.Tests.Rendering;

/// <summary>A card's money fields read as people write money; its canonical fields stay canonical.</summary>
public class EntityCardMoneyTests
{
    private static readonly TechTiesGraph BuiltIn = TechTiesGraph.LoadBuiltIn();

    [Fact]
    public void A_card_prints_money_fields_with_every_digit_and_its_fields_keep_the_canonical_text()
    {
        var card = BuiltIn.Card(BuiltIn["palantir-ice-icm"]);

        var text = card.ToString();

        Assert.Contains("  amount: $53,000,000 [1][4] (sources differ: also $41,000,000 [3])\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  potential_value: $53,148,388.39\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("USD ", text, StringComparison.Ordinal);
        Assert.Contains(KeyValuePair.Create("amount", "USD 53000000"), card.Fields);
        Assert.Contains("| amount | \\$53,000,000", card.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("$53,148,388.39", card.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_currencies_keep_their_code()
    {
        var graph = TechTiesGraph.Parse("""
            techties: 1
            sources:
              s: { title: S, kind: news }
            companies:
              acme: { name: Acme }
            agencies:
              bureau: { name: The Bureau }
            contracts:
              k: { title: K, vendor: acme, agency: bureau, amount: CHF 1250000.5, sources: [s] }
            """, "chf.yaml");

        Assert.Contains("  amount: CHF 1,250,000.50\n", graph.Card(graph["k"]).ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}

namespace TechTies.Tests.Rendering;

public class EntityCardTests
{
    [Fact]
    public void A_card_gives_dates_and_amounts_in_the_same_words_as_the_path_sentences()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var text = graph.Card(graph.Find("palantir")).ToString();

        Assert.Contains("  contracts with U.S. Immigration and Customs Enforcement (ice) (2015–2018, $39 million, contract palantir-ice-falcon-om, ended) [1][2]\n", text, StringComparison.Ordinal);
        Assert.Contains("  contracts with U.S. Immigration and Customs Enforcement (ice) ($249,999.50, contract palantir-ice-gotham) [2]\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_says_where_sources_differ_on_what_a_tie_takes_from_its_contract_or_protest()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var protest = graph.Card(graph.Find("palantir-hq-2018-08-01")).ToString();
        var palantir = graph.Card(graph.Find("palantir")).ToString();

        Assert.Contains("  targets Palantir Technologies (palantir) (2018-08-01, sources differ on the date: also 2018-07-31 [2][3]) [1][2][3]\n", protest, StringComparison.Ordinal);
        Assert.Contains("(2014–2019, $53 million, contract palantir-ice-icm, sources differ on the amount: also $41 million [3]) [1][2][3][4]\n", palantir, StringComparison.Ordinal);
        Assert.Contains("sources differ on the amount: also \\$41 million", graph.Card(graph.Find("palantir")).ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_in_HTML_encodes_the_data_and_links_its_sources()
    {
        var graph = TechTiesGraph.Parse("""
            techties: 1
            sources:
              s: { title: "A <b>report</b>", kind: report, url: "https://example.org/a?b=1&c=2" }
            companies:
              a: { name: "A & <B>", sources: [s] }
            """, "card.yaml");

        var html = graph.Card(graph["a"]).ToHtml();

        Assert.Contains("<h3>A &amp; &lt;B&gt; <small>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"https://example.org/a?b=1&amp;c=2\">A &lt;b&gt;report&lt;/b&gt;. https://example.org/a?b=1&amp;c=2</a></li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }
}

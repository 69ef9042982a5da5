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

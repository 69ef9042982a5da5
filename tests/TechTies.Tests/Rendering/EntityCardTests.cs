namespace TechTies.Tests.Rendering;

public class EntityCardTests
{
    [Fact]
    public void A_card_gives_dates_and_amounts_in_the_same_words_as_the_path_sentences()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var text = graph.Card(graph.Find("palantir")).ToString();

        Assert.Contains("  contracts with U.S. Immigration and Customs Enforcement (ice) (2015–2018, $39 million, contract palantir-ice-falcon-om, ended) [1][2][3]\n", text, StringComparison.Ordinal);
        Assert.Contains("  contracts with U.S. Immigration and Customs Enforcement (ice) ($249,999.50, contract palantir-ice-gotham) [3]\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_says_where_sources_differ_on_what_a_tie_takes_from_its_contract_or_protest()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var protest = graph.Card(graph.Find("palantir-hq-2018-07-31")).ToString();
        var palantir = graph.Card(graph.Find("palantir")).ToString();

        Assert.Contains("  targets Palantir Technologies (palantir) (2018-07-31, sources differ on the date: also 2018-08-01 [1]) [1][2][3]\n", protest, StringComparison.Ordinal);
        Assert.Contains("(2014–2019, $53 million, contract palantir-ice-icm, sources differ on the amount: also $41 million [4]) [1][2][3][4][5]\n", palantir, StringComparison.Ordinal);
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

    [Fact]
    public void A_source_card_lists_the_ties_and_entities_citing_it_after_its_fields_and_which_only_cite_it_for_a_field()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var text = graph.Card(graph["mercury-news-2018-07-31"]).ToString().ReplaceLineEndings("\n");

        Assert.Contains("""
              url: https://www.mercurynews.com/2018/07/31/activists-call-on-palo-alto-tech-firm-palantir-to-end-ice-contract/

            Cited by 6 ties
              palantir-hq-2018-07-31 -> targets -> palantir (2018-07-31, sources differ on the date: also 2018-08-01)
            """, text, StringComparison.Ordinal);
        Assert.Contains("  palantir -> contracts with -> ice (2014–2019, $53 million, contract palantir-ice-icm, sources differ on the amount: also $41 million)\n", text, StringComparison.Ordinal);
        Assert.EndsWith("""

            Cited by 4 entities
              Investigative Case Management (product icm)
              Protest at Palantir headquarters over ICE contracts (protest palantir-hq-2018-07-31)
              Web-Enabled Investigating Case Management (ICM) System (contract palantir-ice-icm)
              Open letter to Alex Karp and Palantir employees (protest palantir-open-letter-2018) (only for its date)

            """, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_card_in_Markdown_and_HTML_has_a_table_of_what_cites_it_and_other_cards_have_none()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        var card = graph.Card(graph["mercury-news-2018-07-31"]);

        Assert.Contains("| cited by | details |\n|---|---|\n| palantir-hq-2018-07-31 -&gt; targets -&gt; palantir | 2018-07-31, sources differ on the date: also 2018-08-01 |\n", card.ToMarkdown().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("| Open letter to Alex Karp and Palantir employees (protest palantir-open-letter-2018) | only for its date |\n", card.ToMarkdown().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<tr><td>palantir-ice-icm -&gt; covers -&gt; icm</td><td>2014–2019, $53 million, sources differ on the amount: also $41 million</td></tr>", card.ToHtml(), StringComparison.Ordinal);
        Assert.Equal(6, card.CitingTies.Length);
        Assert.Equal(4, card.CitingEntities.Length);

        var palantir = graph.Card(graph["palantir"]);
        Assert.Empty(palantir.CitingTies);
        Assert.Empty(palantir.CitingEntities);
        Assert.DoesNotContain("Cited by", palantir.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cited by", palantir.ToMarkdown() + palantir.ToHtml(), StringComparison.Ordinal);
    }
}

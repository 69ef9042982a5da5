namespace TechTies.Tests.Rendering;

/// <summary>Sentences that do not claim more than their sources: undated contracts, and two ends of one name.</summary>
public class SentenceWordingTests
{
    private static readonly TechTiesGraph BuiltIn = TechTiesGraph.LoadBuiltIn();

    private static readonly TechTiesGraph Graph = TechTiesGraph.Parse("""
        techties: 1
        sources:
          awards: { title: Award data, kind: dataset, published: 2018 }
          news-a: { title: Story A, kind: news, published: 2018-06-19 }
          news-b: { title: Story B, kind: news, published: 2018-08-01 }
          notes: { title: Undated notes, kind: report }
        companies:
          acme: { name: Acme }
          zeta: { name: Zeta }
          omega: { name: Omega }
        agencies:
          bureau: { name: The Bureau }
        products:
          cloud: { name: Acme Cloud, made_by: { to: acme, sources: [awards] } }
        contracts:
          acme-cloud: { title: Acme Cloud, vendor: acme, agency: bureau, product: cloud, current_value: USD 451232, sources: [awards] }
          zeta-deal: { title: Zeta deal, vendor: zeta, agency: bureau, amount: USD 19.4 million, sources: [news-a, news-b] }
          omega-deal: { title: Omega deal, vendor: omega, agency: bureau, sources: [notes] }
          dated: { title: Dated, vendor: omega, agency: bureau, start: 2015, end: 2030, sources: [news-a] }
        """, "award.yaml");

    private static readonly DateOnly Today = new(2026, 1, 1);

    [Fact]
    public void A_contract_without_dates_whose_source_is_dated_had_it_as_of_the_source_date()
    {
        var text = Graph.Query("acme -[contracts_with]-> bureau").ToSentences(Today);

        Assert.StartsWith("1. Acme had, as of 2018, a $451,232 contract with The Bureau [1].\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_several_dated_sources_the_latest_date_is_the_one_a_contract_is_told_as_of()
    {
        var text = Graph.Query("zeta -[contracts_with]-> bureau").ToSentences(Today);

        Assert.StartsWith("1. Zeta had, as of 2018-08-01, a $19.4 million contract with The Bureau [1][2].\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contract_with_dates_or_without_a_dated_source_keeps_its_tense()
    {
        var text = Graph.Query("omega -[contracts_with]-> bureau").ToSentences(Today);

        Assert.Contains("Omega has a contract with The Bureau (2015\u20132030) [1].", text, StringComparison.Ordinal);
        Assert.Contains("Omega has a contract with The Bureau [2].", text, StringComparison.Ordinal);
        Assert.DoesNotContain("as of", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_other_ties_of_an_undated_contract_read_in_the_past_and_say_as_of_when()
    {
        var text = Graph.Query("acme-cloud -[awarded_by]-> bureau").ToSentences(Today);

        Assert.StartsWith("1. Acme Cloud was awarded by The Bureau (as of 2018, $451,232) [1].\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_ends_of_one_name_say_their_kinds()
    {
        var text = Graph.Query("cloud <-[covers]- acme-cloud").ToSentences(Today);

        Assert.StartsWith("1. Acme Cloud (product) was covered by Acme Cloud (contract) (as of 2018, $451,232) [1].\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_built_in_graph_the_AWS_product_and_its_contract_are_told_apart_and_no_award_is_asserted_in_the_present()
    {
        var text = BuiltIn.Connect("amazon", "ice").ToSentences(Today);

        Assert.Contains("Amazon Web Services Public Cloud (product) was covered by Amazon Web Services Public Cloud (contract) (as of 2018, $451,232)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Amazon Web Services Public Cloud is covered by Amazon Web Services Public Cloud", text, StringComparison.Ordinal);
        Assert.Contains("Palantir Technologies had, as of 2018, a $249,999.50 contract with U.S. Immigration and Customs Enforcement", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" has a ", text, StringComparison.Ordinal);
    }
}

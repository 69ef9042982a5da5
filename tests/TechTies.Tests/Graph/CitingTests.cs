namespace TechTies.Tests.Graph;

public class CitingTests
{
    private static readonly TechTiesGraph Small = TechTiesGraph.Parse("""
        techties: 1
        sources:
          news-a: { title: One story, kind: news }
          news-b: { title: Another story, kind: news }
          news-c: { title: A story nothing cites, kind: news }
        companies:
          acme: { name: Acme Cloud, founded: { value: 2010, sources: [news-b] } }
          zeta: { name: Zeta Analytics, sources: [news-a] }
        agencies:
          bureau: { name: The Bureau }
        contracts:
          case-system:
            title: Case management system
            vendor: acme
            agency: bureau
            amount:
              - { value: USD 53 million, sources: [news-a], preferred: true }
              - { value: $41M, sources: [news-b] }
            sources: [news-a]
        ties:
          - from: zeta
            type: hosts_on
            to: acme
            since:
              - { value: 2017, sources: [news-b], preferred: true }
              - { value: 2018, sources: [news-a] }
            sources: [news-a]
        """, "small.yaml");

    [Fact]
    public void TiesCiting_lists_the_ties_that_cite_a_source_directly_or_in_a_field_claim_in_id_order()
    {
        Assert.Equal(
            [
                "acme/contracts_with/bureau/case-system", "case-system/awarded_by/bureau", "case-system/awarded_to/acme", "zeta/hosts_on/acme",
            ],
            Small.TiesCiting(Small["news-a"]).Select(t => t.Id));
        Assert.Equal(["zeta/hosts_on/acme"], Small.TiesCiting(Small["news-b"]).Select(t => t.Id));
        Assert.Empty(Small.TiesCiting(Small["news-c"]));
    }

    [Fact]
    public void EntitiesCiting_lists_the_entities_that_cite_a_source_directly_or_in_a_field_claim_in_id_order()
    {
        Assert.Equal(["case-system", "zeta"], Small.EntitiesCiting(Small["news-a"]).Select(e => e.Id));
        Assert.Equal(["acme", "case-system"], Small.EntitiesCiting(Small["news-b"]).Select(e => e.Id));
        Assert.Empty(Small.EntitiesCiting(Small["news-c"]));
    }

    [Fact]
    public void On_the_built_in_graph_what_cites_a_source_includes_contracts_ties_and_claims_of_a_disputed_date()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        var mercury = graph["mercury-news-2018-07-31"];

        Assert.Equal(
            [
                "palantir-hq-2018-07-31/targets/palantir", "palantir-ice-icm/awarded_by/ice", "palantir-ice-icm/awarded_by/ice-mission-support-washington",
                "palantir-ice-icm/awarded_to/palantir", "palantir-ice-icm/covers/icm", "palantir/contracts_with/ice/palantir-ice-icm",
            ],
            graph.TiesCiting(mercury).Select(t => t.Id));
        // The open letter cites Mercury News only for the date it gives (2018-07-31), not the preferred one.
        Assert.Equal(["icm", "palantir-hq-2018-07-31", "palantir-ice-icm", "palantir-open-letter-2018"], graph.EntitiesCiting(mercury).Select(e => e.Id));
    }

    [Fact]
    public void On_the_built_in_graph_every_tie_and_entity_citing_a_source_is_found_once_in_graph_order()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        foreach (var source in graph.EntitiesOf<Source>())
        {
            Assert.Equal(graph.Ties.Where(t => Cites(t.Citations, t.FieldClaims, source.Id)), graph.TiesCiting(source));
            Assert.Equal(graph.Entities.Where(e => Cites(e.Citations, e.FieldClaims, source.Id)), graph.EntitiesCiting(source));
        }

        Assert.Equal(56, graph.TiesCiting(graph["usareally-2018-08-01"]).Length);
    }

    [Fact]
    public void Asking_what_cites_an_entity_that_is_not_a_source_is_an_argument_error_that_says_only_sources_are_cited()
    {
        var ties = Assert.Throws<ArgumentException>(() => Small.TiesCiting(Small["acme"]));
        var entities = Assert.Throws<ArgumentException>(() => Small.EntitiesCiting(Small["acme"]));

        const string Message = "The entity 'acme' is a company, not a source: only sources are cited. The sources an entity cites are in Card(entity).Sources. (Parameter 'source')";
        Assert.Equal(Message, ties.Message);
        Assert.Equal(Message, entities.Message);
        Assert.Equal("source", ties.ParamName);
    }

    [Fact]
    public void Asking_what_cites_a_source_of_another_graph_is_an_argument_error_as_for_TiesFrom()
    {
        var other = TechTiesGraph.LoadBuiltIn()["usareally-2018-08-01"];

        var error = Assert.Throws<ArgumentException>(() => Small.TiesCiting(other));

        Assert.Equal("The entity 'usareally-2018-08-01' does not belong to this graph. (Parameter 'source')", error.Message);
        Assert.Throws<ArgumentException>(() => Small.EntitiesCiting(other));
        Assert.Throws<ArgumentNullException>("source", () => Small.TiesCiting(null!));
    }

    private static bool Cites(IEnumerable<Citation> citations, IEnumerable<FieldClaims> claims, string source) =>
        citations.Concat(claims.SelectMany(f => f.Claims).SelectMany(c => c.Citations)).Any(c => c.Source == source);
}

namespace TechTies.Tests.Loading;

/// <summary>One problem of an entity or a tie does not hide its others, nor cause follow-on errors of its own.</summary>
public class AllProblemsTests
{
    [Fact]
    public void An_entity_with_an_invalid_id_still_has_its_fields_checked_and_references_to_the_suggested_id_are_not_errors()
    {
        var errors = Yaml.Errors("""
            techties: 1
            companies:
              Acme_Cloud: { name: Acme, url: nope, founded: 2018-13, foundd: 1 }
            agencies:
              bureau: { name: The Bureau }
            contracts:
              deal: { title: Deal, vendor: acme-cloud, agency: bureau }
              other: { title: Other, vendor: Acme_Cloud, agency: bureau }
            """);

        Assert.Equal(["test.yaml:3:3 TT0030", "test.yaml:3:34 TT0022", "test.yaml:3:49 TT0050", "test.yaml:3:58 TT0021"], Yaml.Positions(errors));
        Assert.Equal("use 'acme-cloud'", errors[0].Suggestion);
    }

    [Fact]
    public void A_tie_with_an_unknown_type_or_end_still_has_its_other_fields_checked()
    {
        var errors = Yaml.Errors("""
            techties: 1
            sources:
              news: { title: News, kind: news }
            companies:
              acme: { name: Acme }
              globex: { name: Globex, hosts_on: [{ to: nobody, since: 2018-13, sources: [newz] }] }
            ties:
              - { from: acme, type: host_on, to: globex, since: 2018-13, sources: [newz] }
              - { from: acme, typo: hosts_on, to: globex, until: 2018-13 }
            """);

        Assert.Equal(
            [
                "test.yaml:6:44 TT0040", "test.yaml:6:59 TT0050", "test.yaml:6:78 TT0060",
                "test.yaml:8:25 TT0044", "test.yaml:8:53 TT0050", "test.yaml:8:72 TT0060",
                "test.yaml:9:5 TT0023", "test.yaml:9:19 TT0021", "test.yaml:9:54 TT0050",
            ],
            Yaml.Positions(errors));
    }
}

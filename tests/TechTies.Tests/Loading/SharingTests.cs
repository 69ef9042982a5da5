using System.Runtime.InteropServices;

namespace TechTies.Tests.Loading;

/// <summary>Values that repeat across a graph are held once: references use the referenced entity's own id.</summary>
public class SharingTests
{
    private const string Graph = """
        techties: 1
        sources:
          s1: { title: One, kind: news, publisher: Paper }
          s2: { title: Two, kind: news, publisher: Paper }
        companies:
          palantir: { name: Palantir }
        agencies:
          ice: { name: ICE }
          ero: { name: ERO, part_of: { to: ice, sources: [s1] } }
        contracts:
          first: { title: First, vendor: palantir, agency: ice, office: ero, sources: [s1] }
          second: { title: Second, vendor: palantir, agency: ice, sources: [s1] }
          third: { title: Third, vendor: palantir, agency: ice, sources: [{ source: s1, quote: "a quote" }] }
          fourth: { title: Fourth, vendor: palantir, agency: ice, sources: [s1, s2] }
        """;

    [Fact]
    public void A_contract_refers_to_its_vendor_agency_and_office_by_their_own_id_strings()
    {
        var graph = Yaml.Load(Graph);
        var first = (Contract)graph["first"];
        Assert.Same(graph["palantir"].Id, first.VendorId);
        Assert.Same(graph["ice"].Id, first.AgencyId);
        Assert.Same(graph["ero"].Id, first.OfficeId);
    }

    [Fact]
    public void Citations_of_one_source_id_alone_are_one_list_whose_source_is_the_source_entity_id()
    {
        var graph = Yaml.Load(Graph);
        var first = graph["first"].Citations;
        var partOf = Assert.Single(graph.Ties, t => t.Type.Name == "part_of").Citations;
        Assert.Same(ImmutableCollectionsMarshal.AsArray(first), ImmutableCollectionsMarshal.AsArray(graph["second"].Citations));
        Assert.Same(ImmutableCollectionsMarshal.AsArray(first), ImmutableCollectionsMarshal.AsArray(partOf));
        Assert.Same(graph["s1"].Id, Assert.Single(first).Source);
        Assert.Equal(["s1"], graph["third"].Citations.Select(c => c.Source));
        Assert.Equal("a quote", Assert.Single(graph["third"].Citations).Quote);
        Assert.Equal(["s1", "s2"], graph["fourth"].Citations.Select(c => c.Source));
    }
}

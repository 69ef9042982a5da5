namespace TechTies.Tests.Querying;

/// <summary>Small graphs written as YAML for tests.</summary>
internal static class SmallGraphs
{
    public const string Header = """
        techties: 1
        sources:
          s: { title: Test source, kind: news, published: 2020-01-01 }

        """;

    /// <summary>Two companies, an agency, two contracts from the same vendor and a hosting tie.</summary>
    public static TechTiesGraph Contracts() => TechTiesGraph.Parse(Header + """
        companies:
          acme: { name: Acme, hosts_on: { to: cloudco, since: 2012, sources: [s] } }
          cloudco: { name: CloudCo }
        agencies:
          dept: { name: Department of Things, aliases: [DoT] }
          office: { name: Office of Stuff, part_of: { to: dept, sources: [s] } }
        contracts:
          k1: { title: First contract, vendor: acme, agency: dept, amount: USD 39 million, start: 2015, end: 2018-07, sources: [s] }
          k2: { title: Second contract, vendor: acme, agency: dept, amount: USD 249999.50, start: 2014, end: 2019, sources: [s] }
          k3: { title: Undated contract, vendor: cloudco, agency: office, sources: [s] }
        """, "contracts.yaml");
}

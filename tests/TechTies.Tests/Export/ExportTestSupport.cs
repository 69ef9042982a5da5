using System.Text;

namespace TechTies.Tests.Export;

/// <summary>Helpers shared by the export tests.</summary>
internal static class ExportTestSupport
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechTies.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("No folder with TechTies.sln above " + AppContext.BaseDirectory);
        }
    }

    public static byte[] ExportBytes(this TechTiesGraph graph, ExportFormat format, ExportOptions? options = null)
    {
        using var stream = new MemoryStream();
        graph.Export(format, stream, options);
        return stream.ToArray();
    }

    public static string ExportText(this TechTiesGraph graph, ExportFormat format, ExportOptions? options = null) =>
        Encoding.UTF8.GetString(graph.ExportBytes(format, options));

    public static TechTiesGraph ParseJson(string json, string name = "graph.json") =>
        TechTiesGraph.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), name);

    /// <summary>A small graph with every kind, a contract, a protest with organizers, claims and a declared type.</summary>
    public const string SampleYaml = """
        techties: 1
        dataset: { name: sample, title: "A sample", license: CC-BY-4.0 }
        relationship_types:
          lobbies: { from: [company], to: [agency], label: lobbies, inverse: lobbied by }
        sources:
          news-1: { title: "News one", kind: news, publisher: Paper, published: 2018-08-01, url: "https://example.org/1" }
          news-2: { title: "News two", kind: report, published: 2018-07 }
        companies:
          acme:
            name: Acme Corp
            aliases: [Acme]
            founded: 2003
            identifiers: { uei: ABC123 }
            hosts_on: { to: cloudco, since: 2017, sources: [news-1] }
            lobbies: { to: dhs, amount: USD 2 million, status: alleged, description: "Said so", sources: [news-2] }
          cloudco: { name: CloudCo }
        agencies:
          dhs: { name: Department, aliases: [DHS] }
          ice: { name: Enforcement, part_of: dhs, founded: 2003 }
        contracts:
          acme-ice-1:
            title: "Case management"
            vendor: acme
            agency: ice
            product: tool
            amount:
              - { value: USD 53 million, sources: [news-1], preferred: true }
              - { value: USD 41 million, sources: [news-2] }
            start: 2014
            end: 2019-09
            status: confirmed
            sources:
              - { source: news-1, quote: "a \"quoted\" line", page: "p. 2" }
        groups:
          g1: { name: Group One }
        people:
          pat: { name: Pat Doe, ceo_of: { to: acme, sources: [news-1] } }
        products:
          tool: { name: Tool, made_by: acme }
        protests:
          rally-1:
            name: "Rally"
            kind: rally
            date: 2018-08-01
            place: "Palo Alto, CA"
            targets: [acme]
            organizers: [g1]
            sources: [news-1]
        ties:
          - { from: acme, type: hosts_on, to: cloudco, since: 2019, sources: [news-2] }
        """;
}

/// <summary>A graph whose names are hostile to every text format.</summary>
internal static class HostileGraph
{
    public const string EvilName = "=HYPERLINK(\"x\") <b>Evil</b> & \"Sons\" 'n' \\ back #1 | end\nline two 😀 שלום עולם";

    public const string Yaml = """
        techties: 1
        sources:
          s1: { title: "@SUM(A1) news; \"quoted\"", kind: news }
        companies:
          evil:
            name: "=HYPERLINK(\"x\") <b>Evil</b> & \"Sons\" 'n' \\ back #1 | end\nline two 😀 שלום עולם"
            aliases: ["-2+3", "+cmd", "\ttab", "null"]
            hosts_on: { to: end, description: "a\r\nmulti-line ]] --> description", sources: [s1] }
          end: { name: "end", description: "graph { } subgraph end" }
        """;

    public static TechTiesGraph Graph => TechTiesGraph.Parse(Yaml, "hostile.yaml");
}

using System.Text.Json;
using System.Xml.Linq;

namespace TechTies.Tests.Export;

public class TextExportTests
{
    [Fact]
    public void Dot_quotes_and_escapes_every_id_and_label()
    {
        var dot = HostileGraph.Graph.ExportText(ExportFormat.Dot);
        Assert.Contains("\"end\" [label=\"end\"", dot);
        Assert.Contains("label=\"=HYPERLINK(\\\"x\\\") <b>Evil</b> & \\\"Sons\\\" 'n' \\\\ back #1 | end\\nline two 😀 שלום עולם\"", dot);
        Assert.DoesNotContain("\nline two", dot);
    }

    [Fact]
    public void Mermaid_uses_safe_node_ids_and_escaped_labels()
    {
        var mermaid = HostileGraph.Graph.ExportText(ExportFormat.Mermaid);
        Assert.StartsWith("flowchart LR\n", mermaid);
        Assert.Contains("  n1[\"end\"]\n", mermaid);
        Assert.Contains("n2[\"=HYPERLINK(#quot;x#quot;) #lt;b#gt;Evil#lt;/b#gt; #amp; #quot;Sons#quot; 'n' \\ back #35;1 #124; end<br>line two 😀 שלום עולם\"]", mermaid);
        Assert.Contains("  n2 -->|\"hosts on\"| n1\n", mermaid);
        Assert.DoesNotContain(" end[", mermaid);
    }

    [Fact]
    public void Mermaid_truncates_past_the_limit_with_a_visible_note()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        var mermaid = graph.ExportText(ExportFormat.Mermaid, new ExportOptions { MermaidMaxTies = 3 });
        Assert.Equal(3, mermaid.Split("-->").Length - 1);
        Assert.Contains($"more[\"… {graph.Ties.Length - 3} more ties not shown\"]", mermaid);
        Assert.DoesNotContain("more ties not shown", graph.ExportText(ExportFormat.Mermaid));
    }

    [Fact]
    public void The_default_mermaid_limit_is_500_ties()
    {
        Assert.Equal(500, ExportOptions.Default.MermaidMaxTies);
    }

    [Fact]
    public void GraphML_declares_typed_keys_before_the_graph_and_keeps_hostile_text()
    {
        var xml = XDocument.Parse(HostileGraph.Graph.ExportText(ExportFormat.GraphML));
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        var children = xml.Root!.Elements().ToList();
        var graphIndex = children.FindIndex(e => e.Name == ns + "graph");
        Assert.True(graphIndex > 0);
        Assert.All(children.Take(graphIndex), e => Assert.Equal(ns + "key", e.Name));
        Assert.All(children.Take(graphIndex), e => Assert.Equal("string", (string?)e.Attribute("attr.type")));
        Assert.Equal(HostileGraph.EvilName, xml.Descendants(ns + "node").Single(n => (string?)n.Attribute("id") == "evil").Elements(ns + "data").Single(d => (string?)d.Attribute("key") == "n_name").Value);
    }

    [Fact]
    public void Gexf_is_version_1_3_with_dated_edges()
    {
        var xml = XDocument.Parse(ConsumerTests.Graph("sample").ExportText(ExportFormat.Gexf));
        XNamespace ns = "http://gexf.net/1.3";
        Assert.Equal("1.3", (string?)xml.Root!.Attribute("version"));
        Assert.Equal("dynamic", (string?)xml.Root.Element(ns + "graph")!.Attribute("mode"));
        var contract = xml.Descendants(ns + "edge").Single(e => (string?)e.Attribute("id") == "acme/contracts_with/ice/acme-ice-1");
        Assert.Equal(("2014-01-01", "2019-09-30"), ((string?)contract.Attribute("start"), (string?)contract.Attribute("end")));
        Assert.Equal(HostileGraph.EvilName, (string?)XDocument.Parse(HostileGraph.Graph.ExportText(ExportFormat.Gexf)).Descendants(ns + "node").Single(n => (string?)n.Attribute("id") == "evil").Attribute("label"));
    }

    [Fact]
    public void Node_link_uses_links_by_default_and_edges_on_request()
    {
        var graph = ConsumerTests.Graph("sample");
        using var links = JsonDocument.Parse(graph.ExportText(ExportFormat.NodeLink));
        using var edges = JsonDocument.Parse(graph.ExportText(ExportFormat.NodeLink, new ExportOptions { NodeLinkEdgesKey = "edges" }));
        Assert.Equal(graph.Ties.Length, links.RootElement.GetProperty("links").GetArrayLength());
        Assert.Equal(graph.Ties.Length, edges.RootElement.GetProperty("edges").GetArrayLength());
        Assert.False(edges.RootElement.TryGetProperty("links", out _));
    }

    [Fact]
    public void Json_formats_keep_hostile_text()
    {
        using var cytoscape = JsonDocument.Parse(HostileGraph.Graph.ExportText(ExportFormat.Cytoscape));
        Assert.Contains(cytoscape.RootElement.GetProperty("elements").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("data").GetProperty("label").GetString() == HostileGraph.EvilName);
        using var nodeLink = JsonDocument.Parse(HostileGraph.Graph.ExportText(ExportFormat.NodeLink));
        Assert.Contains(nodeLink.RootElement.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("name").GetString() == HostileGraph.EvilName);
    }

    [Fact]
    public void Cytoscape_data_names_the_disputed_fields()
    {
        using var cytoscape = JsonDocument.Parse(TechTiesGraph.Parse(ExportTestSupport.SampleYaml, "sample.yaml").ExportText(ExportFormat.Cytoscape));
        var elements = cytoscape.RootElement.GetProperty("elements");
        var contract = elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data")).Single(d => d.GetProperty("id").GetString() == "acme-ice-1");
        Assert.Equal("amount", contract.GetProperty("disputed").GetString());
        var tie = elements.GetProperty("edges").EnumerateArray().Select(n => n.GetProperty("data")).Single(d => d.GetProperty("id").GetString() == "acme/contracts_with/ice/acme-ice-1");
        Assert.Equal("amount", tie.GetProperty("disputed").GetString());
        var acme = elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data")).Single(d => d.GetProperty("id").GetString() == "acme");
        Assert.False(acme.TryGetProperty("disputed", out _));
    }

    [Fact]
    public void Invalid_options_are_reported_together()
    {
        var error = Assert.Throws<ArgumentException>(() => ConsumerTests.Graph("sample").ExportText(ExportFormat.Json, new ExportOptions { NodeLinkEdgesKey = "arcs", MermaidMaxTies = 0 }));
        Assert.Equal("The export options are invalid:\n- NodeLinkEdgesKey is 'arcs'; it must be 'links' or 'edges'.\n- MermaidMaxTies is 0; it must be at least 1. (Parameter 'options')", error.Message.Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_subgraph_holds_what_it_needs_to_load_by_itself()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        var tie = graph.Ties.First(t => t.Type.Name == "contracts_with");
        var sub = graph.Subgraph([], [tie]);
        Assert.Contains(tie.From, sub.Entities);
        Assert.Contains(tie.Contract!, sub.Entities);
        Assert.All(sub.Ties, t => Assert.True(sub.Entities.Contains(t.From) && sub.Entities.Contains(t.To)));
        Assert.True(sub.Entities.Length < graph.Entities.Length);
        var json = sub.ToCanonicalJson();
        Assert.Equal(json, ExportTestSupport.ParseJson(json).ToCanonicalJson());
    }

    [Fact]
    public void A_subgraph_refuses_entities_of_another_graph()
    {
        var other = ConsumerTests.Graph("sample");
        Assert.Throws<ArgumentException>(() => TechTiesGraph.LoadBuiltIn().Subgraph([other["acme"]], []));
    }
}

public class ExportFormatNameTests
{
    [Fact]
    public void Every_format_has_a_name_that_parses_back()
    {
        Assert.All(Enum.GetValues<ExportFormat>(), f => Assert.True(ExportFormatNames.TryParse(f.ToName(), out var parsed) && parsed == f));
        Assert.Equal(["json", "yaml", "graphml", "gexf", "node-link", "cytoscape", "dot", "mermaid", "csv", "neo4j"], ExportFormatNames.All);
        Assert.False(ExportFormatNames.TryParse("NodeLink", out _));
        Assert.Equal(".zip", ExportFormat.Neo4j.FileExtension());
    }
}

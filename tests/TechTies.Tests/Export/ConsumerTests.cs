using System.Globalization;
using System.Text.Json;

namespace TechTies.Tests.Export;

/// <summary>The exports, read by the tools people read them with. A missing tool fails with what to install.</summary>
public class ConsumerTests
{
    public static TheoryData<string> Graphs => ["sample", "built-in", "hostile"];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void NetworkX_reads_the_graphml_with_every_node_edge_and_key_attribute(string name) =>
        AssertNetworkXSawGraph(name, ExportFormat.GraphML, ".graphml", "networkx-graphml");

    [Theory]
    [MemberData(nameof(Graphs))]
    public void NetworkX_reads_the_gexf_with_every_node_edge_and_key_attribute(string name)
    {
        var graph = Graph(name);
        var summary = AssertNetworkXSawGraph(name, ExportFormat.Gexf, ".gexf", "networkx-gexf");
        foreach (var tie in graph.Ties)
        {
            var edge = Edge(summary, tie);
            Assert.Equal(tie.Since?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text(edge, "start"));
            Assert.Equal(tie.Until?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text(edge, "end"));
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void NetworkX_reads_the_node_link_json_as_a_directed_multigraph(string name)
    {
        var summary = AssertNetworkXSawGraph(name, ExportFormat.NodeLink, ".json", "networkx-nodelink");
        Assert.True(summary.GetProperty("directed").GetBoolean());
        Assert.True(summary.GetProperty("multigraph").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Igraph_reads_the_graphml(string name)
    {
        var graph = Graph(name);
        var path = graph.WriteTemp(ExportFormat.GraphML, ".graphml");
        try
        {
            using var doc = JsonDocument.Parse(ConsumerSupport.Run("/usr/bin/python3", [Script, "igraph-graphml", path], ConsumerSupport.AptHint));
            var root = doc.RootElement;
            Assert.True(root.GetProperty("directed").GetBoolean());
            Assert.Equal(graph.Entities.Length, root.GetProperty("vertices").GetInt32());
            Assert.Equal(graph.Ties.Length, root.GetProperty("edges").GetInt32());
            Assert.Equal(graph.Entities.Select(e => e.Id), root.GetProperty("ids").EnumerateArray().Select(x => x.GetString()));
            Assert.Equal(graph.Entities.Select(e => e.Kind.ToName()), root.GetProperty("kinds").EnumerateArray().Select(x => x.GetString()));
            Assert.Equal(graph.Ties.Select(t => t.Type.Name).Order(), root.GetProperty("types").EnumerateArray().Select(x => x.GetString()).Order());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Graphviz_renders_the_dot_export_with_every_label(string name)
    {
        var graph = Graph(name);
        var path = graph.WriteTemp(ExportFormat.Dot, ".dot");
        try
        {
            var svg = ConsumerSupport.Run("dot", ["-Tsvg", path], ConsumerSupport.AptHint);
            Assert.Contains("<svg", svg);
            // One node per entity but the sources no tie leads to or from; one edge per set of parallel ties of one type.
            var tied = graph.Ties.SelectMany(t => new[] { t.From, t.To }).ToHashSet();
            Assert.Equal(graph.Entities.Count(e => e is not Source || tied.Contains(e)), svg.Split("class=\"node\"").Length - 1);
            Assert.Equal(graph.Ties.Select(t => (t.From, t.To, t.Type)).Distinct().Count(), svg.Split("class=\"edge\"").Length - 1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Cytoscape_loads_the_elements_headless(string name)
    {
        var graph = Graph(name);
        var path = graph.WriteTemp(ExportFormat.Cytoscape, ".json");
        try
        {
            var output = ConsumerSupport.Run("node", [Path.Combine(ConsumerSupport.NodeFolder, "load-cytoscape.js"), path], ConsumerSupport.NodeHint, ConsumerSupport.NodeFolder);
            using var doc = JsonDocument.Parse(output);
            var root = doc.RootElement;
            Assert.Equal(graph.Entities.Length, root.GetProperty("nodes").GetInt32());
            Assert.Equal(graph.Ties.Length, root.GetProperty("edges").GetInt32());
            foreach (var entity in graph.Entities)
            {
                Assert.Equal(entity.Kind.ToName(), root.GetProperty("kinds").GetProperty(entity.Id).GetString());
                Assert.Equal(entity.Name, root.GetProperty("labels").GetProperty(entity.Id).GetString());
            }

            var ties = root.GetProperty("ties").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
            foreach (var tie in graph.Ties)
            {
                Assert.Equal((tie.From.Id, tie.To.Id, tie.Type.Name), (ties[tie.Id].GetProperty("source").GetString(), ties[tie.Id].GetProperty("target").GetString(), ties[tie.Id].GetProperty("type").GetString()));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(ExportFormat.GraphML, ".graphml", "networkx-graphml")]
    [InlineData(ExportFormat.Gexf, ".gexf", "networkx-gexf")]
    public void Control_characters_reach_NetworkX_as_their_visible_control_pictures(ExportFormat format, string extension, string mode)
    {
        var graph = TechTiesGraph.Parse(
            """
            techties: 1
            companies:
              bell: { name: "bell\a and \x01 start\x1f end" }
            """,
            "controls.yaml");
        Assert.Equal("bell\a and \x01 start\x1f end", graph["bell"].Name);
        var path = graph.WriteTemp(format, extension);
        try
        {
            var root = JsonDocument.Parse(ConsumerSupport.Run("/usr/bin/python3", [Script, mode, path], ConsumerSupport.AptHint)).RootElement;
            Assert.Equal("bell\u2407 and \u2401 start\u241f end", Text(root.GetProperty("nodes").GetProperty("bell"), "name"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(ExportFormat.GraphML, ".graphml", "networkx-graphml")]
    [InlineData(ExportFormat.Gexf, ".gexf", "networkx-gexf")]
    [InlineData(ExportFormat.NodeLink, ".json", "networkx-nodelink")]
    public void NetworkX_sees_which_fields_sources_dispute(ExportFormat format, string extension, string mode)
    {
        var path = Graph("built-in").WriteTemp(format, extension);
        try
        {
            var root = JsonDocument.Parse(ConsumerSupport.Run("/usr/bin/python3", [Script, mode, path], ConsumerSupport.AptHint)).RootElement;
            var nodes = root.GetProperty("nodes");
            Assert.Equal("amount", Text(nodes.GetProperty("palantir-ice-icm"), "disputed"));
            Assert.Equal("USD 53000000", Text(nodes.GetProperty("palantir-ice-icm"), "amount"));
            Assert.Equal("date", Text(nodes.GetProperty("palantir-hq-2018-07-31"), "disputed"));
            Assert.Null(Text(nodes.GetProperty("palantir"), "disputed"));
            string? Disputed(string id) => Text(Assert.Single(root.GetProperty("edges").EnumerateArray(), e => Text(e, "key") == id), "disputed");
            Assert.Equal("amount", Disputed("palantir/contracts_with/ice/palantir-ice-icm"));
            Assert.Equal("since; until", Disputed("palantir-hq-2018-07-31/targets/palantir"));
            Assert.Null(Disputed("palantir/hosts_on/amazon"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static TechTiesGraph Graph(string name) => name switch
    {
        "sample" => TechTiesGraph.Parse(ExportTestSupport.SampleYaml, "sample.yaml"),
        "built-in" => TechTiesGraph.LoadBuiltIn(),
        _ => HostileGraph.Graph,
    };

    private static string Script => Path.Combine(ExportTestSupport.RepoRoot, "tests", "consumers", "python", "read_graph.py");

    private static JsonElement AssertNetworkXSawGraph(string name, ExportFormat format, string extension, string mode)
    {
        var graph = Graph(name);
        var path = graph.WriteTemp(format, extension);
        try
        {
            var root = JsonDocument.Parse(ConsumerSupport.Run("/usr/bin/python3", [Script, mode, path], ConsumerSupport.AptHint)).RootElement;
            Assert.True(root.GetProperty("directed").GetBoolean());
            var nodes = root.GetProperty("nodes");
            Assert.Equal(graph.Entities.Length, nodes.EnumerateObject().Count());
            foreach (var entity in graph.Entities)
            {
                var node = nodes.GetProperty(entity.Id);
                Assert.Equal(entity.Kind.ToName(), Text(node, "kind"));
                Assert.Equal(entity.Name, Text(node, "name"));
                Assert.Equal((entity as Contract)?.Amount?.ToString(), Text(node, "amount"));
            }

            Assert.Equal(graph.Ties.Length, root.GetProperty("edges").GetArrayLength());
            foreach (var tie in graph.Ties)
            {
                var edge = Edge(root, tie);
                Assert.Equal(tie.Type.Name, Text(edge, "type"));
                Assert.Equal(tie.Since?.ToString(), Text(edge, "since"));
                Assert.Equal(tie.Until?.ToString(), Text(edge, "until"));
                Assert.Equal(tie.Amount?.ToString(), Text(edge, "amount"));
            }

            return root;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static JsonElement Edge(JsonElement summary, Tie tie) =>
        Assert.Single(summary.GetProperty("edges").EnumerateArray(), e => Text(e, "key") == tie.Id && Text(e, "from") == tie.From.Id && Text(e, "to") == tie.To.Id);

    private static string? Text(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetString();
}

namespace TechTies.Tests.Export;

public class YamlWriterTests
{
    [Fact]
    public void The_yaml_export_loads_back_to_an_equal_graph()
    {
        var graph = TechTiesGraph.Parse(ExportTestSupport.SampleYaml, "sample.yaml");
        var yaml = graph.ExportText(ExportFormat.Yaml);
        var reloaded = TechTiesGraph.Parse(yaml, "export.yaml");
        Assert.Equal(graph.ToCanonicalJson(), reloaded.ToCanonicalJson());
    }

    [Fact]
    public void The_built_in_graph_round_trips_through_yaml()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        var reloaded = TechTiesGraph.Parse(graph.ExportText(ExportFormat.Yaml), "export.yaml");
        Assert.Equal(graph.ToCanonicalJson(), reloaded.ToCanonicalJson());
    }

    [Fact]
    public void Hostile_names_survive_the_yaml_round_trip()
    {
        var graph = HostileGraph.Graph;
        var reloaded = TechTiesGraph.Parse(graph.ExportText(ExportFormat.Yaml), "export.yaml");
        Assert.Equal(HostileGraph.EvilName, reloaded["evil"].Name);
        Assert.Equal(new[] { "-2+3", "+cmd", "\ttab", "null" }, reloaded["evil"].Aliases.ToArray());
        Assert.Equal(graph.ToCanonicalJson(), reloaded.ToCanonicalJson());
    }

    [Fact]
    public void The_yaml_export_is_readable_format_v1()
    {
        var yaml = TechTiesGraph.Parse(ExportTestSupport.SampleYaml, "sample.yaml").ExportText(ExportFormat.Yaml);
        Assert.StartsWith("techties: 1\n", yaml);
        Assert.Contains("\ncontracts:\n  acme-ice-1:\n", yaml);
        Assert.Contains("    vendor: acme\n", yaml);
        Assert.Contains("    organizers: [g1]\n", yaml);
        Assert.Contains("\nties:\n", yaml);
        Assert.Contains("preferred: true", yaml);
    }

    [Fact]
    public void Hostile_names_survive_the_json_round_trip()
    {
        var json = HostileGraph.Graph.ToCanonicalJson();
        var reloaded = ExportTestSupport.ParseJson(json);
        Assert.Equal(HostileGraph.EvilName, reloaded["evil"].Name);
        Assert.Equal(json, reloaded.ToCanonicalJson());
    }
}

namespace TechTies.Tests.Graph;

public class BuiltInGraphTests
{
    [Fact]
    public void The_built_in_graph_loads_without_warnings()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        Assert.Empty(graph.Warnings);
        Assert.Contains(graph.Entities, e => e.Id == "palantir");
    }
}

public class IncludeBuiltInTests
{
    private const string Reporting = """
        techties: 1
        sources:
          my-notes: { title: My reporting notes, kind: report }
        companies:
          acme-cloud: { name: Acme Cloud, hosts_on: { to: amazon, sources: [my-notes] } }
        """;

    private static readonly LoadOptions WithBuiltIn = new() { IncludeBuiltIn = true };

    [Fact]
    public void Own_reporting_loads_into_the_built_in_graph_and_refers_to_its_ids()
    {
        var builtIn = TechTiesGraph.LoadBuiltIn();

        var graph = TechTiesGraph.Parse(Reporting, "mine.yaml", WithBuiltIn);

        Assert.Equal(builtIn.Entities.Length + 2, graph.Entities.Length);
        Assert.Equal(builtIn.Ties.Length + 1, graph.Ties.Length);
        var tie = Assert.Single(graph.TiesFrom(graph["acme-cloud"]));
        Assert.Equal("amazon", tie.To.Id);
        Assert.Equal("mine.yaml", tie.Location!.File);
        Assert.StartsWith("graphs/", graph["palantir"].Location!.File, StringComparison.Ordinal);
        Assert.NotEmpty(graph.Connect("acme-cloud", "ice"));
    }

    [Fact]
    public void Files_folders_and_streams_load_with_the_built_in_graph_too()
    {
        var folder = Directory.CreateTempSubdirectory("techties-with-built-in-");
        try
        {
            var file = Path.Combine(folder.FullName, "mine.yaml");
            File.WriteAllText(file, Reporting);
            var builtIn = TechTiesGraph.LoadBuiltIn();

            Assert.Equal(builtIn.Ties.Length + 1, TechTiesGraph.Load(WithBuiltIn, folder.FullName).Ties.Length);
            using var stream = File.OpenRead(file);
            Assert.Equal(builtIn.Ties.Length + 1, TechTiesGraph.Load(stream, "mine.yaml", WithBuiltIn).Ties.Length);
            Assert.Equal(builtIn.Ties.Length, TechTiesGraph.Load(WithBuiltIn).Ties.Length);
            Assert.Equal(builtIn.Ties.Length, TechTiesGraph.LoadBuiltIn(WithBuiltIn).Ties.Length);
            Assert.Throws<ArgumentException>(() => TechTiesGraph.Load(LoadOptions.Default));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_id_the_built_in_graph_has_is_an_error_that_names_where_it_is_defined()
    {
        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Parse("techties: 1\nagencies:\n  ice: { name: ICE again }\n", "mine.yaml", WithBuiltIn));

        var duplicate = Assert.Single(error.Diagnostics);
        Assert.Equal("TT0031", duplicate.Code);
        Assert.Equal("mine.yaml", duplicate.File);
        Assert.Contains("graphs/", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_option_built_in_ids_are_unknown()
    {
        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Parse(Reporting, "mine.yaml"));

        Assert.Contains(error.Diagnostics, d => d.Code == "TT0040" && d.Message.Contains("'amazon'", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_option_a_built_in_id_gets_the_hint_to_load_into_the_built_in_graph()
    {
        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Parse(Reporting.Replace("[my-notes]", "[usareally-2018-08-01]", StringComparison.Ordinal), "mine.yaml"));

        var tie = Assert.Single(error.Diagnostics, d => d.Code == "TT0040");
        Assert.Equal("'amazon' is the id of a company in the built-in graph (Amazon): to refer to it, load the files into the built-in graph: add --with-built-in (LoadOptions.IncludeBuiltIn)", tie.Suggestion);
        var source = Assert.Single(error.Diagnostics, d => d.Code == "TT0060");
        Assert.StartsWith("'usareally-2018-08-01' is the id of a source in the built-in graph", source.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_id_the_built_in_graph_lacks_gets_no_built_in_hint()
    {
        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Parse(Reporting.Replace("to: amazon", "to: amazonia", StringComparison.Ordinal), "mine.yaml"));

        var tie = Assert.Single(error.Diagnostics, d => d.Code == "TT0040");
        Assert.DoesNotContain("built-in", tie.Suggestion ?? string.Empty, StringComparison.Ordinal);
    }
}

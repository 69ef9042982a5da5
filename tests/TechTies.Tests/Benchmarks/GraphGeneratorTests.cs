using TechTies.Benchmarks;

namespace TechTies.Tests.Benchmarks;

public class GraphGeneratorTests
{
    [Theory]
    [InlineData(100, 1)]
    [InlineData(2_000, 7)]
    [InlineData(5_000, 42)]
    public void A_generated_graph_loads_strictly_without_warnings_and_with_the_counts_it_reports(int edges, int seed)
    {
        var (text, written) = Generate(edges, seed);

        var graph = TechTiesGraph.Parse(text, "generated.yaml", new LoadOptions { Strict = true });

        Assert.Empty(graph.Warnings);
        Assert.Equal(written.Entities, graph.Entities.Length);
        Assert.Equal(written.Ties, graph.Ties.Length);
        Assert.Equal(written.Contracts, graph.EntitiesOf(Kind.Contract).Count());
        Assert.InRange(graph.Ties.Length, edges * 0.95, edges * 1.05);
    }

    [Fact]
    public void The_same_seed_and_size_give_byte_identical_output()
    {
        Assert.Equal(Generate(3_000, 11).Text, Generate(3_000, 11).Text);
    }

    [Fact]
    public void Another_seed_gives_another_graph()
    {
        Assert.NotEqual(Generate(3_000, 11).Text, Generate(3_000, 12).Text);
    }

    [Fact]
    public void A_generated_graph_has_the_shape_the_benchmarks_rely_on()
    {
        var graph = TechTiesGraph.Parse(Generate(5_000, 3).Text);

        var types = graph.Ties.GroupBy(t => t.Type.Name).ToDictionary(g => g.Key, g => g.Count());
        foreach (var type in new[] { "part_of", "hosts_on", "subsidiary_of", "awarded_to", "awarded_by", "contracts_with", "organized", "targets" })
        {
            Assert.True(types.GetValueOrDefault(type) > 0, $"no {type} ties");
        }

        // A few cloud hosts take most hosts_on ties, and the busiest vendor holds many contracts.
        var hosts = graph.Ties.Where(t => t.Type.Name == "hosts_on").Select(t => t.To.Id).Distinct().Count();
        Assert.InRange(hosts, 1, 5);
        var busiest = graph.Ties.Where(t => t.Type.Name == "awarded_to").GroupBy(t => t.To.Id).Max(g => g.Count());
        Assert.True(busiest >= 20, $"the busiest vendor has only {busiest} contracts");
        Assert.NotEmpty(graph.Query("(:company) -[hosts_on]-> (:company) -[contracts_with]-> (:agency)"));
    }

    private static (string Text, GeneratedGraph Written) Generate(int edges, int seed)
    {
        using var writer = new StringWriter();
        var written = GraphGenerator.Write(writer, edges, seed);
        return (writer.ToString(), written);
    }
}

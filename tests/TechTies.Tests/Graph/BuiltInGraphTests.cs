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

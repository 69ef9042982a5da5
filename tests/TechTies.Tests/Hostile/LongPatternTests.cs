using TechTies.Querying;

namespace TechTies.Tests.Hostile;

/// <summary>
/// A pattern is at most 32 edges long, and explaining an empty result stays within the query's own budget: a
/// 2,500-node pattern took 92 s to explain (each step had a budget of its own), 4.6 GB in mode walk.
/// </summary>
public sealed class LongPatternTests
{
    [Fact]
    public void A_pattern_of_more_than_32_edges_is_a_syntax_error_at_the_33rd_edge()
    {
        var pattern = "?" + string.Concat(Enumerable.Repeat(" -- ?", 2500));

        var e = Assert.Throws<QueryParseException>(() => TechTiesGraph.LoadBuiltIn().Query(pattern));

        Assert.Equal(1 + (32 * 5) + 1 + 1, e.Column);
        Assert.StartsWith("the pattern has more than 32 edges, the most a pattern may have", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_built_with_more_than_32_edges_is_refused()
    {
        var query = new PathQuery { Nodes = [.. Enumerable.Repeat(NodePattern.Any, 34)], Edges = [.. Enumerable.Repeat(new EdgePattern(), 33)] };

        var e = Assert.Throws<ArgumentException>(() => TechTiesGraph.LoadBuiltIn().Query(query));

        Assert.StartsWith("The query has 33 edges; a pattern may have at most 32.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_steps_before_the_last_share_one_budget_and_say_when_it_ran_out()
    {
        var graph = HostileGraphs.Load(HostileGraphs.Layers());
        var query = PathQuery.Parse("s" + string.Concat(Enumerable.Repeat(" -- ?", 12)) + " -- (:agency)", graph) with { MaxExpansions = 2000 };

        var explanation = graph.Query(query).Explain();

        Assert.Equal(14, explanation.Steps.Length);
        Assert.Equal(
            "the expansion budget of 2000 steps, shared by the steps of the explanation, ran out before this step",
            explanation.Steps[^2].TruncationReason);
        Assert.Equal(graph.Count(query).TruncationReason, explanation.Steps[^1].TruncationReason);
    }
}

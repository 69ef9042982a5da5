using FsCheck.Xunit;
using TechTies.Querying;

namespace TechTies.Tests.Querying;

/// <summary>
/// <see cref="PathSet.Explain"/>: each step's candidates are where the paths of the pattern up to that step end, under
/// the same semantics as <see cref="GraphQueries.Query(TechTiesGraph, PathQuery)"/> and
/// <see cref="GraphQueries.Count(TechTiesGraph, PathQuery)"/> (so no entity twice in an acyclic path).
/// </summary>
public class ExplainTests
{
    // Acme and Beta host on CloudCo; only Acme has a contract.
    private static readonly TechTiesGraph Hosting = TechTiesGraph.Parse(SmallGraphs.Header + """
        companies:
          acme: { name: Acme, hosts_on: { to: cloudco, sources: [s] } }
          beta: { name: Beta, hosts_on: { to: cloudco, sources: [s] } }
          cloudco: { name: CloudCo }
        agencies:
          dept: { name: Department of Things }
        ties:
          - { from: acme, type: contracts_with, to: dept, sources: [s] }
        """, "hosting.yaml");

    [Theory]
    [InlineData("acme -[*1..4]-> acme", "Acme (acme) is both the start and the end of the pattern, but a path never has the same entity twice (unless the query says mode trail or mode walk)")]
    [InlineData("acme -[hosts_on]-> cloudco <-[hosts_on]- acme", "Acme (acme) is both the start and the end of the pattern, but a path never has the same entity twice (unless the query says mode trail or mode walk)")]
    [InlineData("beta -[hosts_on]-> cloudco -[*1..2]- cloudco -[*]- ?", "CloudCo (cloudco) is at both node 2 and node 3 of the pattern, but a path never has the same entity twice (unless the query says mode trail or mode walk)")]
    public void A_pattern_naming_one_entity_twice_is_explained_by_acyclic_paths_not_by_a_missing_tie(string pattern, string missing)
    {
        var explanation = Hosting.Query(pattern).Explain();

        Assert.Equal(0, explanation.Found);
        Assert.Null(explanation.NearestMiss);
        Assert.Equal(missing, explanation.MissingStep);
        Assert.Empty(explanation.OtherConnections);
        Assert.DoesNotContain("same entity twice", Hosting.Query(pattern + " mode walk").Explain().MissingStep ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_that_could_only_lead_back_to_the_start_has_no_candidates_and_the_nearest_miss_stops_before_it()
    {
        // Acme's hosting tie walked back from CloudCo is the only way on, and it returns to Acme.
        var graph = SmallGraphs.Contracts();
        var query = "acme -[hosts_on]-> ? <-[hosts_on]- ?";

        var explanation = graph.Query(query).Explain();

        Assert.Equal(0, graph.Count(query).Count);
        Assert.Equal(0, explanation.Found);
        Assert.Equal([1, 1, 0], explanation.Steps.Select(s => s.Candidates.Length));
        Assert.Equal("Acme -> hosts on -> CloudCo", explanation.NearestMiss?.ToString());
        Assert.Contains("step 3: <-[hosts_on]- ?: 0 candidates", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_candidates_of_each_step_are_the_ends_of_the_paths_the_query_up_to_that_step_finds()
    {
        var query = "acme -[hosts_on]-> ? <-[hosts_on]- ? -[contracts_with]-> ?";

        var explanation = Hosting.Query(query).Explain();

        Assert.Equal(["acme"], explanation.Steps[0].Candidates.Select(e => e.Id));
        Assert.Equal(["cloudco"], explanation.Steps[1].Candidates.Select(e => e.Id));
        Assert.Equal(["beta"], explanation.Steps[2].Candidates.Select(e => e.Id));
        Assert.Empty(explanation.Steps[3].Candidates);
        Assert.Equal(["beta"], Hosting.Query("acme -[hosts_on]-> ? <-[hosts_on]- ?").Select(p => p.End.Id));
        Assert.Equal(0, explanation.Found);
        Assert.Equal("Acme -> hosts on -> CloudCo -> hosts -> Beta", explanation.NearestMiss?.ToString());
        Assert.Equal(
            "a contracts_with tie (-[contracts_with]->) from Beta to ?; the graph gives Beta no contracts_with ties that way at all",
            explanation.MissingStep);
    }

    [Fact]
    public void A_walk_may_return_to_its_start_and_its_explanation_says_so()
    {
        var explanation = Hosting.Query("acme -[hosts_on]-> ? <-[hosts_on]- ? -[contracts_with]-> ? mode walk").Explain();

        Assert.Equal(["acme", "beta"], explanation.Steps[2].Candidates.Select(e => e.Id));
        Assert.Equal(["dept"], explanation.Steps[3].Candidates.Select(e => e.Id));
        Assert.Equal(1, explanation.Found);
    }

    [Fact]
    public void A_step_whose_search_ran_out_of_budget_says_so_as_the_count_does()
    {
        var query = PathQuery.Parse("(:company) -[hosts_on]-> ? <-[hosts_on]- ?", Hosting) with { MaxExpansions = 2 };

        var explanation = Hosting.Query(query).Explain();
        var count = Hosting.Count(query);

        Assert.True(count.IsTruncated);
        Assert.Null(explanation.Steps[0].TruncationReason);
        Assert.Null(explanation.Steps[1].TruncationReason);
        Assert.Equal(count.TruncationReason, explanation.Steps[2].TruncationReason);
        Assert.Equal(count.Count, explanation.Found);
        Assert.EndsWith($"(truncated: {count.TruncationReason})", explanation.Steps[2].ToString(), StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 200)]
    public void Every_step_agrees_with_the_query_and_the_count_of_the_pattern_up_to_it(Scenario scenario)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var query = PathQuery.Parse(scenario.Pattern, graph);

        var explanation = graph.Query(query).Explain();

        Assert.Equal(graph.Count(query).Count, explanation.Found);
        Assert.Equal(graph.Entities.Where(query.Nodes[0].Matches), explanation.Steps[0].Candidates);
        for (var k = 1; k < query.Nodes.Length; k++)
        {
            var prefix = query with { Nodes = query.Nodes[..(k + 1)], Edges = query.Edges[..k], Limit = int.MaxValue };
            var ends = graph.Query(prefix).Select(p => p.End.Id).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(ends, explanation.Steps[k].Candidates.Select(e => e.Id));
            Assert.Null(explanation.Steps[k].TruncationReason);
        }
    }
}

using FsCheck;
using FsCheck.Xunit;
using TechTies.Querying;

namespace TechTies.Tests.Querying;

/// <summary>
/// <see cref="GraphQueries.Count(TechTiesGraph, PathQuery)"/> against the paths <see cref="GraphQueries.Query(TechTiesGraph, PathQuery)"/>
/// finds with no limit (itself checked against the brute-force enumerator): random graphs and patterns cover the
/// counted last hop (one hop, any direction and types, dates, expanded or grouped, acyclic or walk) and the walks it
/// falls back to (trails, variable last hops, tie predicates, a budget that runs out inside the hop).
/// </summary>
public class CountTests
{
    private const string Pattern = "(:company) -[hosts_on]-> (:company) -[contracts_with]-> (:agency)";

    private static readonly Lazy<TechTiesGraph> Generated = new(() =>
    {
        using var writer = new StringWriter();
        TechTies.Benchmarks.GraphGenerator.Write(writer, 4_000, 3);
        return TechTiesGraph.Parse(writer.ToString());
    });

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 400)]
    public void A_count_is_the_number_of_paths_the_query_finds_with_no_limit_and_the_brute_force_number(Scenario scenario)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var query = PathQuery.Parse(scenario.Pattern, graph) with { Limit = 1 };

        var count = graph.Count(query);

        Assert.False(count.IsTruncated);
        Assert.Equal(graph.Query(query with { Limit = int.MaxValue }).Count, count.Count);
        Assert.Equal(BruteForce.Paths(graph, query).Count, count.Count);
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 400)]
    public void A_count_whose_last_edge_is_one_hop_is_the_brute_force_number(Scenario scenario)
    {
        // The counted last hop applies to one-hop last edges outside trails: make every random pattern one.
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var query = PathQuery.Parse(scenario.Pattern, graph);
        query = query with
        {
            Edges = query.Edges.SetItem(query.Edges.Length - 1, query.Edges[^1] with { MinHops = 1, MaxHops = 1 }),
            Mode = query.Mode == TraversalMode.Trail ? TraversalMode.Acyclic : query.Mode,
        };

        var count = graph.Count(query);

        Assert.False(count.IsTruncated);
        Assert.Equal(BruteForce.Paths(graph, query).Count, count.Count);
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 300)]
    public void A_count_with_tie_and_entity_predicates_is_the_number_of_paths_the_query_finds(Scenario scenario, NonNegativeInt salt, NonNegativeInt edge, NonNegativeInt node)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var query = PathQuery.Parse(scenario.Pattern, graph);
        var e = edge.Get % query.Edges.Length;
        var n = node.Get % query.Nodes.Length;
        var s = salt.Get;
        query = query with
        {
            Edges = query.Edges.SetItem(e, query.Edges[e] with { Predicate = t => (t.Id[^1] + s) % 3 != 0 }),
            Nodes = query.Nodes.SetItem(n, query.Nodes[n] with { Predicate = x => (x.Id[^1] + s) % 2 == 0 }),
        };

        var count = graph.Count(query);

        Assert.False(count.IsTruncated);
        Assert.Equal(graph.Query(query with { Limit = int.MaxValue }).Count, count.Count);
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 300)]
    public void A_count_cut_by_the_expansion_budget_finds_what_the_query_finds_within_it_and_says_so(Scenario scenario, PositiveInt budget)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var query = PathQuery.Parse(scenario.Pattern, graph) with { MaxExpansions = 1 + (budget.Get % 40) };

        var count = graph.Count(query);
        var paths = graph.Query(query with { Limit = int.MaxValue });

        Assert.Equal(paths.Count, count.Count);
        Assert.Equal(paths.TruncationReason, count.TruncationReason);
    }

    public static TheoryData<string> GeneratedPatterns() =>
    [
        Pattern,
        Pattern + " asof 2018-06-01",
        Pattern + " during 2010..2012 expand",
        Pattern + " mode walk",
        Pattern + " mode trail",
        "(:company) -[hosts_on]- (:company) -[contracts_with]- ?",
        "(:agency) <-[contracts_with]- (:company) -[contracts_with]-> (:agency)",
        "(:agency) <-[contracts_with]- (:company) -[contracts_with]-> (:agency) mode walk expand",
        "(:company) -[subsidiary_of|hosts_on*1..2]-> (:company) -[contracts_with]-> (:agency)",
        "(:company) -- (:company) -- ?",
        "? -[part_of]-> ? <-[part_of]- ?",
    ];

    [Theory]
    [MemberData(nameof(GeneratedPatterns))]
    public void On_a_generated_graph_with_hubs_a_count_is_the_number_of_paths_the_query_finds(string pattern)
    {
        var query = PathQuery.Parse(pattern, Generated.Value) with { Limit = int.MaxValue };

        var count = Generated.Value.Count(query);

        Assert.False(count.IsTruncated);
        Assert.Equal(Generated.Value.Query(query).Count, count.Count);
    }

    [Fact]
    public void A_count_of_a_pattern_whose_last_entity_is_named_walks_from_it_and_counts_the_same()
    {
        var graph = Generated.Value;
        var agency = graph.Ties.First(t => t.Type.Name == "contracts_with").To.Id;
        var query = PathQuery.Parse($"(:company) -[hosts_on]-> (:company) -[contracts_with]-> {agency}", graph) with { Limit = int.MaxValue };

        Assert.Equal(graph.Query(query).Count, graph.Count(query).Count);
    }

    [Fact]
    public void A_count_ignores_the_limit_of_the_pattern()
    {
        var graph = Generated.Value;

        var count = graph.Count(Pattern + " limit 3");

        Assert.False(count.IsTruncated);
        Assert.True(count.Count > 3);
        Assert.Equal(graph.Query(Pattern + $" limit {count.Count}").Count, count.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(3)]
    [InlineData(2)]
    public void A_count_cut_by_the_budget_part_way_stops_where_the_query_stops(int part)
    {
        // Every match is at least one expansion, so a budget below the number of matches cuts the search.
        var graph = Generated.Value;
        var all = graph.Count(Pattern).Count;
        var budget = (int)(all / part) - 1;
        var query = PathQuery.Parse(Pattern, graph) with { Limit = int.MaxValue, MaxExpansions = budget };

        var count = graph.Count(query);

        Assert.True(count.IsTruncated);
        Assert.Equal($"the expansion budget of {budget} steps ran out; more paths may exist", count.TruncationReason);
        Assert.InRange(count.Count, 1, all - 1);
        Assert.Equal(graph.Query(query).Count, count.Count);
    }

    [Fact]
    public void A_count_cut_by_the_time_limit_says_so()
    {
        var query = PathQuery.Parse("? -- ?", TechTiesGraph.LoadBuiltIn()) with { TimeLimit = TimeSpan.FromTicks(1) };

        var count = TechTiesGraph.LoadBuiltIn().Count(query);

        Assert.True(count.IsTruncated);
        Assert.Equal("the time limit of 0.0001 ms ran out; more paths may exist", count.TruncationReason);
        Assert.EndsWith(" (truncated: the time limit of 0.0001 ms ran out; more paths may exist)", count.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_reads_as_a_number_of_paths_and_keeps_the_normalized_query()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var count = graph.Count("palantir -[hosts_on]-> amazon");

        Assert.Equal(1, count.Count);
        Assert.Equal("1 path", count.ToString());
        Assert.Equal(graph.Query("palantir -[hosts_on]-> amazon").Query, count.Query);
    }
}

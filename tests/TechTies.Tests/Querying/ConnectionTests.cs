using TechTies.Querying;

namespace TechTies.Tests.Querying;

public class ConnectionTests
{
    private static readonly TechTiesGraph Graph = SmallGraphs.Contracts();

    [Fact]
    public void Connect_ignores_direction_by_default_and_walks_forward_only_when_directed()
    {
        Assert.Equal(["Department of Things -> has a contract with -> Acme"], Graph.Connect("dept", "acme", new ConnectOptions { Count = 1 }).Select(p => p.ToString()));
        Assert.Empty(Graph.Connect("dept", "acme", new ConnectOptions { Directed = true }));
    }

    [Fact]
    public void Connect_lists_shortest_first_and_says_when_its_count_cut_some()
    {
        var all = Graph.Connect("acme", "office", new ConnectOptions { Count = 100 });
        var one = Graph.Connect("acme", "office", new ConnectOptions { Count = 1 });

        Assert.Equal(all.Select(p => p.Length).Order(), all.Select(p => p.Length));
        Assert.Equal(all.Take(1).Select(p => p.ToString()), one.Select(p => p.ToString()));
        Assert.Equal("kept the shortest connection; 1 more of 2 steps was left out", one.TruncationReason);
        Assert.False(all.IsTruncated);
    }

    [Fact]
    public void Connect_that_keeps_every_connection_there_is_is_not_truncated()
    {
        // Two connections within four steps: one of one step, one of two.
        var graph = Chain(longest: 2);

        var two = graph.Connect("a", "z", new ConnectOptions { Count = 2 });

        Assert.Equal(["A -> hosts on -> Z", "A -> hosts on -> M -> hosts on -> Z"], two.Select(p => p.ToString()));
        Assert.False(two.IsTruncated);
        Assert.Null(two.TruncationReason);
        Assert.DoesNotContain("Only some connections", two.ToSentences(), StringComparison.Ordinal);
    }

    [Fact]
    public void Connect_that_leaves_a_longer_connection_out_is_truncated()
    {
        // Three connections within four steps: of one, two and three steps.
        var graph = Chain(longest: 3);

        var two = graph.Connect("a", "z", new ConnectOptions { Count = 2 });

        Assert.Equal(["A -> hosts on -> Z", "A -> hosts on -> M -> hosts on -> Z"], two.Select(p => p.ToString()));
        Assert.Equal("kept the 2 shortest connections; longer ones (up to 4 steps) were left out", two.TruncationReason);
        Assert.Contains("(Only some connections are shown: kept the 2 shortest connections; longer ones (up to 4 steps) were left out.)", two.ToSentences(), StringComparison.Ordinal);
        Assert.False(graph.Connect("a", "z", new ConnectOptions { Count = 3 }).IsTruncated);
    }

    [Fact]
    public void A_longer_connection_that_is_only_a_detour_through_a_contract_node_does_not_make_a_truncation()
    {
        var connections = Graph.Connect("acme", "dept", new ConnectOptions { Count = 1, MaxHops = 2 });

        Assert.Equal(["Acme -> contracts with -> Department of Things"], connections.Select(p => p.ToString()));
        Assert.False(connections.IsTruncated);
    }

    [Fact]
    public void All_shortest_returns_every_connection_of_the_shortest_length_only()
    {
        var shortest = Graph.Connect("acme", "office", new ConnectOptions { AllShortest = true });

        Assert.Equal(
            ["Acme -> hosts on -> CloudCo -> contracts with -> Office of Stuff", "Acme -> contracts with -> Department of Things -> includes -> Office of Stuff"],
            shortest.Select(p => p.ToString()));
    }

    [Fact]
    public void Connect_drops_the_detour_through_a_contract_node_that_the_contracts_with_step_already_carries()
    {
        var connections = Graph.Connect("acme", "dept", new ConnectOptions { Count = 100, MaxHops = 2 });

        Assert.Equal(["Acme -> contracts with -> Department of Things"], connections.Select(p => p.ToString()));
        Assert.Equal(["k1", "k2"], connections[0].Steps[0].Contracts.Select(c => c.Id));
        Assert.Equal(["2 path(s) through a contract node were left out: the contracts_with step that carries the contract already reports it."], connections.Notes.ToArray());
        Assert.Empty(connections.Warnings);
        Assert.DoesNotContain("contract node", connections.ToSentences() + connections.ToMarkdown() + connections.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_contracts_with_type_the_contract_node_is_the_connection()
    {
        var connections = Graph.Connect("acme", "dept", new ConnectOptions { Types = ["awarded_to", "awarded_by"] });

        Assert.Equal(["Acme -> holds -> First contract -> awarded by -> Department of Things", "Acme -> holds -> Second contract -> awarded by -> Department of Things"], connections.Select(p => p.ToString()));
    }

    [Fact]
    public void Reachability_and_distance_respect_hops_direction_and_dates()
    {
        Assert.Equal(2, Graph.Distance("acme", "office"));
        Assert.True(Graph.CanReach("acme", "office"));
        Assert.False(Graph.CanReach("acme", "office", new ConnectOptions { MaxHops = 1 }));
        Assert.False(Graph.CanReach("office", "acme", new ConnectOptions { Directed = true }));
        Assert.Equal(2, Graph.Distance("acme", "office", new ConnectOptions { AsOf = new PartialDate(2013) }));
        Assert.Null(Graph.Distance("acme", "office", new ConnectOptions { AsOf = new PartialDate(2011) }));
    }

    [Fact]
    public void Neighbors_gives_the_ego_network_with_distances_and_the_ties_among_it()
    {
        var hood = Graph.Neighbors("acme", 1, "hosts_on", "contracts_with");

        Assert.Equal(["acme", "cloudco", "dept"], hood.Entities.Select(e => e.Id));
        Assert.Equal(1, hood.DistanceOf(Graph["dept"]));
        Assert.Null(hood.DistanceOf(Graph["office"]));
        Assert.Equal(["acme/contracts_with/dept/k1", "acme/contracts_with/dept/k2", "acme/hosts_on/cloudco"], hood.Ties.Select(t => t.Id));
        Assert.Equal(2, Graph.Neighbors("acme", 2, "hosts_on", "contracts_with").DistanceOf(Graph["office"]));
    }

    [Fact]
    public void A_neighbourhood_refuses_the_distance_of_an_entity_of_another_graph()
    {
        var hood = Graph.Neighbors("acme", 1);
        var twin = TechTiesGraph.Parse(SmallGraphs.Header + "companies:\n  acme: { name: Acme }\n", "twin.yaml")["acme"];

        var error = Assert.Throws<ArgumentException>(() => hood.DistanceOf(twin));

        Assert.Equal("entity", error.ParamName);
        Assert.StartsWith("The entity 'acme' does not belong to this graph.", error.Message);
        Assert.Throws<ArgumentException>(() => hood.DistanceOf(new Company { Id = "nowhere", Name = "Nowhere" }));
    }

    [Fact]
    public void A_path_set_refuses_an_index_outside_it_as_a_list_does()
    {
        var set = Graph.Query("acme -[hosts_on]-> ?");

        Assert.Same(set.Paths[0], set[0]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => set[set.Count]);
        Assert.Equal("index", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => set[-1]);
    }

    [Fact]
    public void Default_arrays_in_options_and_patterns_count_as_empty()
    {
        var all = Graph.Connect("acme", "dept", new ConnectOptions { Types = [] });

        Assert.Equal(all.Select(p => p.ToString()), Graph.Connect("acme", "dept", new ConnectOptions { Types = default }).Select(p => p.ToString()));
        Assert.True(new EdgePattern { Types = default }.Types.IsEmpty);
        Assert.True(new NodePattern { Properties = default }.Properties.IsEmpty);
        var bad = Assert.Throws<ArgumentException>(() => Graph.Query(new PathQuery { Nodes = default }));
        Assert.Contains("one more node than edges", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interlocks_rank_second_degree_entities_by_shared_first_degree_entities()
    {
        var interlocks = Graph.Interlocks("acme", Kind.Agency);

        Assert.Equal("dept", interlocks[0].Entity.Id);
        Assert.Equal(["k1", "k2"], interlocks[0].Shared.Select(e => e.Id));
        Assert.Equal("office", interlocks[1].Entity.Id);
        Assert.Equal(["cloudco", "dept"], interlocks[1].Shared.Select(e => e.Id));
    }

    [Fact]
    public void Invalid_connect_options_are_reported_together()
    {
        var error = Assert.Throws<ArgumentException>(() => Graph.Connect("acme", "dept", new ConnectOptions { MaxHops = 0, Count = 0 }));

        Assert.StartsWith("Invalid connect options:\n  MaxHops must be from 1 to 10, not 0.\n  Count must be at least 1, not 0.".Replace("\n", Environment.NewLine, StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_partial_date_in_connect_options_is_reported_with_what_to_pass()
    {
        var options = new ConnectOptions { AsOf = default(PartialDate) };
        var expected = "Invalid connect options:\n  AsOf is default(PartialDate), which is no date (it would filter as the year 0001): pass a date such as new PartialDate(2018, 8, 1) or PartialDate.Parse(\"2018-08\"), or leave AsOf null for no date filter. (Parameter 'options')";

        Assert.Equal(expected.Replace("\n", Environment.NewLine, StringComparison.Ordinal), Assert.Throws<ArgumentException>(() => Graph.Connect("acme", "dept", options)).Message);
        Assert.Throws<ArgumentException>(() => Graph.AreConnected("acme", "dept", options));
    }

    [Fact]
    public void An_unknown_relationship_type_in_connect_options_is_reported_with_a_suggestion()
    {
        var options = new ConnectOptions { Types = ["contract_with", "hosts_on"], MaxHops = 0 };
        var expected = "Invalid connect options:\n  MaxHops must be from 1 to 10, not 0.\n  Types has an unknown relationship type 'contract_with' (did you mean 'contracts_with'?); known types: "
            + string.Join(", ", Graph.Schema.RelationshipTypes.Select(t => t.Name)) + ". (Parameter 'options')";

        Assert.Equal(expected.Replace("\n", Environment.NewLine, StringComparison.Ordinal), Assert.Throws<ArgumentException>(() => Graph.Connect("acme", "dept", options)).Message);
        Assert.Throws<ArgumentException>(() => Graph.Distance("acme", "dept", options with { MaxHops = 4 }));
        Assert.Throws<ArgumentException>(() => Graph.CanReach("acme", "dept", options with { MaxHops = 4 }));
    }

    [Fact]
    public void An_unknown_relationship_type_for_neighbors_or_the_fluent_builder_is_an_argument_error_with_a_suggestion()
    {
        var expected = "Unknown relationship type 'host_on' (did you mean 'hosts_on'?); known types: "
            + string.Join(", ", Graph.Schema.RelationshipTypes.Select(t => t.Name)) + ". (Parameter 'types')";

        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => Graph.Neighbors("acme", 1, "host_on")).Message);
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => Graph.From("acme").Out("host_on")).Message);
        Assert.Equal(expected.Replace("'types'", "'query'", StringComparison.Ordinal), Assert.Throws<ArgumentException>(() => Graph.Query(new TechTies.Querying.PathQuery
        {
            Nodes = [TechTies.Querying.NodePattern.Any, TechTies.Querying.NodePattern.Any],
            Edges = [new TechTies.Querying.EdgePattern { Types = ["host_on"] }],
        })).Message);
    }

    [Fact]
    public void Connect_as_of_a_day_flags_a_tie_that_holds_only_at_the_precision_of_its_dates_as_query_does()
    {
        var graph = TechTiesGraph.Parse(SmallGraphs.Header + """
            companies:
              acme: { name: Acme, hosts_on: { to: cloudco, since: 2015, until: 2018, sources: [s] } }
              cloudco: { name: CloudCo }
            """, "coarse.yaml");

        var connections = graph.Connect("acme", "cloudco", new ConnectOptions { AsOf = new PartialDate(2018, 8, 1) });
        var paths = graph.Query("acme -- cloudco asof 2018-08-01");

        Assert.Single(connections);
        Assert.Equal(["1 tie(s) start or end in the month or year of 2018-08-01 and hold on it only at that precision: acme/hosts_on/cloudco."], connections.Warnings.ToArray());
        Assert.Equal(paths.Warnings.ToArray(), connections.Warnings.ToArray());
    }

    // A and Z tied directly and through M; Q ties Z to P, which ties to A when longest is 3.
    [Fact]
    public void AreConnected_finds_a_connection_of_any_length_in_the_search_direction_and_none_between_components()
    {
        // c0 -> c1 -> ... -> c12: twelve steps, more than any hop limit allows; x -> y apart from the chain.
        var chain = string.Concat(Enumerable.Range(0, 12).Select(i => $"\n  - {{ from: c{i}, type: hosts_on, to: c{i + 1}, sources: [s] }}"));
        var graph = TechTiesGraph.Parse(SmallGraphs.Header + "companies:\n"
            + string.Concat(Enumerable.Range(0, 13).Select(i => $"  c{i}: {{ name: C{i} }}\n"))
            + "  x: { name: X }\n  y: { name: Y }\nties:" + chain + "\n  - { from: x, type: hosts_on, to: y, sources: [s] }\n", "long.yaml");
        var farthest = new ConnectOptions { MaxHops = PathQuery.MaxHopsLimit };

        Assert.Empty(graph.Connect("c0", "c12", farthest));
        Assert.True(graph.AreConnected("c0", "c12", farthest));
        Assert.True(graph.AreConnected("c12", "c0"));
        Assert.False(graph.AreConnected("c12", "c0", new ConnectOptions { Directed = true }));
        Assert.False(graph.AreConnected("c0", "y"));
        Assert.False(graph.AreConnected("x", "x"));
        Assert.False(graph.AreConnected("c0", "c12", new ConnectOptions { Types = ["part_of"] }));
    }

    private static TechTiesGraph Chain(int longest) => TechTiesGraph.Parse(SmallGraphs.Header + $$"""
        companies:
          a: { name: A }
          m: { name: M }
          p: { name: P }
          q: { name: Q }
          z: { name: Z }
        ties:
          - { from: a, type: hosts_on, to: z, sources: [s] }
          - { from: a, type: hosts_on, to: m, sources: [s] }
          - { from: m, type: hosts_on, to: z, sources: [s] }
          - { from: p, type: hosts_on, to: q, sources: [s] }
          - { from: q, type: hosts_on, to: z, sources: [s] }
        {{(longest == 3 ? "  - { from: a, type: hosts_on, to: p, sources: [s] }" : string.Empty)}}
        """, "chain.yaml");
}

using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.Search;

namespace TechTies.Tests.Graph;

public class QuikGraphViewTests
{
    private static readonly TechTiesGraph BuiltIn = TechTiesGraph.LoadBuiltIn();

    [Fact]
    public void The_view_has_every_entity_as_a_vertex_and_every_tie_as_an_edge()
    {
        var view = BuiltIn.AsQuikGraph();

        Assert.True(view.IsDirected);
        Assert.True(view.AllowParallelEdges);
        Assert.Equal(BuiltIn.Entities.Length, view.VertexCount);
        Assert.Equal(BuiltIn.Ties.Length, view.EdgeCount);
        Assert.Equal(BuiltIn.Ties.Length, view.Vertices.Sum(view.OutDegree));
        Assert.Equal(BuiltIn.Ties.Length, view.Vertices.Sum(view.InDegree));
    }

    [Fact]
    public void Parallel_contracts_between_palantir_and_ice_are_parallel_edges()
    {
        var view = BuiltIn.AsQuikGraph();

        Assert.True(view.TryGetEdges(BuiltIn["palantir"], BuiltIn["ice"], out var edges));

        Assert.Equal(
            ["palantir/contracts_with/ice/palantir-ice-falcon-om", "palantir/contracts_with/ice/palantir-ice-gotham", "palantir/contracts_with/ice/palantir-ice-icm"],
            edges.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Breadth_first_search_reaches_ice_from_alex_karp_along_directed_ties()
    {
        var view = BuiltIn.AsQuikGraph();
        var karp = BuiltIn["alex-karp"];
        var bfs = new BreadthFirstSearchAlgorithm<Entity, Tie>(view);
        var reached = new HashSet<Entity>();
        bfs.DiscoverVertex += v => reached.Add(v);

        bfs.Compute(karp);

        Assert.Contains(BuiltIn["ice"], reached);
        Assert.Contains(BuiltIn["palantir"], reached);
        Assert.DoesNotContain(BuiltIn["satya-nadella"], reached);
    }

    [Fact]
    public void The_shortest_directed_path_from_alex_karp_to_ice_goes_through_palantir()
    {
        var view = BuiltIn.AsQuikGraph();

        var paths = view.ShortestPathsDijkstra(_ => 1.0, BuiltIn["alex-karp"]);

        Assert.True(paths(BuiltIn["ice"], out var path));
        var ties = path.ToList();
        Assert.Equal(2, ties.Count);
        Assert.Equal(("alex-karp", "ceo_of", "palantir"), (ties[0].From.Id, ties[0].Type.Name, ties[0].To.Id));
        Assert.Equal(("palantir", "contracts_with", "ice"), (ties[1].From.Id, ties[1].Type.Name, ties[1].To.Id));
    }

    [Fact]
    public void Ice_does_not_reach_alex_karp_along_directed_ties()
    {
        var view = BuiltIn.AsQuikGraph();

        var paths = view.ShortestPathsDijkstra(_ => 1.0, BuiltIn["ice"]);

        Assert.False(paths(BuiltIn["alex-karp"], out _));
    }

    [Fact]
    public void Part_of_and_subsidiary_of_ties_form_no_cycle()
    {
        var hierarchy = BuiltIn.Ties.Where(t => t.Type.Acyclic).ToAdjacencyGraph<Entity, Tie>(allowParallelEdges: true);

        Assert.True(hierarchy.IsDirectedAcyclicGraph());
        Assert.NotEmpty(hierarchy.Edges);
    }

    [Fact]
    public void The_view_refuses_entities_of_another_graph()
    {
        var other = TechTiesGraph.Parse("techties: 1\nagencies:\n  ice: { name: ICE }\n");
        var view = BuiltIn.AsQuikGraph();

        Assert.False(view.ContainsVertex(other["ice"]));
        Assert.True(view.ContainsVertex(BuiltIn["ice"]));
        Assert.Throws<VertexNotFoundException>(() => view.OutDegree(other["ice"]));
        Assert.False(view.TryGetOutEdges(other["ice"], out _));
    }

    [Fact]
    public void Every_edge_of_the_view_is_an_out_edge_of_its_source_and_an_in_edge_of_its_target()
    {
        var view = BuiltIn.AsQuikGraph();

        Assert.All(view.Edges, e =>
        {
            Assert.True(view.ContainsEdge(e));
            Assert.Contains(e, view.OutEdges(e.From));
            Assert.Contains(e, view.InEdges(e.To));
        });
    }
}

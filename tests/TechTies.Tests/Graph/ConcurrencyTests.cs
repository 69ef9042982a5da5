using System.Collections.Concurrent;
using QuikGraph.Algorithms;
using TechTies.Tests.Loading;

namespace TechTies.Tests.Graph;

public class ConcurrencyTests
{
    private static readonly string[] Names = ["ICE", "ice", "Palantir", "palantir", "Alex Karp", "AWS", "DHS", "FALCON", "Microsoft", "Mijente", "Palantr", "nothing-like-this"];

    [Fact]
    public void Parallel_readers_get_the_same_answers_as_a_sequential_reader()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        var expected = Enumerable.Range(0, 400).Select(i => Read(graph, i)).ToList();

        var actual = new ConcurrentDictionary<int, string>();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount) }, i => actual[i] = Read(graph, i));

        Assert.Equal(expected, Enumerable.Range(0, 400).Select(i => actual[i]));
    }

    [Fact]
    public void Parallel_first_use_of_a_fresh_graph_gives_the_same_answers()
    {
        var graphs = Repository.PathOf("graphs");
        var sequential = TechTiesGraph.Load(graphs);
        var expected = Enumerable.Range(0, 64).Select(i => Read(sequential, i)).ToList();

        var fresh = TechTiesGraph.Load(graphs);
        var actual = new ConcurrentDictionary<int, string>();
        Parallel.For(0, 64, i => actual[i] = Read(fresh, i));

        Assert.Equal(expected, Enumerable.Range(0, 64).Select(i => actual[i]));
    }

    // One read of the graph, chosen by i: lookups, ties in and out, and QuikGraph algorithms on the view.
    private static string Read(TechTiesGraph graph, int i)
    {
        switch (i % 4)
        {
            case 0:
                var name = Names[i % Names.Length];
                try
                {
                    return "find " + graph.Find(name).Id;
                }
                catch (EntityLookupException e)
                {
                    return $"{e.Failure}: " + string.Join(",", e.Candidates.Select(c => c.Id));
                }

            case 1:
                var entity = graph.Entities[i % graph.Entities.Length];
                return string.Join(",", graph.TiesFrom(entity).Select(t => t.Id)) + "|" + string.Join(",", graph.TiesTo(entity).Select(t => t.Id));
            case 2:
                var view = graph.AsQuikGraph();
                var root = graph.Entities[i % graph.Entities.Length];
                var paths = view.ShortestPathsDijkstra(_ => 1.0, root);
                return string.Join(",", graph.Entities.Select(target => paths(target, out var path) ? path.Count().ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"));
            default:
                var components = new Dictionary<Entity, int>();
                var count = graph.AsQuikGraph().WeaklyConnectedComponents(components);
                return count + ":" + string.Join(",", graph.Entities.Select(e => components[e]));
        }
    }
}

using TechTies.Benchmarks;

namespace TechTies.Tests.Benchmarks;

public class NeighborsOnGeneratedGraphTests
{
    private static readonly TechTiesGraph Graph = Generated();

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Neighbors_lists_what_a_plain_breadth_first_search_finds_in_order(int hops, bool tiesFirst)
    {
        var random = new Random(5);
        for (var k = 0; k < 40; k++)
        {
            var center = Graph.Entities[random.Next(Graph.Entities.Length)];

            var hood = Graph.Neighbors(center.Id, hops);

            var expected = Reference(center, hops);
            Assert.Equal(expected.Members.Count, hood.Count);
            if (tiesFirst)
            {
                Assert.Equal(expected.Ties.Select(t => t.Id), hood.Ties.Select(t => t.Id));
            }

            Assert.Equal(expected.Members.Select(m => m.Entity.Id), hood.Entities.Select(e => e.Id));
            Assert.Equal(expected.Ties.Select(t => t.Id), hood.Ties.Select(t => t.Id));
            foreach (var (entity, distance) in expected.Members)
            {
                Assert.Equal(distance, hood.DistanceOf(entity));
            }
        }
    }

    [Fact]
    public void Neighbors_walks_only_the_given_types_and_gives_no_distance_to_outsiders()
    {
        var company = Graph.Ties.First(t => t.Type.Name == "hosts_on").From;

        var hood = Graph.Neighbors(company.Id, 2, "hosts_on");

        Assert.All(hood.Ties, t => Assert.Equal("hosts_on", t.Type.Name));
        Assert.All(hood.Entities, e => Assert.Equal(Kind.Company, e.Kind));
        var outsider = Graph.Entities.First(e => e.Kind == Kind.Contract);
        Assert.Null(hood.DistanceOf(outsider));
        Assert.Equal(0, hood.DistanceOf(company));
    }

    // Breadth-first search over the public tie lists, ordered as Neighbors documents: by distance, then ordinal id.
    private static (List<(Entity Entity, int Distance)> Members, List<Tie> Ties) Reference(Entity center, int hops)
    {
        var distance = new Dictionary<Entity, int> { [center] = 0 };
        var frontier = new List<Entity> { center };
        for (var hop = 1; hop <= hops; hop++)
        {
            var next = new List<Entity>();
            foreach (var node in frontier)
            {
                foreach (var other in Graph.TiesFrom(node).Select(t => t.To).Concat(Graph.TiesTo(node).Select(t => t.From)))
                {
                    if (distance.TryAdd(other, hop))
                    {
                        next.Add(other);
                    }
                }
            }

            frontier = next;
        }

        var members = distance.Select(d => (d.Key, d.Value)).OrderBy(d => d.Value).ThenBy(d => d.Key.Id, StringComparer.Ordinal).ToList();
        var ties = Graph.Ties.Where(t => distance.ContainsKey(t.From) && distance.ContainsKey(t.To)).ToList();
        return (members, ties);
    }

    private static TechTiesGraph Generated()
    {
        using var writer = new StringWriter();
        GraphGenerator.Write(writer, 3_000, 9);
        return TechTiesGraph.Parse(writer.ToString());
    }
}

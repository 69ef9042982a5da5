using TechTies.Benchmarks;

namespace TechTies.Tests.Benchmarks;

/// <summary>
/// Interlocks on a generated graph with hubs, against the definition read plainly: the entities two steps away in
/// either direction (the entity itself left out), each with the first-degree entities it shares, most shared first,
/// then by ordinal id.
/// </summary>
public class InterlocksOnGeneratedGraphTests
{
    private static readonly TechTiesGraph Graph = Generated();

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(2, Kind.Company)]
    [InlineData(3, Kind.Agency)]
    public void Interlocks_are_the_second_degree_entities_ranked_by_what_they_share(int seed, Kind? kind)
    {
        var random = new Random(seed);
        var entities = Graph.Entities.Where(e => e.Kind is not Kind.Source).ToList();
        var centres = Enumerable.Range(0, 12).Select(_ => entities[random.Next(entities.Count)])
            .Append(entities.MaxBy(e => Graph.TiesFrom(e).Length + Graph.TiesTo(e).Length)!);
        foreach (var centre in centres)
        {
            var first = Neighbours(centre).Where(e => e != centre).ToHashSet();
            var expected = first
                .SelectMany(middle => Neighbours(middle).Where(other => other != centre).Select(other => (Other: other, Middle: middle)))
                .Where(p => kind is null || p.Other.Kind == kind)
                .GroupBy(p => p.Other)
                .Select(g => $"{g.Key.Id}: {string.Join(",", g.Select(p => p.Middle.Id).Order(StringComparer.Ordinal))}")
                .ToList();
            var order = expected
                .OrderByDescending(line => line.Count(c => c == ',') + 1)
                .ThenBy(line => line[..line.IndexOf(':', StringComparison.Ordinal)], StringComparer.Ordinal);

            var interlocks = Graph.Interlocks(centre.Id, kind);

            Assert.Equal(order, interlocks.Select(i => $"{i.Entity.Id}: {string.Join(",", i.Shared.Select(e => e.Id))}"));
        }
    }

    private static IEnumerable<Entity> Neighbours(Entity entity) =>
        Graph.TiesFrom(entity).Select(t => t.To).Concat(Graph.TiesTo(entity).Select(t => t.From)).Distinct();

    private static TechTiesGraph Generated()
    {
        using var writer = new StringWriter();
        GraphGenerator.Write(writer, 2_000, 3);
        return TechTiesGraph.Parse(writer.ToString());
    }
}

using TechTies.Benchmarks;
using TechTies.Tests.Querying;

namespace TechTies.Tests.Benchmarks;

/// <summary>
/// Connect on a generated graph with hubs (agencies, cloud hosts, busy vendors with long rows of ties), where the
/// search keeps the useful part of each long row per hops left: the same connections, in the same order, as every
/// acyclic path the pattern matcher finds, less the contract detours.
/// </summary>
public class ConnectOnGeneratedGraphTests
{
    private static readonly TechTiesGraph Graph = Generated();

    [Fact]
    public void The_generated_graph_has_rows_long_enough_to_be_kept_by_hops_left()
    {
        // The search keeps rows of 64 ties or more (ConnectionSearch.FilterRowsFrom): the pairs below must cross such hubs.
        Assert.Contains(Graph.Entities, e => Graph.TiesFrom(e).Length + Graph.TiesTo(e).Length >= 64);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Connect_lists_the_first_connections_through_hubs_as_the_brute_force_does(int seed)
    {
        var random = new Random(seed);
        var candidates = Graph.Entities.Where(e => e.Kind is not Kind.Source).ToList();
        for (var pair = 0; pair < 6; pair++)
        {
            var from = candidates[random.Next(candidates.Count)].Id;
            var to = candidates[random.Next(candidates.Count)].Id;
            if (from == to)
            {
                continue;
            }

            var expected = Graph.Query($"{from} -[*1..3]- {to} limit 1000000").Where(p => !IsContractDetour(p)).ToList();
            var connections = Graph.Connect(from, to, new ConnectOptions { MaxHops = 3, Count = 7 });

            Assert.Equal(expected.Take(7).Select(BruteForce.Key), connections.Select(BruteForce.Key));
            Assert.Equal(expected.Count > 7, connections.IsTruncated);
        }
    }

    private static bool IsContractDetour(GraphPath path)
    {
        for (var i = 0; i + 1 < path.Steps.Length; i++)
        {
            var (into, outOf) = (path.Steps[i], path.Steps[i + 1]);
            string[] award = ["awarded_to", "awarded_by"];
            if (into.To is Contract contract && award.Contains(into.Type.Name) && award.Contains(outOf.Type.Name)
                && new[] { into.From.Id, outOf.To.Id }.Order().SequenceEqual(new[] { contract.VendorId, contract.AgencyId }.Order())
                && Graph.TiesFrom(Graph[contract.VendorId]).Any(t => t.Type.Name == "contracts_with" && t.Contract == contract))
            {
                return true;
            }
        }

        return false;
    }

    private static TechTiesGraph Generated()
    {
        using var writer = new StringWriter();
        GraphGenerator.Write(writer, 3_000, 9);
        return TechTiesGraph.Parse(writer.ToString());
    }
}

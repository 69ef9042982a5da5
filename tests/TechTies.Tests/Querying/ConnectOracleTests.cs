using FsCheck.Xunit;

namespace TechTies.Tests.Querying;

public class ConnectOracleTests
{
    private static readonly (string From, string To)[] Pairs = [("c0", "a0"), ("c1", "a2"), ("g0", "g1"), ("c0", "c3"), ("a1", "c2")];

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 100)]
    public void Connect_gives_the_shortest_undirected_paths_without_contract_detours(Scenario scenario)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");

        foreach (var (from, to) in Pairs)
        {
            // Every acyclic path of at most 3 steps either way, in the documented order, then the rule by hand.
            var expected = graph.Query($"{from} -[*1..3]- {to}").Where(p => !IsContractDetour(graph, p)).ToList();

            var shortest = graph.Connect(from, to, new ConnectOptions { MaxHops = 3, AllShortest = true });
            var firstFive = graph.Connect(from, to, new ConnectOptions { MaxHops = 3, Count = 5 });

            var minimum = expected.Count == 0 ? 0 : expected.Min(p => p.Length);
            Assert.Equal(expected.Where(p => p.Length == minimum).Select(BruteForce.Key), shortest.Select(BruteForce.Key));
            Assert.Equal(expected.Take(5).Select(BruteForce.Key), firstFive.Select(BruteForce.Key));
            // Truncated exactly when a connection was left out.
            Assert.Equal(expected.Count > 5, firstFive.IsTruncated);
            Assert.Equal(expected.Count > 0, graph.CanReach(from, to, new ConnectOptions { MaxHops = 3 }));
            Assert.Equal(expected.Count > 0 ? minimum : null, graph.Distance(from, to, new ConnectOptions { MaxHops = 3 }));
        }
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 20)]
    public void Connect_gives_the_same_answer_from_many_threads(Scenario scenario)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var expected = graph.Connect("c0", "a0").Select(BruteForce.Key).ToList();

        var results = new List<string>[16];
        Parallel.For(0, results.Length, i => results[i] = graph.Connect("c0", "a0").Select(BruteForce.Key).ToList());

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static bool IsContractDetour(TechTiesGraph graph, GraphPath path)
    {
        for (var i = 0; i + 1 < path.Steps.Length; i++)
        {
            var (into, outOf) = (path.Steps[i], path.Steps[i + 1]);
            string[] award = ["awarded_to", "awarded_by"];
            if (into.To is Contract contract && award.Contains(into.Type.Name) && award.Contains(outOf.Type.Name)
                && new[] { into.From.Id, outOf.To.Id }.Order().SequenceEqual(new[] { contract.VendorId, contract.AgencyId }.Order())
                && graph.Ties.Any(t => t.Type.Name == "contracts_with" && t.Contract == contract))
            {
                return true;
            }
        }

        return false;
    }
}

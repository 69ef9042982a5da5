using FsCheck.Xunit;

namespace TechTies.Tests.Querying;

/// <summary>
/// The connection search (breadth-first layers from both ends, then the shortest connections over the nodes between)
/// against a brute-force enumerator of every acyclic path, under random options.
/// </summary>
public class ConnectSearchTests
{
    private static readonly string?[] Dates = [null, null, "2012", "2014-06-01", "2016", "2018-03"];
    private static readonly string[] TypeNames = ["hosts_on", "contracts_with", "part_of", "member_of", "awarded_to", "awarded_by"];

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 150)]
    public void Connect_lists_the_connections_brute_force_finds_in_the_same_order(Scenario scenario, int seed)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var random = new Random(seed);
        var options = RandomOptions(random) with { AllShortest = random.Next(2) == 0, Count = random.Next(1, 7) };

        foreach (var (from, to) in RandomPairs(graph, random))
        {
            var all = AllPaths(graph, from, to, options);
            var kept = all.Where(p => !IsContractDetour(graph, p, options)).ToList();
            var expected = options.AllShortest
                ? kept.Where(p => p.Steps.Count == kept.Min(k => k.Steps.Count)).ToList()
                : kept.Take(options.Count).ToList();

            var connections = graph.Connect(from.Id, to.Id, options);

            Assert.Equal(expected.Select(p => p.Key), connections.Select(BruteForce.Key));
            var cut = !options.AllShortest && kept.Count > options.Count;
            Assert.Equal(cut, connections.IsTruncated);
            Assert.Equal(from == to ? 0 : all.Count == 0 ? null : all.Min(p => p.Steps.Count), graph.Distance(from.Id, to.Id, options));
        }
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 150)]
    public void The_expansion_budget_counts_each_step_of_each_shortest_connection_prefix_once(Scenario scenario, int seed)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var random = new Random(seed);
        var options = RandomOptions(random) with { AllShortest = true };

        foreach (var (from, to) in RandomPairs(graph, random))
        {
            var all = AllPaths(graph, from, to, options);
            var shortest = all.Count == 0 ? 0 : all.Min(p => p.Steps.Count);
            var tier = all.Where(p => p.Steps.Count == shortest).ToList();
            if (tier.Count == 0 || tier.All(p => IsContractDetour(graph, p, options)))
            {
                continue;
            }

            // The search walks the tree of the shortest connections' prefixes, one expansion per step of it.
            var prefixes = tier.SelectMany(p => Enumerable.Range(1, shortest).Select(k => string.Join(" ", p.Steps.Take(k).Select(s => s.Key)))).Distinct().Count();

            var enough = graph.Connect(from.Id, to.Id, options with { MaxExpansions = prefixes });
            var tooFew = graph.Connect(from.Id, to.Id, options with { MaxExpansions = prefixes - 1 == 0 ? 1 : prefixes - 1 });

            Assert.False(enough.IsTruncated);
            Assert.Equal(tier.Where(p => !IsContractDetour(graph, p, options)).Select(p => p.Key), enough.Select(BruteForce.Key));
            if (prefixes > 1)
            {
                Assert.Contains($"the expansion budget of {prefixes - 1} steps ran out", tooFew.TruncationReason, StringComparison.Ordinal);
                Assert.True(tooFew.Count < enough.Count || tier.Count(p => !IsContractDetour(graph, p, options)) < tier.Count);
                Assert.All(tooFew.Select(BruteForce.Key), key => Assert.Contains(key, enough.Select(BruteForce.Key)));
            }
        }
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 100)]
    public void A_neighbourhood_counts_lists_and_measures_what_a_breadth_first_search_reaches(Scenario scenario, int seed)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var random = new Random(seed);
        var center = graph.Entities[random.Next(graph.Entities.Length)];
        var hops = random.Next(1, 4);
        string[] types = random.Next(3) == 0 ? [] : [.. TypeNames.Where(_ => random.Next(2) == 0)];

        var hood = graph.Neighbors(center.Id, hops, types);

        var distance = new Dictionary<Entity, int> { [center] = 0 };
        var frontier = new List<Entity> { center };
        for (var hop = 1; hop <= hops; hop++)
        {
            frontier = [.. frontier
                .SelectMany(n => graph.TiesFrom(n).Where(t => types.Length == 0 || types.Contains(t.Type.Name)).Select(t => t.To)
                    .Concat(graph.TiesTo(n).Where(t => types.Length == 0 || types.Contains(t.Type.Name)).Select(t => t.From)))
                .Where(other => distance.TryAdd(other, hop))];
        }

        Assert.Equal(distance.Count, hood.Count);
        Assert.Equal(distance.OrderBy(d => d.Value).ThenBy(d => d.Key.Id, StringComparer.Ordinal).Select(d => d.Key.Id), hood.Entities.Select(e => e.Id));
        Assert.All(graph.Entities, e => Assert.Equal(distance.TryGetValue(e, out var d) ? d : null, hood.DistanceOf(e)));
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 100)]
    public void A_neighbourhood_answers_the_same_whichever_of_its_members_ties_and_distances_is_asked_first(Scenario scenario, int seed)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var random = new Random(seed);
        var center = graph.Entities[random.Next(graph.Entities.Length)];
        var hops = random.Next(1, 4);
        string[] types = random.Next(3) == 0 ? [] : [.. TypeNames.Where(_ => random.Next(2) == 0)];
        var reference = graph.Neighbors(center.Id, hops, types);
        var expected = (Count: reference.Count, Entities: reference.Entities.Select(e => e.Id).ToList(), Ties: reference.Ties.Select(t => t.Id).ToList(),
            Distances: graph.Entities.Select(reference.DistanceOf).ToList());

        var hood = graph.Neighbors(center.Id, hops, types);
        var answers = new Action[]
        {
            () => Assert.Equal(expected.Ties, hood.Ties.Select(t => t.Id)),
            () => Assert.Equal(expected.Distances, graph.Entities.Select(hood.DistanceOf)),
            () => Assert.Equal(expected.Entities, hood.Entities.Select(e => e.Id)),
        };

        foreach (var answer in answers.OrderBy(_ => random.Next()))
        {
            answer();
            Assert.Equal(expected.Count, hood.Count);
        }

        Assert.Equal(expected.Entities.Count, expected.Count);
        Assert.Equal(expected.Entities.Count, hood.Entities.Length);
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 20)]
    public void A_neighbourhood_lists_its_entities_and_ties_once_for_threads_that_ask_at_the_same_time(Scenario scenario)
    {
        var graph = TechTiesGraph.Parse(scenario.Yaml, "random.yaml");
        var expected = graph.Neighbors("c0", 3).Entities.Select(e => e.Id).ToList();
        var expectedTies = graph.Neighbors("c0", 3).Ties.Select(t => t.Id).ToList();
        var hood = graph.Neighbors("c0", 3);

        // Some threads ask for the ties first, which list the members on the way.
        var seen = new List<string>[16];
        var ties = new List<string>[16];
        Parallel.For(0, seen.Length, i =>
        {
            ties[i] = i % 2 == 0 ? [.. hood.Ties.Select(t => t.Id)] : [];
            seen[i] = [.. hood.Entities.Select(e => e.Id)];
        });

        Assert.All(seen, s => Assert.Equal(expected, s));
        Assert.All(ties.Where((_, i) => i % 2 == 0), t => Assert.Equal(expectedTies, t));
    }

    private static ConnectOptions RandomOptions(Random random) => new()
    {
        MaxHops = random.Next(1, 5),
        Directed = random.Next(3) == 0,
        Types = random.Next(3) == 0 ? [.. TypeNames.Where(_ => random.Next(3) > 0)] : [],
        AsOf = Dates[random.Next(Dates.Length)] is { } date ? PartialDate.Parse(date) : null,
    };

    private static IEnumerable<(Entity From, Entity To)> RandomPairs(TechTiesGraph graph, Random random)
    {
        var entities = graph.Entities.Where(e => e.Kind != Kind.Source).ToList();
        for (var k = 0; k < 6; k++)
        {
            yield return (entities[random.Next(entities.Count)], entities[random.Next(entities.Count)]);
        }
    }

    // Every acyclic path of at most MaxHops steps, parallel ties of one type and direction grouped into one step,
    // in the documented order: fewer steps, then node ids, then each step's type, direction and tie ids.
    private static List<Found> AllPaths(TechTiesGraph graph, Entity from, Entity to, ConnectOptions options)
    {
        var time = new TechTies.Querying.PathQuery { AsOf = options.AsOf };
        var results = new List<Found>();
        if (from != to)
        {
            Extend([from], []);
        }

        return [.. results.Order(Comparer<Found>.Create(Compare))];

        void Extend(List<Entity> nodes, List<Step> steps)
        {
            var here = nodes[^1];
            if (here == to)
            {
                results.Add(new Found(nodes, steps));
                return;
            }

            if (steps.Count == options.MaxHops)
            {
                return;
            }

            var groups = graph.Ties
                .Where(t => IsWalkable(t, options, time))
                .SelectMany(t => new[] { (Tie: t, Backward: false), (Tie: t, Backward: true) })
                .Where(x => x.Backward ? !options.Directed && x.Tie.To == here : x.Tie.From == here)
                .GroupBy(x => (Other: x.Backward ? x.Tie.From : x.Tie.To, x.Tie.Type.Name, x.Backward));
            foreach (var group in groups.Where(g => !nodes.Contains(g.Key.Other)))
            {
                var step = new Step(here, group.Key.Other, group.Key.Name, group.Key.Backward, [.. group.Select(x => x.Tie).OrderBy(t => t.Id, StringComparer.Ordinal)]);
                Extend([.. nodes, group.Key.Other], [.. steps, step]);
            }
        }
    }

    private static int Compare(Found a, Found b)
    {
        var c = a.Steps.Count.CompareTo(b.Steps.Count);
        for (var i = 0; c == 0 && i < a.Nodes.Count; i++)
        {
            c = string.CompareOrdinal(a.Nodes[i].Id, b.Nodes[i].Id);
        }

        for (var i = 0; c == 0 && i < a.Steps.Count; i++)
        {
            var (x, y) = (a.Steps[i], b.Steps[i]);
            c = string.CompareOrdinal(x.Type, y.Type);
            c = c != 0 ? c : x.Backward.CompareTo(y.Backward);
            c = c != 0 ? c : x.Ties.Count.CompareTo(y.Ties.Count);
            for (var t = 0; c == 0 && t < x.Ties.Count; t++)
            {
                c = string.CompareOrdinal(x.Ties[t].Id, y.Ties[t].Id);
            }
        }

        return c;
    }

    private static bool IsWalkable(Tie tie, ConnectOptions options, TechTies.Querying.PathQuery time) =>
        (options.Types.IsEmpty || options.Types.Contains(tie.Type.Name)) && time.HoldsInTime(tie);

    // The documented rule: through a contract from its vendor to its agency (or back) over award ties, when the
    // contracts_with tie carrying the contract can be walked under the same options.
    private static bool IsContractDetour(TechTiesGraph graph, Found path, ConnectOptions options)
    {
        string[] award = ["awarded_to", "awarded_by"];
        var time = new TechTies.Querying.PathQuery { AsOf = options.AsOf };
        for (var i = 0; i + 1 < path.Steps.Count; i++)
        {
            var (into, outOf) = (path.Steps[i], path.Steps[i + 1]);
            if (into.To is Contract contract && award.Contains(into.Type) && award.Contains(outOf.Type)
                && new[] { into.From.Id, outOf.To.Id }.Order().SequenceEqual(new[] { contract.VendorId, contract.AgencyId }.Order())
                && graph.Ties.Any(t => t.Type.Name == "contracts_with" && t.Contract == contract && IsWalkable(t, options, time)))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Step(Entity From, Entity To, string Type, bool Backward, List<Tie> Ties)
    {
        public string Key => $"{From.Id}>{To.Id}:{Type}{(Backward ? "<" : ">")}[{string.Join(",", Ties.Select(t => t.Id))}]";
    }

    private sealed record Found(List<Entity> Nodes, List<Step> Steps)
    {
        public string Key => BruteForce.Key(Nodes, Steps.Select(s => (s.Type, s.Backward, s.Ties)));
    }
}

using TechTies.Benchmarks;
using TechTies.Tests.Querying;

namespace TechTies.Tests.Benchmarks;

/// <summary>
/// A limit on a pattern with thousands of matches: the search keeps only the first paths in the documented order while
/// it runs (pushing out later ones, and moving the kept ones together now and then), and still counts them all.
/// </summary>
public class QueryLimitOnGeneratedGraphTests
{
    private static readonly TechTiesGraph Graph = Generated();

    public static TheoryData<string> Patterns => new()
    {
        "(:company) -[hosts_on]-> (:company) -[contracts_with]-> (:agency)",
        "(:contract) -[awarded_by]-> (:agency) -[part_of*1..2]-> (:agency)",
        "(:company) -[*1..2]- (:agency)",
        "(:company) -[contracts_with]-> (:agency) <-[awarded_by]- (:contract) expand",
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void A_limit_keeps_the_first_paths_of_the_full_result_and_counts_them_all(string pattern)
    {
        var all = Graph.Query(pattern + " limit 10000000");
        Assert.False(all.IsTruncated);
        Assert.True(all.Count > 1_500, $"{pattern} has only {all.Count} matches");

        foreach (var limit in new[] { 1, 2, 7, 100, 1_000 })
        {
            var first = Graph.Query($"{pattern} limit {limit}");

            Assert.Equal(all.Take(limit).Select(BruteForce.Key), first.Select(BruteForce.Key));
            Assert.Equal($"the limit of {limit} paths kept the first {limit} of {all.Count}", first.TruncationReason);
        }
    }

    [Fact]
    public void A_limit_on_a_pattern_walked_from_its_fixed_end_keeps_the_same_first_paths()
    {
        // Only the last node is named, so the search starts there and keeps its paths reversed.
        var agency = Graph.Entities.OfType<Agency>().OrderByDescending(a => Graph.TiesTo(a).Length).First().Id;
        var pattern = $"(:company) -[*1..2]- {agency}";
        var all = Graph.Query(pattern + " limit 10000000");
        Assert.True(all.Count > 200, $"{pattern} has only {all.Count} matches");

        foreach (var limit in new[] { 1, 3, 50 })
        {
            Assert.Equal(all.Take(limit).Select(BruteForce.Key), Graph.Query($"{pattern} limit {limit}").Select(BruteForce.Key));
        }
    }

    private static TechTiesGraph Generated()
    {
        using var writer = new StringWriter();
        GraphGenerator.Write(writer, 3_000, 5);
        return TechTiesGraph.Parse(writer.ToString());
    }
}

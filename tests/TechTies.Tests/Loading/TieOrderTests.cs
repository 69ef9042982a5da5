using System.Text;
using FsCheck.Xunit;

namespace TechTies.Tests.Loading;

public class TieOrderTests
{
    // Parts of ids chosen so that one id is often a prefix of another and '-' (which sorts before '/') follows it.
    private static readonly string[] IdParts = ["a", "b", "ab", "0", "1", "a0", "10"];

    [Property(MaxTest = 300)]
    public void Loaded_ties_are_in_ordinal_order_of_their_ids(int seed)
    {
        var graph = TechTiesGraph.Parse(RandomGraph(new Random(seed)), "ties.yaml");
        var ids = graph.Ties.Select(t => t.Id).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Property(MaxTest = 300)]
    public void Parallel_ties_are_numbered_in_the_order_they_are_written(int seed)
    {
        var graph = TechTiesGraph.Parse(RandomGraph(new Random(seed)), "ties.yaml");

        foreach (var parallel in graph.Ties.GroupBy(t => t.Id.Split('#')[0], StringComparer.Ordinal))
        {
            var written = parallel.OrderBy(t => t.Location!.Line).ThenBy(t => t.Location!.Column).Select(t => t.Id);
            var numbered = Enumerable.Range(1, parallel.Count()).Select(n => n == 1 ? parallel.Key : $"{parallel.Key}#{n}");
            Assert.Equal(numbered, written);
        }
    }

    [Fact]
    public void Ties_whose_ends_differ_after_a_shared_start_are_in_ordinal_order()
    {
        var graph = TechTiesGraph.Parse("""
            techties: 1
            relationship_types:
              rel: { from: [company], to: [company], label: rel, inverse: rel by }
              rel_a: { from: [company], to: [company], label: rel a, inverse: rel a by }
            companies:
              a: { name: A }
              a-b: { name: A B }
              a0: { name: A0 }
              b: { name: B }
            ties:
              - { from: a, type: rel, to: b }
              - { from: a-b, type: rel, to: a }
              - { from: a, type: rel_a, to: a-b }
              - { from: a, type: rel_a, to: a0 }
              - { from: a, type: rel_a, to: a0 }
              - { from: a0, type: rel, to: a }
              - { from: b, type: hosts_on, to: a-b }
              - { from: b, type: hosts_on, to: a }
            """);

        Assert.Equal(["a-b/rel/a", "a/rel/b", "a/rel_a/a-b", "a/rel_a/a0", "a/rel_a/a0#2", "a0/rel/a", "b/hosts_on/a", "b/hosts_on/a-b"], graph.Ties.Select(t => t.Id));
    }

    // Companies and agencies with prefix-sharing ids; contracts (whose contracts_with ties carry the contract in
    // their ids) between them; hosts_on ties, some written many times over so that parallel numbers reach #10 and more.
    private static string RandomGraph(Random random)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < 14)
        {
            ids.Add(string.Join('-', Enumerable.Range(0, random.Next(1, 4)).Select(_ => IdParts[random.Next(IdParts.Length)])));
        }

        var pool = ids.ToArray();
        var companies = pool[..6];
        var agencies = pool[6..10];
        var contracts = pool[10..];
        var yaml = new StringBuilder("techties: 1\ncompanies:\n");
        foreach (var id in companies)
        {
            yaml.Append($"  {id}: {{ name: N {id} }}\n");
        }

        yaml.Append("agencies:\n");
        foreach (var id in agencies)
        {
            yaml.Append($"  {id}: {{ name: N {id} }}\n");
        }

        yaml.Append("contracts:\n");
        foreach (var id in contracts)
        {
            var vendor = companies[random.Next(2)];
            var agency = agencies[random.Next(2)];
            var office = random.Next(2) == 0 ? $", office: {agencies[2 + random.Next(2)]}" : string.Empty;
            yaml.Append($"  {id}: {{ title: T {id}, vendor: {vendor}, agency: {agency}{office} }}\n");
        }

        yaml.Append("ties:\n");
        for (var i = random.Next(0, 30); i > 0; i--)
        {
            var from = companies[random.Next(companies.Length)];
            var (type, to) = random.Next(3) == 0 ? ("contracts_with", agencies[random.Next(agencies.Length)]) : ("hosts_on", companies[random.Next(companies.Length)]);
            var times = random.Next(4) == 0 ? random.Next(1, 13) : 1;
            for (var n = from == to ? 0 : times; n > 0; n--)
            {
                yaml.Append($"  - {{ from: {from}, type: {type}, to: {to} }}\n");
            }
        }

        return yaml.ToString();
    }
}

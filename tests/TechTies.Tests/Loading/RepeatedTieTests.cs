namespace TechTies.Tests.Loading;

public class RepeatedTieTests
{
    private const string Header = """
        techties: 1
        sources:
          s1: { title: Hosting report, kind: news }
          s2: { title: Another report, kind: news }
        companies:
          acme: { name: Acme Cloud }

        """;

    [Fact]
    public void A_tie_written_twice_loads_as_two_parallel_ties_with_a_warning_at_the_later_one()
    {
        var graph = TechTiesGraph.Parse(Header + """
              globex: { name: Globex, hosts_on: { to: acme, since: 2018, sources: [s1] } }
            ties:
              - { from: globex, type: hosts_on, to: acme, since: 2018, sources: [s1] }
            """, "twice.yaml");

        Assert.Equal(["globex/hosts_on/acme", "globex/hosts_on/acme#2"], graph.Ties.Select(t => t.Id).Order(StringComparer.Ordinal));
        var warning = Assert.Single(graph.Warnings);
        Assert.Equal(DiagnosticCodes.RepeatedTie, warning.Code);
        Assert.Equal((7, 27), (warning.Line, warning.Column));
        Assert.Equal("this hosts_on tie from 'globex' to 'acme' repeats the one at twice.yaml:9:27, with the same dates, amount, status, description and sources", warning.Message);
    }

    [Theory]
    [InlineData("since: 2019, sources: [s1]")]
    [InlineData("since: 2018, sources: [s2]")]
    [InlineData("since: 2018, sources: [s1, s2]")]
    [InlineData("since: 2018, status: denied, sources: [s1]")]
    [InlineData("since: 2018, description: the second contract, sources: [s1]")]
    public void Parallel_ties_that_differ_in_a_fact_load_without_a_warning(string other)
    {
        var graph = TechTiesGraph.Parse(Header + $$"""
              globex: { name: Globex, hosts_on: { to: acme, since: 2018, sources: [s1] } }
            ties:
              - { from: globex, type: hosts_on, to: acme, {{other}} }
            """, "parallel.yaml");

        Assert.Equal(2, graph.Ties.Length);
        Assert.Empty(graph.Warnings);
    }
}

using TechTies.Querying;

namespace TechTies.Tests.Export;

public class CypherTests
{
    private static readonly TechTiesGraph Graph = TechTiesGraph.LoadBuiltIn();

    [Fact]
    public void A_pattern_becomes_a_cypher_match_over_the_neo4j_export_with_acyclic_paths_spelled_out()
    {
        var cypher = PathQuery.Parse("palantir -[hosts_on]-> (:company) -[contracts_with]-> ice", Graph).ToCypher();

        Assert.Equal(
            "MATCH p = (n0:Entity {id: 'palantir'})-[:HOSTS_ON]->(n1:Entity:Company)-[:CONTRACTS_WITH]->(n2:Entity {id: 'ice'})\n"
            + "WHERE ALL(i IN range(0, size(nodes(p)) - 2) WHERE NONE(j IN range(i + 1, size(nodes(p)) - 1) WHERE nodes(p)[i] = nodes(p)[j]))\n"
            + "RETURN p\nORDER BY length(p)\nLIMIT 1000",
            cypher);
    }

    [Fact]
    public void Directions_alternation_bounds_and_as_of_dates_carry_over()
    {
        var cypher = PathQuery.Parse("? <-[signed|organized]- (:group) -[part_of*1..3]- ? asof 2018-08-01 limit 5", Graph).ToCypher();

        Assert.Contains("(n0:Entity)<-[:ORGANIZED|SIGNED]-(n1:Entity:Group)-[:PART_OF*1..3]-(n2:Entity)", cypher, StringComparison.Ordinal);
        Assert.Contains("ALL(r IN relationships(p) WHERE (r.since IS NULL OR r.since <= '2018-08-01') AND (r.until IS NULL OR r.until >= '2018-08-01' OR '2018-08-01' STARTS WITH r.until))", cypher, StringComparison.Ordinal);
        Assert.EndsWith("LIMIT 5", cypher, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_in_values_are_escaped_and_the_fluent_form_gives_the_same_cypher()
    {
        var cypher = PathQuery.Parse("(x {name: \"O'Brien\"}) -[targets]-> ?", Graph).ToCypher();

        Assert.StartsWith("MATCH p = (n0:Entity)-[:TARGETS]->(n1:Entity)", cypher, StringComparison.Ordinal);
        Assert.Contains("toLower('O\\'Brien')", cypher, StringComparison.Ordinal);
        Assert.Equal(PathQuery.Parse("? -[targets]-> ?", Graph).ToCypher(), Graph.FromAny().Out("targets").ToAny().ToCypher());
    }

    [Fact]
    public void A_csharp_predicate_cannot_be_written_as_cypher()
    {
        var query = Graph.From("palantir").Out("hosts_on").ToAny().Where(e => e.Name.Length > 3).Query;

        Assert.Throws<NotSupportedException>(() => query.ToCypher());
    }
}

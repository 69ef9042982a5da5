using TechTies.Querying;
using TechTies.Tests.Loading;

namespace TechTies.Tests.Querying;

public class QueryParserTests
{
    private static readonly TechTiesGraph Graph = TechTiesGraph.LoadBuiltIn();

    private const string RepeatedVariable = "a repeated variable (the same entity at two nodes) is not supported: give each node its own variable, or name the entity at both nodes (with mode trail or walk: an acyclic path never repeats an entity)";

    private const string SourceIsNotTied = "sources are not tied to anything; ties and entities cite them. To find what a source supports, use graph.TiesCiting(graph[\"{0}\"]) and graph.EntitiesCiting(graph[\"{0}\"])";

    private const string SourcesAreNotTied = "sources are not tied to anything; ties and entities cite them. To find what a source supports, use graph.TiesCiting(source) and graph.EntitiesCiting(source)";

    private const string NeedsAnEdge = "a pattern needs at least one edge, such as 'palantir -- ?'; a node alone matches no path. To look an entity up, use graph.Find(name)";

    [Theory]
    [InlineData("palantir -[hosts_on]-> ? -[contracts_with]-> ice", "palantir -[hosts_on]-> ? -[contracts_with]-> ice")]
    [InlineData("Palantir   -[:hosts_on]->  (:company)", "palantir -[hosts_on]-> (:company)")]
    [InlineData("\"U.S. Immigration and Customs Enforcement\" -[part_of]-> DHS", "ice -[part_of]-> dhs")]
    [InlineData("ice <-[contracts_with]- ?", "ice <-[contracts_with]- ?")]
    [InlineData("ice -[contracts_with]- ()", "ice -[contracts_with]- ?")]
    [InlineData("ice --> ?", "ice --> ?")]
    [InlineData("ice -- ?", "ice -- ?")]
    [InlineData("ice <-- ?", "ice <-- ?")]
    [InlineData("ice -[part_of*1..3]-> ?", "ice -[part_of*1..3]-> ?")]
    [InlineData("ice -[part_of*2]-> ?", "ice -[part_of*2]-> ?")]
    [InlineData("ice -[part_of*..2]-> ?", "ice -[part_of*1..2]-> ?")]
    [InlineData("ice -[uses|part_of]-> ?", "ice -[part_of|uses]-> ?")]
    [InlineData("(p:protest {type: letter, place: \"Palantir Headquarters, Palo Alto, CA\"}) <-[signed]- (g)", "(p:protest {type: letter, place: \"Palantir Headquarters, Palo Alto, CA\"}) <-[signed]- (g)")]
    [InlineData("? -[signed]-> palantir-open-letter-2018 ASOF 2018-08-01 limit 5", "? -[signed]-> palantir-open-letter-2018 asof 2018-08-01 limit 5")]
    [InlineData("palantir --> ice during 2015..2019-06 mode trail expand", "palantir --> ice during 2015..2019-06 mode trail expand")]
    public void A_pattern_prints_in_its_normalized_form(string pattern, string normalized)
    {
        Assert.Equal(normalized, PathQuery.Parse(pattern, Graph).ToQueryString());
        Assert.Equal(PathQuery.Parse(pattern, Graph), PathQuery.Parse(normalized, Graph));
    }

    [Fact]
    public void The_fluent_form_prints_a_pattern_that_parses_back_to_an_equal_model()
    {
        var fluent = Graph.From("palantir").Out("hosts_on").To(Kind.Company).Out("contracts_with").To("ice")
            .AsOf(new DateOnly(2018, 8, 1)).Limit(10);

        Assert.Equal("palantir -[hosts_on]-> (:company) -[contracts_with]-> ice asof 2018-08-01 limit 10", fluent.ToQueryString());
        Assert.Equal(fluent.Query, PathQuery.Parse(fluent.ToQueryString(), Graph));
    }

    [Fact]
    public void Every_fluent_feature_with_a_text_form_round_trips()
    {
        var fluent = Graph.From(Kind.Group).Both("signed", "organized").Hops(1, 2).ToAny().In().To("palantir")
            .During(new PartialDate(2015), new PartialDate(2019, 6)).Mode(TraversalMode.Walk).ExpandParallel();

        Assert.Equal("(:group) -[organized|signed*1..2]- ? <-- palantir during 2015..2019-06 mode walk expand", fluent.ToQueryString());
        Assert.Equal(fluent.Query, PathQuery.Parse(fluent.ToQueryString(), Graph));
    }

    [Fact]
    public void A_query_has_one_time_filter_and_the_last_one_set_counts()
    {
        var during = Graph.From("palantir").Out("hosts_on").To("amazon").AsOf(new DateOnly(2018, 8, 1)).During(new PartialDate(2015), new PartialDate(2016));
        var asOf = Graph.From("palantir").Out("hosts_on").To("amazon").During(new PartialDate(2015), new PartialDate(2016)).AsOf(new PartialDate(2018));

        Assert.Equal("palantir -[hosts_on]-> amazon during 2015..2016", during.ToQueryString());
        Assert.Equal("palantir -[hosts_on]-> amazon asof 2018", asOf.ToQueryString());
    }

    [Fact]
    public void A_where_right_after_an_edge_ends_it_and_a_to_after_it_says_why_it_cannot_follow()
    {
        var fluent = Graph.From("palantir").Out("contracts_with").Where(e => e.Kind == Kind.Agency);

        Assert.Equal(["ice"], fluent.Paths().Select(p => p.End.Id).Distinct());
        var error = Assert.Throws<InvalidOperationException>(() => fluent.To("ice"));
        Assert.StartsWith("Add an edge (Out, In or Both) before the next To: the path already ends at a node", error.Message);
        Assert.Contains("put Where after To", error.Message);
    }

    [Fact]
    public void A_predicate_has_no_text_form()
    {
        var fluent = Graph.From("palantir").Out().Where(e => e.Kind == Kind.Agency);

        var error = Assert.Throws<InvalidOperationException>(fluent.ToQueryString);
        Assert.Equal("A node pattern with a C# predicate has no text form.", error.Message);
        Assert.Equal("palantir --> ? (with C# predicates)", fluent.ToString());
    }

    [Fact]
    public void An_unbounded_star_is_capped_with_a_warning()
    {
        var result = Graph.Query("ice -[part_of*]-> ?");

        Assert.Equal("ice -[part_of*1..6]-> ?", result.Query);
        Assert.Equal("An unbounded '*' at column 14 is capped at 6 hops.", Assert.Single(result.Warnings));
    }

    [Theory]
    [InlineData("", 1, "the pattern is empty; start with an entity name, ? or (:kind)")]
    [InlineData("palantir -[host_on]-> ice", 12, "unknown relationship type 'host_on' (did you mean 'hosts_on'?); known types: awarded_by, awarded_to, ceo_of, contracts_with, covers, donated_to, hosts_on, made_by, member_of, organized, part_of, sells_to, signed, subsidiary_of, targets, uses, uses_data_from, works_for")]
    [InlineData("palantir -[hosts_on]-> ", 24, "expected a node after the edge: an entity name, ? or (:kind)")]
    [InlineData("palantir -[hosts_on> ice", 20, "expected ']' but found '>'")]
    [InlineData("palantir <-[hosts_on]-> ice", 10, "an edge points one way or none (<-[t]- , -[t]-> or -[t]-), not both")]
    [InlineData("(:firm) --> ice", 3, "unknown kind 'firm'; known kinds: company, agency, contract, protest, group, person, product, source")]
    [InlineData("ice -[part_of*3..2]-> ?", 14, "the hop range 3..2 is empty; write the lower bound first")]
    [InlineData("ice -[part_of*0..2]-> ?", 15, "a hop count starts at 1")]
    [InlineData("ice -[part_of*1..11]-> ?", 14, "at most 10 hops are allowed, not 11")]
    [InlineData("ice --> ? asof 2018-13-01", 16, "expected a date such as 2018, 2018-07 or 2018-08-01 but found '2018-13-01'")]
    [InlineData("ice --> ? limit 0", 17, "the limit must be at least 1")]
    [InlineData("ice --> ? sortby name", 11, "unknown clause 'sortby'; expected asof, during, limit, mode or expand")]
    [InlineData("(:agency {color: red}) --> ice", 11, "unknown property 'color'; known properties: award_id, id, name, place, publisher, type")]
    [InlineData("ice --> \"unclosed", 9, "the quoted name has no closing '\"'")]
    [InlineData("(x) -[hosts_on]-> (x)", 20, "the variable 'x' is already used at column 2; " + RepeatedVariable)]
    [InlineData("(x:company) -[hosts_on]-> (y) -[hosts_on]- (x) mode walk", 45, "the variable 'x' is already used at column 2; " + RepeatedVariable)]
    [InlineData("palantir", 9, NeedsAnEdge)]
    [InlineData("(:company)", 11, NeedsAnEdge)]
    [InlineData("?", 2, NeedsAnEdge)]
    [InlineData("(:protest {type: rally})", 25, NeedsAnEdge)]
    [InlineData("palantir limit 3", 10, NeedsAnEdge)]
    [InlineData("palantir -- ? limit 1 limit 2", 23, "'limit' is already given at column 15; give each clause once")]
    [InlineData("palantir -- ? asof 2018 asof 2019", 25, "'asof' is already given at column 15; give each clause once")]
    [InlineData("palantir -- ? during 2015..2016 during 2017..2018", 33, "'during' is already given at column 15; give each clause once")]
    [InlineData("palantir -- ? asof 2018 during 2015..2019", 25, "'during' after 'asof' at column 15; a pattern has one time filter, asof or during")]
    [InlineData("palantir -- ? mode trail mode walk", 26, "'mode' is already given at column 15; give each clause once")]
    [InlineData("palantir -- ? expand EXPAND", 22, "'expand' is already given at column 15; give each clause once")]
    public void A_malformed_pattern_names_the_column_and_points_at_it(string pattern, int column, string problem)
    {
        var error = Assert.Throws<QueryParseException>(() => PathQuery.Parse(pattern, Graph));

        Assert.Equal(column, error.Column);
        Assert.Equal(problem, error.Problem);
        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal($"col {column}: {problem}", lines[0]);
        Assert.Equal("  " + pattern, lines[1]);
        Assert.Equal(new string(' ', column + 1) + "^", lines[2]);
    }

    [Theory]
    [InlineData("(:source) -[targets]-> palantir", 3, "(:source) matches no path: ", null)]
    [InlineData("palantir -- (:source {publisher: \"USA Really\"})", 15, "(:source) matches no path: ", null)]
    [InlineData("(:source)", 3, "(:source) matches no path: ", null)]
    [InlineData("palantir -- ? -- usareally-2018-08-01", 18, "'usareally-2018-08-01' is a source and matches no path: ", "usareally-2018-08-01")]
    [InlineData("\"Protestors Are Asking Palantir’s CEO to Cancel the Company’s Contract With ICE\" -- ?", 1, "'Protestors Are Asking Palantir’s CEO to Cancel the Company’s Contract With ICE' is the source usareally-2018-08-01 and matches no path: ", "usareally-2018-08-01")]
    public void A_source_node_is_an_error_that_says_sources_are_cited_not_tied_and_points_to_what_cites_them(string pattern, int column, string start, string? id)
    {
        var error = Assert.Throws<QueryParseException>(() => Graph.Query(pattern));

        Assert.Equal(column, error.Column);
        Assert.Equal(start + (id is null ? SourcesAreNotTied : string.Format(System.Globalization.CultureInfo.InvariantCulture, SourceIsNotTied, id)), error.Problem);
    }

    [Fact]
    public void A_source_node_matches_when_the_graph_declares_a_relationship_type_that_ties_sources()
    {
        var graph = Yaml.Load("""
            techties: 1
            relationship_types:
              commissioned: { from: [company], to: [source], label: commissioned, inverse: commissioned by }
            sources:
              study: { title: A study, kind: report }
            companies:
              acme: { name: Acme, commissioned: study }
            """);

        Assert.Equal(["Acme -> commissioned -> A study"], graph.Query("acme -[commissioned]-> (:source)").Select(p => p.ToString()));
        Assert.Equal(["A study -> commissioned by -> Acme"], graph.Query("study -- ?").Select(p => p.ToString()));
    }

    [Fact]
    public void An_unknown_entity_name_throws_the_lookup_error_with_candidates()
    {
        var error = Assert.Throws<EntityLookupException>(() => Graph.Query("palantirr -[hosts_on]-> ?"));

        Assert.Equal(LookupFailure.NotFound, error.Failure);
        Assert.Contains(error.Candidates, c => c.Id == "palantir");
    }

    [Fact]
    public void A_variable_used_once_is_a_label_that_changes_no_result()
    {
        var labelled = Graph.Query("(x:company) -[hosts_on]-> (y)");
        var plain = Graph.Query("(:company) -[hosts_on]-> ?");

        Assert.Equal("(x:company) -[hosts_on]-> (y)", labelled.Query);
        Assert.NotEmpty(plain);
        Assert.Equal(plain.Select(p => p.ToString()), labelled.Select(p => p.ToString()));
    }

    [Fact]
    public void A_query_model_that_repeats_a_variable_is_refused_by_query_and_count()
    {
        var x = new NodePattern { Variable = "x" };
        var query = new PathQuery { Nodes = [x, x], Edges = [new EdgePattern { Types = ["hosts_on"] }] };
        const string Message = "The variable 'x' names more than one node; a repeated variable (the same entity at two nodes) is not supported. (Parameter 'query')";

        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => Graph.Query(query)).Message);
        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => Graph.Count(query)).Message);
    }

    [Fact]
    public void A_query_model_without_an_edge_is_refused_instead_of_finding_nothing()
    {
        const string Message = "A query needs at least one edge; a node alone matches no path. To look an entity up, use graph.Find(name). (Parameter 'query')";

        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => Graph.From("palantir").Paths()).Message);
        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => Graph.From(Kind.Company).Explain()).Message);
        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => Graph.Count(new PathQuery())).Message);
    }
}

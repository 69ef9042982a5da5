using TechTies.Querying;

namespace TechTies.Tests.Querying;

public class PathSemanticsTests
{
    private static readonly TechTiesGraph Graph = SmallGraphs.Contracts();

    [Fact]
    public void Parallel_contracts_between_the_same_pair_are_one_step_carrying_every_contract()
    {
        var path = Assert.Single(Graph.Query("acme -[contracts_with]-> dept"));

        var step = Assert.Single(path.Steps);
        Assert.Equal(["k1", "k2"], step.Contracts.Select(c => c.Id));
        Assert.Equal(2, step.Ties.Length);
        Assert.Equal(StepDirection.Forward, step.Direction);
        Assert.Equal("contracts with", step.Label);
    }

    [Fact]
    public void Expand_makes_one_path_per_parallel_tie()
    {
        var paths = Graph.Query("acme -[contracts_with]-> dept expand");

        Assert.Equal([["k1"], ["k2"]], paths.Select(p => p.Steps[0].Contracts.Select(c => c.Id).ToArray()));
    }

    [Fact]
    public void A_step_walked_backwards_reads_with_the_inverse_label()
    {
        var path = Assert.Single(Graph.Query("cloudco <-[hosts_on]- ?"));

        Assert.Equal("CloudCo -> hosts -> Acme", path.ToString());
        Assert.Equal(StepDirection.Backward, path.Steps[0].Direction);
        Assert.Same(Graph["cloudco"], path.Steps[0].From);
    }

    [Fact]
    public void As_of_keeps_only_ties_that_hold_that_day_and_keeps_undated_ties_with_a_warning()
    {
        var onDay = Assert.Single(Graph.Query("acme -[contracts_with]-> dept asof 2018-09-01"));
        Assert.Equal(["k2"], onDay.Steps[0].Contracts.Select(c => c.Id));
        Assert.False(onDay.IsUndated);

        var undated = Graph.Query("cloudco -[contracts_with]-> office asof 1990-01-01");
        Assert.True(Assert.Single(undated).IsUndated);
        Assert.Contains(undated.Warnings, w => w.Contains("cloudco/contracts_with/office/k3", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_hop_of_a_path_must_hold_at_the_as_of_date()
    {
        Assert.Empty(Graph.Query("acme -[hosts_on]-> cloudco -[contracts_with]-> office asof 2011-06-01"));
        Assert.Single(Graph.Query("acme -[hosts_on]-> cloudco -[contracts_with]-> office asof 2013-06-01"));
    }

    [Fact]
    public void During_keeps_ties_that_hold_on_some_day_of_the_span()
    {
        Assert.Equal(["k2"], Assert.Single(Graph.Query("acme -[contracts_with]-> dept during 2019..2020")).Steps[0].Contracts.Select(c => c.Id));
        Assert.Empty(Graph.Query("acme -[contracts_with]-> dept during 2020..2021"));
    }

    [Fact]
    public void A_year_as_of_date_keeps_ties_that_hold_on_some_day_of_that_year()
    {
        var step = Assert.Single(Graph.From("acme").Out("contracts_with").To("dept").AsOf(new PartialDate(2018)).Paths()).Steps[0];

        Assert.Equal(["k1", "k2"], step.Contracts.Select(c => c.Id));
    }

    [Fact]
    public void A_default_partial_date_given_to_the_builder_is_an_argument_error_that_says_what_to_pass()
    {
        var builder = Graph.From("acme").Out("contracts_with").To("dept");

        var asOf = Assert.Throws<ArgumentException>(() => builder.AsOf(default(PartialDate)));
        var during = Assert.Throws<ArgumentException>(() => builder.During(new PartialDate(2018), default));

        Assert.Equal("'date' is default(PartialDate), which is no date (it would filter as the year 0001): pass a date such as new PartialDate(2018, 8, 1) or PartialDate.Parse(\"2018-08\"), or do not call AsOf for no date filter. (Parameter 'date')", asOf.Message);
        Assert.Equal("date", asOf.ParamName);
        Assert.Equal("to", during.ParamName);
        Assert.StartsWith("'to' is default(PartialDate), which is no date", during.Message, StringComparison.Ordinal);
        Assert.Equal("from", Assert.Throws<ArgumentException>(() => builder.During(default, new PartialDate(2018))).ParamName);
    }

    [Fact]
    public void A_query_model_with_a_default_partial_date_does_not_run()
    {
        var query = Graph.From("acme").Out("contracts_with").To("dept").Query;

        var asOf = Assert.Throws<ArgumentException>(() => Graph.Query(query with { AsOf = default(PartialDate) }));
        var during = Assert.Throws<ArgumentException>(() => Graph.Count(query with { DuringFrom = default(PartialDate), DuringTo = new PartialDate(2020) }));

        Assert.Equal("AsOf is default(PartialDate), which is no date (it would filter as the year 0001): pass a date such as new PartialDate(2018, 8, 1) or PartialDate.Parse(\"2018-08\"), or leave AsOf null for no date filter. (Parameter 'query')", asOf.Message);
        Assert.StartsWith("DuringFrom is default(PartialDate)", during.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_model_with_a_default_partial_date_does_not_judge_a_tie()
    {
        var query = Graph.From("acme").Out("contracts_with").To("dept").Query;
        var tie = Graph.Ties[0];

        var asOf = Assert.Throws<InvalidOperationException>(() => (query with { AsOf = default(PartialDate) }).HoldsInTime(tie));
        var during = Assert.Throws<InvalidOperationException>(() => (query with { DuringFrom = new PartialDate(2018), DuringTo = default(PartialDate) }).HoldsInTime(tie));

        Assert.StartsWith("AsOf is default(PartialDate), which is no date", asOf.Message, StringComparison.Ordinal);
        Assert.StartsWith("DuringTo is default(PartialDate), which is no date", during.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_are_ordered_by_length_then_entity_ids()
    {
        var paths = Graph.Query("acme -[*1..3]- ?");

        Assert.Equal(
            ["acme>cloudco", "acme>dept", "acme>k1", "acme>k2", "acme>cloudco>k3", "acme>cloudco>office", "acme>dept>k1", "acme>dept>k2", "acme>dept>office"],
            paths.Take(9).Select(p => string.Join(">", p.Nodes.Select(n => n.Id))));
        Assert.All(paths, p => Assert.Equal(p.Nodes.Length, p.Nodes.Distinct().Count()));
    }

    [Fact]
    public void A_limit_cuts_the_results_and_says_so()
    {
        var all = Graph.Query("acme -[*1..3]- ?");
        var cut = Graph.Query("acme -[*1..3]- ? limit 2");

        Assert.False(all.IsTruncated);
        Assert.True(cut.IsTruncated);
        Assert.Equal($"the limit of 2 paths kept the first 2 of {all.Count}", cut.TruncationReason);
        Assert.Equal(all.Take(2).Select(p => p.ToString()), cut.Select(p => p.ToString()));
    }

    [Fact]
    public void An_exhausted_expansion_budget_is_reported_as_truncation()
    {
        var query = PathQuery.Parse("acme -[*1..3]- ?", Graph) with { MaxExpansions = 3 };

        var result = Graph.Query(query);

        Assert.True(result.IsTruncated);
        Assert.StartsWith("the expansion budget of 3 steps ran out", result.TruncationReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Acyclic_trail_and_walk_modes_allow_increasing_repetition()
    {
        const string yaml = SmallGraphs.Header + """
            groups:
              a: { name: A, member_of: [{ to: b, sources: [s] }] }
              b: { name: B, member_of: [{ to: a, sources: [s] }] }
            """;
        var graph = TechTiesGraph.Parse(yaml, "cycle.yaml");

        Assert.Empty(graph.Query("a -[member_of*2]-> a"));
        Assert.Equal(["A -> member of -> B -> member of -> A"], graph.Query("a -[member_of*2]-> a mode trail").Select(p => p.ToString()));
        Assert.Empty(graph.Query("a -[member_of*4]-> a mode trail"));
        Assert.Single(graph.Query("a -[member_of*4]-> a mode walk"));
        Assert.Equal(2, graph.Query("a -[member_of*2]- a mode walk").Count(p => p.Steps.All(s => s.Direction == StepDirection.Forward) || p.Steps.All(s => s.Direction == StepDirection.Backward)));
    }

    [Fact]
    public void A_pattern_fixed_only_at_its_end_gives_the_same_paths_as_walking_from_every_start()
    {
        var fromEnd = Graph.Query("? -[contracts_with|part_of]-> dept");
        var filtered = Graph.FromAny().Out("contracts_with", "part_of").ToAny().Paths().Where(p => p.End.Id == "dept");

        Assert.Equal(filtered.Select(p => p.ToString()), fromEnd.Select(p => p.ToString()));
        Assert.All(fromEnd, p => Assert.Equal("dept", p.End.Id));
    }

    [Fact]
    public void Node_filters_by_kind_and_property_restrict_the_entities()
    {
        Assert.Equal(["Acme -> contracts with -> Department of Things"], Graph.Query("(:company {name: acme}) -[contracts_with]-> (x:agency)").Select(p => p.ToString()));
        Assert.Equal(["cloudco"], Graph.Query("(:company) -[contracts_with]-> (:agency {name: \"office of stuff\"})").Select(p => p.Start.Id));
        Assert.Equal(["k2"], Graph.From(Kind.Contract).Where(e => e is Contract { Amount.Amount: < 1_000_000m }).Out("awarded_to").ToAny().Paths().Select(p => p.Start.Id));
    }

    [Fact]
    public void The_result_names_the_semantics_it_used()
    {
        var result = Graph.Query("acme -[contracts_with]-> dept asof 2018-01-01");

        Assert.Equal(
            "acyclic paths (no entity twice); parallel ties grouped into one step; every tie holds on 2018-01-01 (undated ties kept and flagged); ordered by length, then ids; at most 1000 paths and 1000000 expansions",
            result.Semantics);
    }

    [Fact]
    public void A_step_carries_the_citations_of_its_ties_as_evidence()
    {
        var step = Assert.Single(Graph.Query("acme -[hosts_on]-> cloudco")).Steps[0];

        Assert.Equal(["s"], step.Citations.Select(c => c.Source));
    }

    [Theory]
    [InlineData("(:contract {award_id: HSCETC14C00002}) -[awarded_to]-> ?", "(:contract {award_id: hscetc14c00002}) -[awarded_to]-> ?")]
    [InlineData("? -[hosts_on]- (:company {id: palantir})", "? -[hosts_on]- (:company {id: PALANTIR})")]
    [InlineData("? -[targets]- (:protest {type: rally})", "? -[targets]- (:protest {type: RALLY})")]
    public void Every_text_property_is_compared_ignoring_case(string exact, string otherCase)
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var expected = graph.Query(exact).Select(p => p.ToString()).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, graph.Query(otherCase).Select(p => p.ToString()));
    }

    [Fact]
    public void A_tie_that_ends_in_the_year_of_the_as_of_date_holds_at_that_precision_and_is_flagged()
    {
        var graph = TechTiesGraph.Parse(SmallGraphs.Header + """
            companies:
              acme: { name: Acme, hosts_on: { to: cloudco, since: 2015, until: 2018, sources: [s] } }
              cloudco: { name: CloudCo }
            """, "coarse.yaml");

        var paths = graph.Query("acme -[hosts_on]-> cloudco asof 2018-08-01");

        Assert.Single(paths);
        Assert.Equal(["1 tie(s) start or end in the month or year of 2018-08-01 and hold on it only at that precision: acme/hosts_on/cloudco."], paths.Warnings.ToArray());
    }

    [Fact]
    public void A_time_limit_that_runs_out_truncates_the_result_and_says_so()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var paths = graph.FromAny().Both().Hops(1, 4).ToAny().TimeLimit(TimeSpan.FromTicks(1)).Paths();
        var connections = graph.Connect("salesforce", "ice", new ConnectOptions { TimeLimit = TimeSpan.FromTicks(1) });

        Assert.True(paths.IsTruncated);
        Assert.Equal("the time limit of 0.0001 ms ran out; more paths may exist", paths.TruncationReason);
        Assert.True(connections.IsTruncated);
        Assert.Contains("the time limit of 0.0001 ms ran out; more connections may exist", connections.TruncationReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generous_time_limit_changes_nothing()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var limited = graph.From("palantir").Out("contracts_with").To("ice").TimeLimit(TimeSpan.FromMinutes(5)).Paths();
        var unlimited = graph.From("palantir").Out("contracts_with").To("ice").Paths();

        Assert.False(limited.IsTruncated);
        Assert.Equal(unlimited.Select(p => p.ToString()), limited.Select(p => p.ToString()));
    }

    [Fact]
    public void A_named_node_also_meets_the_conditions_given_beside_its_name()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        var all = graph.From("palantir").Out("contracts_with").To("ice");

        // A predicate on the named start, or on the named end, that the entity fails leaves no path; one it meets keeps them all.
        Assert.NotEmpty(all.Paths());
        Assert.Empty(graph.From("palantir").Where(_ => false).Out("contracts_with").To("ice").Paths());
        Assert.Equal(0, graph.Count(graph.From("palantir").Where(_ => false).Out("contracts_with").To("ice").Query).Count);
        Assert.Empty(all.Where(e => e.Kind == Kind.Company).Paths());
        Assert.Equal(all.Paths().Select(p => p.ToString()), all.Where(e => e.Kind == Kind.Agency).Paths().Select(p => p.ToString()));
        Assert.Equal(all.Paths().Count, graph.From("palantir").Where(e => e.Name.StartsWith("Palantir", StringComparison.Ordinal)).Out("contracts_with").To("ice").Paths().Count);
    }
}

namespace TechTies.Tests.Querying;

public sealed class TotalsTests
{
    /// <summary>
    /// Holdco owns Acme, which owns Acme Federal; the bureau is part of the department, and office A of the bureau.
    /// k3's amount is disputed, k4 is in euros, k5 states no amount.
    /// </summary>
    internal const string Yaml = """
        techties: 1
        sources:
          s1: { title: First report, kind: news, published: 2020-01-01 }
          s2: { title: Second report, kind: news, published: 2020-02-01 }
          rec: { title: Award records, kind: dataset }
        companies:
          holdco: { name: Holdco }
          acme: { name: Acme, subsidiary_of: { to: holdco, sources: [s1] } }
          acme-federal: { name: Acme Federal, subsidiary_of: { to: acme, sources: [s1] } }
          beta: { name: Beta Systems }
          gamma: { name: "Gamma <Data> & Co" }
          formula: { name: "=HYPERLINK(\"http://example.com\")" }
        agencies:
          dept: { name: Department of Things }
          bureau: { name: Bureau of Stuff, part_of: { to: dept, sources: [s1] } }
          office-a: { name: Office A, part_of: { to: bureau, sources: [s1] } }
          other: { name: Other Agency }
        protests:
          rally:
            name: Rally against Acme
            kind: rally
            date: 2018-05-01
            targets: [acme, dept]
            sources: [s1]
        contracts:
          k1: { title: One, vendor: acme, agency: bureau, office: office-a, amount: USD 100.10, current_value: USD 90, start: 2015, end: 2018, sources: [s1] }
          k2: { title: Two, vendor: acme-federal, agency: bureau, amount: USD 200.20, start: 2016, sources: [s2] }
          k3:
            title: Three
            vendor: beta
            agency: dept
            amount:
              - { value: USD 50, preferred: true, sources: [s1] }
              - { value: USD 40, sources: [s2] }
            start: 2017
            end: 2017
            sources: [s1, s2]
          k4: { title: Four, vendor: beta, agency: other, amount: EUR 70, sources: [rec] }
          k5: { title: Five, vendor: gamma, agency: office-a, sources: [rec] }
          k6: { title: Six, vendor: formula, agency: other, amount: USD 1, start: 2019-03, sources: [rec] }
        """;

    private static readonly TechTiesGraph Graph = TechTiesGraph.Parse(Yaml, "totals.yaml");

    [Fact]
    public void Totals_by_vendor_rank_vendors_by_their_total_and_keep_currencies_apart()
    {
        var totals = Graph.Totals();

        Assert.Equal(["acme-federal", "acme", "beta", "formula", "gamma"], totals.Groups.Select(g => g.Id));
        Assert.Equal([1, 2, 3, 4, 5], totals.Groups.Select(g => g.Rank));
        Assert.Equal([Money.Parse("EUR 70"), Money.Parse("USD 50")], totals.Groups[2].Totals.ToArray());
        Assert.Equal([Money.Parse("EUR 70"), Money.Parse("USD 351.30")], totals.GrandTotals.ToArray());
        Assert.Equal(6, totals.ContractCount);
        Assert.Equal(1, totals.WithoutValue);
        Assert.Empty(totals.Groups[4].Totals);
        Assert.Equal(1, totals.Groups[4].WithoutValue);
        Assert.Null(totals.Others);
    }

    [Fact]
    public void Totals_by_parent_follow_the_subsidiary_chain_to_the_top()
    {
        var totals = Graph.Totals(new TotalsOptions { By = TotalsGrouping.Parent });

        var holdco = totals.Groups[0];
        Assert.Equal("holdco", holdco.Id);
        Assert.Equal("Holdco", holdco.Name);
        Assert.Same(Graph["holdco"], holdco.Entity);
        Assert.Equal([Money.Parse("USD 300.30")], holdco.Totals.ToArray());
        Assert.Equal(["k1", "k2"], holdco.Contracts.Select(c => c.Contract.Id));
        Assert.Equal(["holdco", "beta", "formula", "gamma"], totals.Groups.Select(g => g.Id));
    }

    [Fact]
    public void Totals_by_parent_take_the_parent_an_award_names_before_the_vendors_subsidiary_chain()
    {
        // CSRA's awards name General Dynamics as parent on one row and CSRA itself on another: each award keeps its own.
        var graph = TechTiesGraph.Parse("""
            techties: 1
            sources:
              rec: { title: Award records, kind: dataset }
            companies:
              csra: { name: CSRA }
              general-dynamics: { name: General Dynamics }
              holdco: { name: Holdco }
              csra-federal: { name: CSRA Federal, subsidiary_of: { to: holdco, sources: [rec] } }
            agencies:
              ice: { name: ICE }
            contracts:
              a1: { title: One, vendor: csra, vendor_parent: general-dynamics, agency: ice, current_value: USD 10.05, sources: [rec] }
              a2: { title: Two, vendor: csra, vendor_parent: csra, agency: ice, current_value: USD 20.10, sources: [rec] }
              a3: { title: Three, vendor: csra-federal, agency: ice, current_value: USD 1.01, sources: [rec] }
              a4: { title: Four, vendor: csra-federal, vendor_parent: general-dynamics, agency: ice, current_value: USD 2.02, sources: [rec] }
            """, "award-parents.yaml");

        var totals = graph.Totals(new TotalsOptions { By = TotalsGrouping.Parent, Value = MoneyField.CurrentValue });

        Assert.Equal(["csra", "general-dynamics", "holdco"], totals.Groups.Select(g => g.Id));
        Assert.Equal([Money.Parse("USD 20.10")], totals.Groups[0].Totals.ToArray());
        Assert.Equal(["a1", "a4"], totals.Groups[1].Contracts.Select(c => c.Contract.Id));
        Assert.Equal([Money.Parse("USD 12.07")], totals.Groups[1].Totals.ToArray());
        Assert.Equal(["a3"], totals.Groups[2].Contracts.Select(c => c.Contract.Id));
    }

    [Fact]
    public void An_agency_includes_its_parts_and_contracts_are_grouped_by_office_agency_or_department()
    {
        var byOffice = Graph.Contracts().Agency("Department of Things").By(TotalsGrouping.Office).Totals();
        Assert.Equal(["bureau", "office-a", "dept"], byOffice.Groups.Select(g => g.Id));
        Assert.Equal(["k1", "k5"], byOffice.Groups[1].Contracts.Select(c => c.Contract.Id));

        var byAgency = Graph.Contracts().Agency("dept").By(TotalsGrouping.Agency).Totals();
        Assert.Equal(["bureau", "dept", "office-a"], byAgency.Groups.Select(g => g.Id));
        Assert.Equal([Money.Parse("USD 300.30")], byAgency.Groups[0].Totals.ToArray());

        var byDepartment = Graph.Contracts().By(TotalsGrouping.Department).Totals();
        Assert.Equal(["dept", "other"], byDepartment.Groups.Select(g => g.Id));
        Assert.Equal(4, byDepartment.Groups[0].ContractCount);
        Assert.Equal([Money.Parse("USD 350.30")], byDepartment.Groups[0].Totals.ToArray());
    }

    [Fact]
    public void Totals_by_year_are_in_time_order_with_unknown_starts_last()
    {
        var totals = Graph.Contracts().By(TotalsGrouping.Year).Totals();

        Assert.Equal(["2015", "2016", "2017", "2019", "unknown"], totals.Groups.Select(g => g.Id));
        Assert.Equal(["k4", "k5"], totals.Groups[^1].Contracts.Select(c => c.Contract.Id));
        Assert.Equal(1, totals.Groups.Single(g => g.Id == "2016").Rank);
    }

    [Fact]
    public void Not_grouped_there_is_one_group_of_every_contract()
    {
        var totals = Graph.Contracts().By(TotalsGrouping.None).Totals();

        var all = Assert.Single(totals.Groups);
        Assert.Equal("all", all.Id);
        Assert.Equal(totals.GrandTotals.ToArray(), all.Totals.ToArray());
        Assert.Equal(6, all.ContractCount);
    }

    [Fact]
    public void A_vendor_includes_its_subsidiaries_only_when_asked()
    {
        Assert.Equal(["k1"], Graph.Contracts().Vendor("acme").By(TotalsGrouping.None).Totals().Groups[0].Contracts.Select(c => c.Contract.Id));
        Assert.Equal(["k1", "k2"], Graph.Contracts().Vendor("Acme").WithSubsidiaries().By(TotalsGrouping.None).Totals().Groups[0].Contracts.Select(c => c.Contract.Id));
        Assert.Equal(["k1", "k2"], Graph.Contracts().Vendor("holdco").WithSubsidiaries().By(TotalsGrouping.None).Totals().Groups[0].Contracts.Select(c => c.Contract.Id));
        Assert.Equal(0, Graph.Contracts().Vendor("holdco").Totals().ContractCount);
    }

    [Fact]
    public void A_contract_the_selection_reaches_several_ways_is_counted_once()
    {
        var totals = Graph.Contracts().Vendor("acme", "holdco", "(:company {name: acme})").WithSubsidiaries().Agency("dept", "bureau").By(TotalsGrouping.None).Totals();

        Assert.Equal(["k1", "k2"], totals.Groups[0].Contracts.Select(c => c.Contract.Id));
        Assert.Equal([Money.Parse("USD 300.30")], totals.GrandTotals.ToArray());
        Assert.Equal(["acme", "holdco"], totals.Vendors.Select(v => v.Id));
    }

    [Fact]
    public void A_field_that_is_unknown_is_counted_apart_never_as_zero()
    {
        var totals = Graph.Contracts().Value(MoneyField.CurrentValue).Totals();

        Assert.Equal([Money.Parse("USD 90")], totals.GrandTotals.ToArray());
        Assert.Equal(5, totals.WithoutValue);
        Assert.Equal(["k2", "k3", "k4", "k5", "k6"], totals.ContractsWithoutValue().Select(c => c.Contract.Id));
        Assert.Equal("acme", totals.Groups[0].Id);
        Assert.All(totals.Groups.Skip(1), g => Assert.Empty(g.Totals));
    }

    [Fact]
    public void A_disputed_value_is_summed_at_its_preferred_claim_and_counted()
    {
        var totals = Graph.Contracts().Vendor("beta").Totals();

        var beta = totals.Groups[0];
        Assert.Equal([Money.Parse("EUR 70"), Money.Parse("USD 50")], beta.Totals.ToArray());
        Assert.Equal(1, beta.Disputed);
        Assert.Equal(1, totals.Disputed);
        Assert.Equal(1, totals.DisputedTotals);
        var k3 = beta.Contracts.Single(c => c.Contract.Id == "k3");
        Assert.True(k3.IsDisputed);
        Assert.Equal(["s1"], k3.Citations.Select(c => c.Source));
    }

    [Fact]
    public void The_top_groups_are_kept_and_the_rest_summed_as_others()
    {
        var totals = Graph.Contracts().Top(2).Totals();

        Assert.Equal(["acme-federal", "acme"], totals.Groups.Select(g => g.Id));
        var others = Assert.IsType<TotalsGroup>(totals.Others);
        Assert.True(others.IsOthers);
        Assert.Equal("3 other vendors", others.Name);
        Assert.Equal(3, others.GroupCount);
        Assert.Equal([Money.Parse("EUR 70"), Money.Parse("USD 51")], others.Totals.ToArray());
        Assert.Equal(["k3", "k4", "k5", "k6"], others.Contracts.Select(c => c.Contract.Id));
        Assert.Equal(totals.GrandTotals.ToArray(), Graph.Totals().GrandTotals.ToArray());
    }

    [Fact]
    public void Date_filters_have_the_time_semantics_of_queries_and_count_undated_contracts()
    {
        var asOf = Graph.Contracts().AsOf(new DateOnly(2017, 6, 1)).By(TotalsGrouping.None).Totals();
        Assert.Equal(["k1", "k2", "k3", "k4", "k5"], asOf.Groups[0].Contracts.Select(c => c.Contract.Id));
        Assert.Equal(2, asOf.Undated);
        Assert.Contains(asOf.Warnings, w => w.StartsWith("2 undated contract(s) were counted", StringComparison.Ordinal));

        var during = Graph.Contracts().During(PartialDate.Parse("2019"), PartialDate.Parse("2020")).By(TotalsGrouping.None).Totals();
        Assert.Equal(["k2", "k4", "k5", "k6"], during.Groups[0].Contracts.Select(c => c.Contract.Id));
    }

    [Fact]
    public void Vendors_and_agencies_may_be_given_by_node_and_path_patterns()
    {
        var node = Graph.Contracts().Vendor("(:company {name: \"beta systems\"})").Totals();
        Assert.Equal(["beta"], node.Vendors.Select(v => v.Id));
        Assert.Equal(2, node.ContractCount);

        var targeted = Graph.Contracts().Vendor("(:protest) -[targets]-> ?").Totals();
        Assert.Equal(["acme"], targeted.Vendors.Select(v => v.Id));
        Assert.Equal(["k1"], targeted.Groups[0].Contracts.Select(c => c.Contract.Id));
        Assert.Contains(targeted.Warnings, w => w.Contains("matched 1 entity that is not a company, left out: dept", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vendor_that_is_not_a_company_is_an_error_that_says_what_it_is()
    {
        var e = Assert.Throws<ArgumentException>(() => Graph.Contracts().Vendor("dept").Totals());
        Assert.Equal("'dept' is Department of Things (agency dept), not a company: a vendor is a company.", e.Message);
        Assert.Throws<EntityLookupException>(() => Graph.Contracts().Agency("nowhere").Totals());
    }

    [Fact]
    public void Invalid_options_are_one_error_that_lists_every_problem()
    {
        var options = new TotalsOptions { Top = 0, AsOf = PartialDate.Parse("2018"), DuringFrom = PartialDate.Parse("2019"), Vendors = [" "] };

        var e = Assert.Throws<ArgumentException>(() => Graph.Totals(options));

        Assert.Equal(
            """
            The totals options are invalid:
              Top is 0; it must be at least 1 (or null for every group).
              AsOf and DuringFrom/DuringTo are both given; a total has one time filter: give one of them.
              Only one of DuringFrom and DuringTo is given; give both (the span's first and last day, month or year).
              Vendors has an empty name; give an id, a name, an alias or a pattern. (Parameter 'options')
            """.ReplaceLineEndings("\n"),
            e.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_fluent_form_builds_the_options_record()
    {
        var built = Graph.Contracts().Vendor("acme").Agency("dept").WithSubsidiaries().By(TotalsGrouping.Parent).Value(MoneyField.Obligated).Top(3).AsOf(new DateOnly(2018, 1, 1));

        Assert.Equal(
            new TotalsOptions { Vendors = ["acme"], Agencies = ["dept"], WithSubsidiaries = true, By = TotalsGrouping.Parent, Value = MoneyField.Obligated, Top = 3, AsOf = new PartialDate(2018, 1, 1) },
            built.Options with { });
        Assert.Equal("TotalsOptions { Vendors = [acme], Agencies = [dept], WithSubsidiaries = True, By = Parent, Value = Obligated, Top = 3, AsOf = 2018-01-01, DuringFrom = , DuringTo =  }", built.ToString());
    }

    [Fact]
    public void The_text_table_shows_rank_name_total_contracts_and_without_value_then_the_grand_total()
    {
        var text = Graph.Contracts().Top(2).Totals().ToString();

        Assert.Equal(
            """
            Amount of contracts of every vendor with every agency, by vendor, top 2 of 5
            rank  name               total  contracts  without value
               1  Acme Federal     $200.20          1              0
               2  Acme             $100.10          1              0
                  3 other vendors   €70.00          4              1
                                    $51.00
            Total: €70.00 and $351.30 across 6 contracts (5 with an amount); 1 without an amount; 1 value disputed by sources (the preferred one is summed), in 1 total

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Sentences_read_as_a_reporter_writes_with_footnoted_sources()
    {
        var graph = TechTiesGraph.LoadBuiltIn();

        var text = graph.Contracts().Vendor("palantir").Agency("ice").Value(MoneyField.CurrentValue).Totals().ToSentences();

        Assert.Equal(
            "1. Palantir Technologies received $39,590,900.32 in current award value from U.S. Immigration and Customs Enforcement across 2 of 3 awards; 1 award states no current value [1][2][3][4][5].",
            text.Split('\n')[0]);
        Assert.Contains("\nSources:\n[1] ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_has_a_table_and_a_bar_chart_with_every_name_escaped_and_no_script()
    {
        var html = Graph.Totals().ToHtml();

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html, StringComparison.Ordinal);
        Assert.Contains("Gamma &lt;Data&gt; &amp; Co", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Data>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(">$200.20</text>", html, StringComparison.Ordinal);
        var svg = System.Xml.Linq.XDocument.Parse(Graph.Totals().ToSvg());
        Assert.Equal(5, svg.Descendants().Count(e => e.Name.LocalName == "rect"));
    }

    [Fact]
    public void The_csv_has_a_row_per_group_and_currency_and_formulas_are_written_as_text()
    {
        var csv = Graph.Totals().ToCsv();

        Assert.Equal(
            """
            rank,id,name,currency,total,contracts,without_value,disputed
            1,acme-federal,Acme Federal,USD,200.2,1,0,0
            2,acme,Acme,USD,100.1,1,0,0
            3,beta,Beta Systems,EUR,70,2,0,1
            3,beta,Beta Systems,USD,50,2,0,1
            4,formula,"'=HYPERLINK(""http://example.com"")",USD,1,1,0,0
            5,gamma,Gamma <Data> & Co,,,1,1,0

            """.ReplaceLineEndings("\n"),
            csv);
    }

    [Fact]
    public void The_built_in_graph_gives_palantir_s_ice_contracts_their_stated_amounts()
    {
        var totals = TechTiesGraph.LoadBuiltIn().Contracts().Vendor("palantir").Agency("ice").By(TotalsGrouping.None).Totals();

        // $39 million (FALCON O&M) + $53 million (ICM, preferred over $41 million); the Gotham award's record gives
        // its current and potential values, not a headline amount, so it is counted without a value.
        Assert.Equal([Money.Parse("USD 92000000")], totals.GrandTotals.ToArray());
        Assert.Equal(1, totals.WithoutValue);
        Assert.Equal(["palantir-ice-falcon-om", "palantir-ice-gotham", "palantir-ice-icm"], totals.Groups[0].Contracts.Select(c => c.Contract.Id));
        Assert.Equal(1, totals.Disputed);
    }
}

namespace TechTies.Tests.Querying;

public class SeedQuestionTests
{
    private static readonly TechTiesGraph Graph = TechTiesGraph.LoadBuiltIn();

    [Fact]
    public void Palantir_hosts_on_Amazon_and_contracts_with_ICE()
    {
        Assert.Equal(
            ["Palantir Technologies -> hosts on -> Amazon"],
            Graph.Query("palantir -[hosts_on]-> amazon").Select(p => p.ToString()));
        var contracts = Assert.Single(Graph.Query("Palantir -[contracts_with]-> ICE"));
        Assert.Equal("Palantir Technologies -> contracts with -> U.S. Immigration and Customs Enforcement", contracts.ToString());
        Assert.Equal(
            ["palantir-ice-falcon-om", "palantir-ice-gotham", "palantir-ice-icm"],
            contracts.Steps[0].Contracts.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_path_from_Palantir_through_its_host_to_a_contract_with_ICE_is_not_in_the_sources()
    {
        var result = Graph.Query("palantir -[hosts_on]-> ? -[contracts_with]-> ice");

        Assert.Empty(result);
        Assert.False(result.IsTruncated);
        Assert.Equal("palantir -[hosts_on]-> ? -[contracts_with]-> ice", result.Query);
    }

    [Fact]
    public void Explain_shows_the_nearest_miss_and_that_Amazon_has_no_contract_with_ICE()
    {
        var explanation = Graph.Query("palantir -[hosts_on]-> ? -[contracts_with]-> ice").Explain();

        Assert.Equal(0, explanation.Found);
        Assert.Equal([1, 1, 0], explanation.Steps.Select(s => s.Candidates.Length));
        Assert.Equal("Palantir Technologies -> hosts on -> Amazon", explanation.NearestMiss?.ToString());
        Assert.Equal(
            "a contracts_with tie (-[contracts_with]->) from Amazon to ice; the graph gives Amazon no contracts_with ties that way at all",
            explanation.MissingStep);
        Assert.Contains("Nearest miss: Palantir Technologies -> hosts on -> Amazon", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_of_a_query_that_matches_reports_the_count_and_no_miss()
    {
        var explanation = Graph.From("palantir").Out("hosts_on").ToAny().Explain();

        Assert.Equal(1, explanation.Found);
        Assert.Null(explanation.NearestMiss);
        Assert.Null(explanation.MissingStep);
    }

    [Fact]
    public void Explain_offers_the_reseller_contract_for_Amazons_cloud_as_another_connection_to_ICE()
    {
        var explanation = Graph.Query("palantir -[hosts_on]-> ? -[contracts_with]-> ice").Explain();

        Assert.Contains(
            "Amazon -> hosts -> U.S. Immigration and Customs Enforcement",
            explanation.OtherConnections.Select(p => p.ToString()));
        var far = Graph.Connect("amazon", "ice", new ConnectOptions { MaxHops = 3, Count = 20 });
        Assert.Contains(
            far,
            p => p.Nodes.Any(n => n.Id == "four-points-ice-aws-public-cloud"));
    }

    [Fact]
    public void All_fourteen_groups_signed_the_open_letter_to_Palantir()
    {
        var signers = Graph.Query("? -[signed]-> palantir-open-letter-2018");

        Assert.Equal(14, signers.Count);
        Assert.All(signers, p => Assert.Equal(Kind.Group, p.Start.Kind));
        Assert.Contains(signers, p => p.Start.Id == "mijente");
        Assert.Contains(signers, p => p.Start.Id == "wage-theft-coalition");
        Assert.Equal(signers.Select(p => p.Start.Id), signers.Select(p => p.Start.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_groups_that_signed_a_letter_targeting_Palantir_are_found_through_its_targets()
    {
        var signers = Graph.Query("(:group) -[signed|organized]-> (:protest) -[targets]-> palantir");

        Assert.Equal(14, signers.Select(p => p.Start.Id).Distinct().Count());
    }

    [Fact]
    public void On_2018_08_01_the_ICM_contract_holds_the_FALCON_contract_that_ended_in_2018_holds_only_at_its_year_and_the_undated_Gotham_order_is_flagged()
    {
        var result = Graph.Query("palantir -[contracts_with]-> ice asof 2018-08-01");
        var step = Assert.Single(result).Steps[0];

        Assert.Equal(["palantir-ice-falcon-om", "palantir-ice-gotham", "palantir-ice-icm"], step.Contracts.Select(c => c.Id).Order(StringComparer.Ordinal));
        var icm = step.Contracts.Single(c => c.Id == "palantir-ice-icm");
        Assert.Equal(new Money(53_000_000m, "USD"), icm.Amount);
        Assert.True(step.IsUndated);
        Assert.Equal(
            [
                "1 undated tie(s) were kept because their dates are unknown: palantir/contracts_with/ice/palantir-ice-gotham.",
                "1 tie(s) start or end in the month or year of 2018-08-01 and hold on it only at that precision: palantir/contracts_with/ice/palantir-ice-falcon-om.",
            ],
            result.Warnings.ToArray());
    }

    [Fact]
    public void In_2019_the_FALCON_contract_has_ended_and_the_53_million_ICM_contract_still_holds()
    {
        var dated = Graph.From("palantir").Out("contracts_with").WhereTie(t => !t.IsUndated).To("ice").AsOf(new DateOnly(2019, 3, 1)).Paths();

        var contract = Assert.Single(Assert.Single(dated).Steps[0].Contracts);
        Assert.Equal("palantir-ice-icm", contract.Id);
        Assert.Equal(new Money(53_000_000m, "USD"), contract.Amount);
    }

    [Fact]
    public void On_2016_06_01_the_39_million_FALCON_contract_holds_along_with_the_ICM_contract()
    {
        var paths = Graph.Query("palantir -[contracts_with]-> ice asof 2016-06-01 expand");

        Assert.Equal(3, paths.Count);
        var falcon = paths.Single(p => p.Steps[0].Contracts.Single().Id == "palantir-ice-falcon-om").Steps[0].Contracts.Single();
        Assert.Equal(new Money(39_000_000m, "USD"), falcon.Amount);
        Assert.Contains(paths, p => p.Steps[0].Contracts.Single().Id == "palantir-ice-icm");
        Assert.Contains(paths, p => p.Steps[0].Contracts.Single().Id == "palantir-ice-gotham" && p.IsUndated);
    }

    [Fact]
    public void Before_2014_no_dated_Palantir_contract_with_ICE_holds()
    {
        var paths = Graph.From("palantir").Out("contracts_with").To("ice").AsOf(new DateOnly(2013, 6, 1)).Paths();

        var step = Assert.Single(paths).Steps[0];
        Assert.All(step.Ties, t => Assert.True(t.IsUndated));
    }

    [Fact]
    public void Salesforce_connects_to_ICE_first_through_its_CBP_contract_and_DHS()
    {
        var connections = Graph.Connect("salesforce", "ice");

        Assert.Equal(
            "Salesforce -> contracts with -> U.S. Customs and Border Protection -> part of -> U.S. Department of Homeland Security -> includes -> U.S. Immigration and Customs Enforcement",
            connections[0].ToString());
        Assert.Equal(connections.Paths, connections.Paths.OrderBy(p => p.Length));
        Assert.True(connections[0].Length <= connections[^1].Length);
        Assert.All(connections, p => Assert.True(p.Length <= 4));
    }

    [Fact]
    public void Connect_never_reports_a_contract_twice_through_the_contract_node()
    {
        var connections = Graph.Connect("palantir", "ice", new ConnectOptions { MaxHops = 2, AllShortest = false, Count = 100 });

        Assert.DoesNotContain(connections, p => p.Nodes.Any(n => n is Contract c && c.VendorId == "palantir" && p.Nodes.Contains(Graph["palantir"]) && p.Length == 2 && p.End.Id == c.AgencyId));
        Assert.Equal("Palantir Technologies -> contracts with -> U.S. Immigration and Customs Enforcement", connections[0].ToString());
        Assert.Contains(connections.Notes, n => n.Contains("contract node", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_says_when_not_even_the_first_hop_matches()
    {
        var explanation = Graph.Query("alex-karp -[hosts_on]-> ? -[contracts_with]-> ice").Explain();

        Assert.Null(explanation.NearestMiss);
        Assert.Equal("no entity matching alex-karp has a tie that matches -[hosts_on]-> ?", explanation.MissingStep);
        Assert.Equal([1, 0, 0], explanation.Steps.Select(s => s.Candidates.Length));
    }
}

namespace TechTies.Tests.Model;

/// <summary>
/// Ties, entities and contracts keep some of their properties in compact forms (shared facts, ids made on first use,
/// locations as parts, spending values aside); what callers read and set must not change.
/// </summary>
public class CompactModelTests
{
    private static readonly TechTiesGraph Graph = TechTiesGraph.LoadBuiltIn();

    [Fact]
    public void A_tie_made_in_code_gets_the_id_the_loader_would_give_it()
    {
        var from = Graph["palantir"];
        var to = Graph["amazon"];
        var tie = new Tie { Type = Graph.Schema["hosts_on"], From = from, To = to };
        Assert.Equal("palantir/hosts_on/amazon", tie.Id);
        // Made on each read and not kept: an export that reads every id must not leave a string behind per tie.
        Assert.NotSame(tie.Id, tie.Id);
        Assert.Null(tie.Location);
        Assert.Empty(tie.Citations);
        Assert.Equal(TieStatus.Reported, tie.Status);
    }

    [Fact]
    public void A_given_id_and_every_set_property_are_kept()
    {
        var since = PartialDate.Parse("2016-03");
        var tie = new Tie
        {
            Id = "custom",
            Type = Graph.Schema["hosts_on"],
            From = Graph["palantir"],
            To = Graph["amazon"],
            Since = since,
            Until = PartialDate.Parse("2019"),
            Amount = Money.Parse("USD 5 million"),
            Status = TieStatus.Alleged,
            Description = "d",
            Citations = [new Citation { Source = "s" }],
            Location = new SourceLocation { File = "f.yaml", Line = 3, Column = 7 },
        };
        Assert.Equal("custom", tie.Id);
        Assert.Equal(since, tie.Since);
        Assert.Equal(PartialDate.Parse("2019"), tie.Until);
        Assert.Equal(Money.Parse("USD 5 million"), tie.Amount);
        Assert.Equal(TieStatus.Alleged, tie.Status);
        Assert.Equal("d", tie.Description);
        Assert.Equal("s", Assert.Single(tie.Citations).Source);
        Assert.Equal(new SourceLocation { File = "f.yaml", Line = 3, Column = 7 }, tie.Location);
    }

    [Fact]
    public void A_tie_made_in_code_with_a_contract_keeps_what_was_set_in_any_order()
    {
        var contract = Graph.Entities.OfType<Contract>().First(c => c.Start is not null && c.Amount is not null);
        var since = PartialDate.Parse("2001-02");
        Tie[] ties =
        [
            new Tie { Type = Graph.Schema["contracts_with"], From = Graph[contract.VendorId], To = Graph[contract.AgencyId], Contract = contract, Since = since, Id = "x", Parallel = 3 },
            new Tie { Id = "x", Parallel = 3, Since = since, Contract = contract, Type = Graph.Schema["contracts_with"], From = Graph[contract.VendorId], To = Graph[contract.AgencyId] },
        ];
        foreach (var tie in ties)
        {
            Assert.Same(contract, tie.Contract);
            Assert.Equal("x", tie.Id);
            Assert.Equal(3, tie.Parallel);
            Assert.Equal(since, tie.Since);
            // A tie made in code states only what it is given: it does not take the contract's facts.
            Assert.Null(tie.Amount);
            Assert.Empty(tie.Citations);
        }

        var bare = new Tie { Type = Graph.Schema["contracts_with"], From = Graph[contract.VendorId], To = Graph[contract.AgencyId], Contract = contract };
        Assert.Same(contract, bare.Contract);
        Assert.Null(bare.Since);
        Assert.Equal($"{contract.VendorId}/contracts_with/{contract.AgencyId}/{contract.Id}", bare.Id);
        var numbered = new Tie { Type = Graph.Schema["hosts_on"], From = Graph["palantir"], To = Graph["amazon"], Parallel = 2 };
        Assert.Equal("palantir/hosts_on/amazon#2", numbered.Id);
        Assert.Null(numbered.Contract);
    }

    [Fact]
    public void Loaded_contract_ties_take_the_contracts_facts_and_a_parallel_tie_keeps_its_own()
    {
        var graph = TechTiesGraph.Parse("""
            techties: 1
            sources:
              s1: { title: "One", kind: news }
              s2: { title: "Two", kind: news }
            companies:
              v: { name: V }
            agencies:
              g: { name: G }
            contracts:
              c: { title: C, vendor: v, agency: g, amount: USD 5 million, start: 2015-01, end: 2016, status: confirmed, sources: [s1] }
            ties:
              - { from: c, type: awarded_to, to: v, since: 2014, status: alleged, sources: [s2] }
            """);
        // Ties of the ties section are numbered before the ties entities make (see TieOrder).
        var fromContract = graph.Ties.Single(t => t.Id == "c/awarded_to/v#2");
        Assert.Same(graph["c"], fromContract.Contract);
        Assert.Equal(PartialDate.Parse("2015-01"), fromContract.Since);
        Assert.Equal(PartialDate.Parse("2016"), fromContract.Until);
        Assert.Equal(Money.Parse("USD 5 million"), fromContract.Amount);
        Assert.Equal(TieStatus.Confirmed, fromContract.Status);
        Assert.Equal("s1", Assert.Single(fromContract.Citations).Source);
        var parallel = graph.Ties.Single(t => t.Id == "c/awarded_to/v");
        Assert.Null(parallel.Contract);
        Assert.Equal(PartialDate.Parse("2014"), parallel.Since);
        Assert.Null(parallel.Until);
        Assert.Equal(TieStatus.Alleged, parallel.Status);
        Assert.Equal("s2", Assert.Single(parallel.Citations).Source);
    }

    [Fact]
    public void Loaded_ties_have_the_ids_their_ends_give_and_are_in_ordinal_order()
    {
        foreach (var tie in Graph.Ties)
        {
            var stem = $"{tie.From.Id}/{tie.Type.Name}/{tie.To.Id}" + (tie.Type.Name == "contracts_with" && tie.Contract is not null ? "/" + tie.Contract.Id : string.Empty);
            Assert.True(tie.Id == stem || tie.Id.StartsWith(stem + "#", StringComparison.Ordinal), tie.Id);
            Assert.NotNull(tie.Location);
        }

        Assert.Equal(Graph.Ties.Select(t => t.Id).Order(StringComparer.Ordinal), Graph.Ties.Select(t => t.Id));
        Assert.Equal(Graph.Ties.Length, Graph.Ties.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void Parallel_ties_are_numbered_from_two()
    {
        var graph = TechTiesGraph.Parse("""
            techties: 1
            sources:
              s1: { title: "One", kind: news }
            companies:
              a: { name: A }
              b: { name: B }
            ties:
              - { from: a, type: hosts_on, to: b, since: 2010, sources: [s1] }
              - { from: a, type: hosts_on, to: b, since: 2012, sources: [s1] }
            """);
        Assert.Equal(["a/hosts_on/b", "a/hosts_on/b#2"], graph.Ties.Select(t => t.Id));
        Assert.Equal(PartialDate.Parse("2012"), graph.Ties[1].Since);
    }

    [Fact]
    public void Contract_spending_values_are_kept_only_when_given()
    {
        var bare = new Contract { Id = "c", Name = "C", VendorId = "v", AgencyId = "a", Obligated = null };
        Assert.Null(bare.Obligated);
        Assert.Null(bare.CurrentValue);
        Assert.Null(bare.PotentialValue);
        var full = new Contract { Id = "c", Name = "C", VendorId = "v", AgencyId = "a", Obligated = Money.Parse("$1"), PotentialValue = Money.Parse("$3"), CurrentValue = Money.Parse("$2") };
        Assert.Equal(Money.Parse("$1"), full.Obligated);
        Assert.Equal(Money.Parse("$2"), full.CurrentValue);
        Assert.Equal(Money.Parse("$3"), full.PotentialValue);
    }

    [Fact]
    public void Ties_from_and_to_an_entity_are_ordered_by_type_name_then_the_other_end_then_id()
    {
        foreach (var entity in Graph.Entities)
        {
            var from = Graph.TiesFrom(entity);
            Assert.Equal(Graph.Ties.Where(t => t.From == entity).OrderBy(t => t.Type.Name, StringComparer.Ordinal).ThenBy(t => t.To.Id, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal), from);
            var to = Graph.TiesTo(entity);
            Assert.Equal(Graph.Ties.Where(t => t.To == entity).OrderBy(t => t.Type.Name, StringComparer.Ordinal).ThenBy(t => t.From.Id, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal), to);
        }
    }
}

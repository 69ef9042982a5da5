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

namespace TechTies.Tests.Querying;

/// <summary>The words the renderings print work as input: an inverse label names its type walked backward.</summary>
public class InverseLabelTests
{
    private static readonly TechTiesGraph BuiltIn = TechTiesGraph.LoadBuiltIn();

    [Theory]
    [InlineData("amazon -[makes]-> ?", "? -[made_by]-> amazon")]
    [InlineData("ice -[awarded]-> ?", "? -[awarded_by]-> ice")]
    [InlineData("amazon -[hosts]-> ?", "? -[hosts_on]-> amazon")]
    [InlineData("dhs -[includes]-> ?", "? -[part_of]-> dhs")]
    [InlineData("salesforce -[targeted by]-> ?", "? -[targets]-> salesforce")]
    [InlineData("salesforce -[targeted_by]-> ?", "? -[targets]-> salesforce")]
    [InlineData("salesforce -[Targeted  By]-> ?", "? -[targets]-> salesforce")]
    [InlineData("ice -[has a contract with]-> ?", "ice <-[contracts_with]- ?")]
    [InlineData("amazon -[makes]- ?", "amazon -[made_by]- ?")]
    public void An_inverse_label_finds_what_its_type_walked_backward_finds(string inverse, string forward)
    {
        var byLabel = BuiltIn.Query(inverse);
        var byType = BuiltIn.Query(forward);

        Assert.NotEmpty(byType);
        Assert.Equal(
            byType.Select(p => string.Join(" ", p.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal),
            byLabel.Select(p => string.Join(" ", p.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_query_by_inverse_label_is_normalized_to_its_type_and_reads_with_the_label_it_was_asked_by()
    {
        var set = BuiltIn.Query("amazon -[makes]-> ?");

        Assert.Equal("amazon <-[made_by]- ?", set.Query);
        Assert.All(set, p => Assert.Equal("makes", Assert.Single(p.Steps).Label));
        Assert.Contains(set, p => p.ToString() == "Amazon -> makes -> AWS GovCloud");
    }

    [Fact]
    public void Inverse_labels_and_type_names_in_one_edge_are_an_error_that_says_why()
    {
        var error = Assert.Throws<QueryParseException>(() => BuiltIn.Query("amazon -[makes|hosts_on]-> ?"));

        Assert.Contains("opposite directions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_a_type_name_is_needed_an_inverse_label_gets_the_type_it_belongs_to()
    {
        var error = Assert.Throws<ArgumentException>(() => BuiltIn.Connect("amazon", "ice", new ConnectOptions { Types = ["makes"] }));

        Assert.Contains("'makes' is the inverse label of the relationship type 'made_by'", error.Message, StringComparison.Ordinal);
        Assert.Contains("<-[made_by]-", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_that_is_neither_a_type_nor_an_inverse_label_is_still_unknown()
    {
        var error = Assert.Throws<QueryParseException>(() => BuiltIn.Query("amazon -[bakes]-> ?"));

        Assert.Contains("unknown relationship type 'bakes'", error.Message, StringComparison.Ordinal);
    }
}

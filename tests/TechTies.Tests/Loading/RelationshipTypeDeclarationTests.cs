namespace TechTies.Tests.Loading;

/// <summary>A <c>relationship_types</c> declaration that could never make a sensible tie is refused where it is wrong.</summary>
public class RelationshipTypeDeclarationTests
{
    [Fact]
    public void An_empty_list_of_kinds_is_an_error_at_the_list()
    {
        var error = Yaml.SingleError("techties: 1\nrelationship_types:\n  lobbies: { from: [], to: [agency], label: lobbies, inverse: lobbied by }\n");

        Assert.Equal("test.yaml:3:20 TT0023", Yaml.Positions([error])[0]);
        Assert.Equal("the relationship type 'lobbies' has an empty 'from' list", error.Message);
    }

    [Fact]
    public void An_empty_label_or_inverse_is_an_error_at_the_value()
    {
        var errors = Yaml.Errors("techties: 1\nrelationship_types:\n  lobbies:\n    from: company\n    to: agency\n    label: \"\"\n    inverse: \"  \"\n");

        Assert.Equal(["test.yaml:6:12 TT0023", "test.yaml:7:14 TT0023"], Yaml.Positions(errors));
        Assert.Equal("the label of the relationship type 'lobbies' is empty", errors[0].Message);
    }

    [Fact]
    public void Same_kind_with_no_kind_at_both_ends_is_an_error_at_same_kind()
    {
        var error = Yaml.SingleError("techties: 1\nrelationship_types:\n  lobbies: { from: company, to: agency, label: lobbies, inverse: lobbied by, same_kind: true }\n");

        Assert.Equal("test.yaml:3:89 TT0045", Yaml.Positions([error])[0]);
        Assert.Contains("no kind is both in 'from' (company) and in 'to' (agency)", error.Message);
    }

    [Fact]
    public void Same_kind_with_a_kind_at_both_ends_loads()
    {
        var graph = Yaml.Load("techties: 1\nrelationship_types:\n  allied_with: { from: [company, group], to: [group], label: allied with, inverse: allied with, same_kind: true }\n");

        Assert.True(graph.Schema["allied_with"].SameKind);
    }
}

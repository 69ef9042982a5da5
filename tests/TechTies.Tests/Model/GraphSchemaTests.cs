namespace TechTies.Tests.Model;

public class GraphSchemaTests
{
    [Fact]
    public void An_unknown_type_name_throws_with_the_closest_names_and_every_known_type()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => GraphSchema.BuiltIn["host_on"]);

        Assert.StartsWith("The schema has no relationship type 'host_on' (did you mean 'hosts_on'?). Known types: awarded_by, awarded_to,", error.Message, StringComparison.Ordinal);
        Assert.Same(GraphSchema.BuiltIn["hosts_on"], GraphSchema.BuiltIn.RelationshipTypes.Single(t => t.Name == "hosts_on"));
    }

    [Fact]
    public void A_name_close_to_no_type_throws_with_every_known_type_only()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => GraphSchema.BuiltIn["zzzzzzzzzzzz"]);

        Assert.StartsWith("The schema has no relationship type 'zzzzzzzzzzzz'. Known types: awarded_by,", error.Message, StringComparison.Ordinal);
    }
}

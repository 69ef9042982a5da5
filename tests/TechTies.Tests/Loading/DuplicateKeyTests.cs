using System.Text;
using TechTies.Loading;

namespace TechTies.Tests.Loading;

public class DuplicateKeyTests
{
    [Fact]
    public void A_repeated_id_in_a_large_section_is_reported_at_both_places()
    {
        var yaml = new StringBuilder("techties: 1\ncompanies:\n");
        for (var i = 0; i < 500; i++)
        {
            yaml.Append("  co-").Append(i).Append(": { name: Company ").Append(i).Append(" }\n");
        }

        yaml.Append("  co-7: { name: Again }\n");

        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Parse(yaml.ToString(), "big.yaml"));

        var duplicate = Assert.Single(error.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateKey);
        Assert.Equal(("big.yaml", 503, 3), (duplicate.File, duplicate.Line, duplicate.Column));
        Assert.Equal("the key 'co-7' appears twice in this mapping (first at line 10, column 3)", duplicate.Message);
    }

    [Fact]
    public void A_repeated_field_in_an_entity_is_reported_at_the_repeat()
    {
        const string yaml = "techties: 1\ncompanies:\n  acme:\n    name: First\n    name: Second\n";

        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Parse(yaml));

        var duplicate = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateKey, duplicate.Code);
        Assert.Equal((5, 5), (duplicate.Line, duplicate.Column));
    }

    [Fact]
    public void The_same_key_in_different_mappings_is_not_a_duplicate()
    {
        const string yaml = "techties: 1\ncompanies:\n  acme: { name: Acme }\n  beta: { name: Beta }\n";

        var graph = TechTiesGraph.Parse(yaml);

        Assert.Equal(["Acme", "Beta"], graph.Entities.Select(e => e.Name));
    }
}

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
    public void A_repeated_key_beside_a_number_cut_at_its_commas_is_still_a_duplicate()
    {
        const string yaml = "techties: 1\nsources:\n  s: { title: S, kind: news }\nprotests:\n  rally: { name: Rally, kind: rally, date: { value: 2018, sources: [s], sources: [s] }, size: 39,000,000 }\n";

        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Parse(yaml));

        Assert.Equal(["input.yaml:5:73 TT0006", "input.yaml:5:95 TT0021"], error.Diagnostics.Select(d => $"{d.File}:{d.Line}:{d.Column} {d.Code}"));
        Assert.Equal("the key 'sources' appears twice in this mapping (first at line 5, column 59)", error.Diagnostics[0].Message);
    }

    [Fact]
    public void A_repeated_digits_key_with_a_value_after_a_number_is_a_duplicate()
    {
        const string yaml = "techties: 1\ncompanies:\n  acme: { name: Acme, founded: 2003, 000: , 000: 5 }\n";

        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Parse(yaml));

        var duplicate = Assert.Single(error.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateKey);
        Assert.Equal("the key '000' appears twice in this mapping (first at line 3, column 38)", duplicate.Message);
    }

    [Fact]
    public void A_part_of_a_number_that_repeats_an_earlier_key_is_a_duplicate()
    {
        const string yaml = "techties: 1\ncompanies:\n  acme: { name: Acme, identifiers: { 000: x, uei: 39,000 } }\n";

        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Parse(yaml));

        var duplicate = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateKey, duplicate.Code);
        Assert.Equal("the key '000' appears twice in this mapping (first at line 3, column 38)", duplicate.Message);
    }

    [Fact]
    public void The_same_key_in_different_mappings_is_not_a_duplicate()
    {
        const string yaml = "techties: 1\ncompanies:\n  acme: { name: Acme }\n  beta: { name: Beta }\n";

        var graph = TechTiesGraph.Parse(yaml);

        Assert.Equal(["Acme", "Beta"], graph.Entities.Select(e => e.Name));
    }
}

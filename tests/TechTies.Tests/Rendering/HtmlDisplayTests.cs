using System.Xml.Linq;

namespace TechTies.Tests.Rendering;

public class HtmlDisplayTests
{
    private static readonly TechTiesGraph BuiltIn = TechTiesGraph.LoadBuiltIn();

    [Fact]
    public void An_explanation_is_a_table_of_its_steps_not_an_object_dump()
    {
        var html = HtmlDisplay.Of(BuiltIn.Query("palantir -[hosts_on]-> ? -[contracts_with]-> fbi").Explain());

        var rows = XElement.Parse(html).Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("-[hosts_on]-> ?", rows[1].Elements("td").First().Value);
        Assert.DoesNotContain("\\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("TechTies.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neighbourhood_shows_its_picture_then_its_members_by_distance()
    {
        var neighborhood = BuiltIn.Neighbors("ice");
        var html = HtmlDisplay.Of(neighborhood);

        var doc = XElement.Parse(html);
        Assert.Equal("svg", doc.Elements().First().Name.LocalName);
        var distances = doc.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements("td").Last().Value).ToList();
        Assert.Equal(neighborhood.Count, distances.Count);
        Assert.Equal("0", distances[0]);
    }

    [Fact]
    public void Interlocks_and_diagnostics_are_tables_with_escaped_text()
    {
        var interlocks = HtmlDisplay.Of(BuiltIn.Interlocks("palantir"));
        Assert.StartsWith("<table class=\"techties-interlocks\">", interlocks, StringComparison.Ordinal);
        Assert.Equal(BuiltIn.Interlocks("palantir").Length, XElement.Parse(interlocks).Descendants("tbody").Single().Elements("tr").Count());

        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Parse("techties: 1\ncompanies:\n  \"<b>\": { name: x }\n", "bad <file>.yaml"));
        var diagnostics = HtmlDisplay.Of(error.Diagnostics);
        var cells = XElement.Parse(diagnostics).Descendants("td").Select(td => td.Value).ToList();
        Assert.StartsWith("bad <file>.yaml:3:", cells[0], StringComparison.Ordinal);
        Assert.Equal("error", cells[1]);
        Assert.DoesNotContain("<b>", diagnostics, StringComparison.Ordinal);
    }
}

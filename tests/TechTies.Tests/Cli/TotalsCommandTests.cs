using System.Text.Json;
using TechTies.Tests.Querying;

namespace TechTies.Tests.Cli;

public sealed class TotalsCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-totals-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Json_gives_money_in_the_canonical_form_and_matches_the_schema()
    {
        var result = CliRunner.Run("totals", "--agency", "ice", "--by", "parent", "--value", "current", "--top", "2", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("valid", CliSchema.Check(result.Out));
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("current", root.GetProperty("value").GetString());
        var first = root.GetProperty("groups")[0];
        Assert.Equal("palantir", first.GetProperty("id").GetString());
        Assert.Equal(["USD 39590900.32"], first.GetProperty("totals").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(3, first.GetProperty("contracts").GetInt32());
        Assert.Equal(1, first.GetProperty("withoutValue").GetInt32());
        Assert.Equal(["palantir-ice-falcon-om", "palantir-ice-gotham", "palantir-ice-icm"], first.GetProperty("contractIds").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2, root.GetProperty("others").GetProperty("groups").GetInt32());
        Assert.Equal(["USD 51815618.04"], root.GetProperty("grandTotals").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2, root.GetProperty("withoutValue").GetInt32());
    }

    [Fact]
    public void Csv_writes_a_row_per_group_and_currency_with_formulas_as_text()
    {
        var data = Path.Combine(folder, "graph.yaml");
        File.WriteAllText(data, TotalsTests.Yaml);

        var result = CliRunner.Run("totals", "--data", data, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("rank,id,name,currency,total,contracts,without_value,disputed", lines[0]);
        Assert.Contains("4,formula,\"'=HYPERLINK(\"\"http://example.com\"\")\",USD,1,1,0,0", lines);
        Assert.Contains("3,beta,Beta Systems,EUR,70,2,0,1", lines);
        Assert.Contains("3,beta,Beta Systems,USD,50,2,0,1", lines);
    }

    [Fact]
    public void Svg_and_html_draw_the_vendors_and_agencies_to_stdout_or_to_the_out_file()
    {
        var svg = CliRunner.Run("totals", "--agency", "ice", "--by", "parent", "--value", "current", "--top", "2", "--format", "svg");
        var page = Path.Combine(folder, "ice.html");
        var html = CliRunner.Run("totals", "--agency", "ice", "--by", "parent", "--value", "current", "--top", "2", "--format", "html", "--out", page);

        Assert.Equal(0, svg.ExitCode);
        var doc = System.Xml.Linq.XDocument.Parse(svg.Out);
        var edge = doc.Descendants().Single(e => (string?)e.Attribute("class") == "techties-edge" && (string?)e.Attribute("data-from") == "palantir");
        Assert.Equal("ice", (string?)edge.Attribute("data-to"));
        Assert.StartsWith("3 contracts, at least $39.59M current value", string.Join(' ', edge.Elements().Where(e => e.Name.LocalName == "text").Select(t => t.Value)), StringComparison.Ordinal);
        Assert.Contains(doc.Descendants(), e => (string?)e.Attribute("class") == "techties-subtitle" && e.Value.StartsWith("Not drawn: 2 other parents", StringComparison.Ordinal));

        Assert.Equal(0, html.ExitCode);
        Assert.Equal(string.Empty, html.Out);
        Assert.StartsWith($"wrote {page}: HTML story page, ", html.Error, StringComparison.Ordinal);
        var text = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        Assert.Contains("<li>Palantir Technologies received $39,590,900.32 in current award value from U.S. Immigration and Customs Enforcement", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_with_csv_is_a_usage_error()
    {
        var result = CliRunner.Run("totals", "--agency", "ice", "--format", "csv", "--out", Path.Combine(folder, "x.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("techties: error: --out writes a picture or story page", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "x.csv")));
    }

    [Fact]
    public void A_vendor_that_is_not_a_company_is_a_usage_error()
    {
        var result = CliRunner.Run("totals", "--vendor", "ice");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal("techties: error: 'ice' is U.S. Immigration and Customs Enforcement (agency ice), not a company: a vendor is a company.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_unknown_vendor_exits_3_with_suggestions_in_json_when_json_is_asked_for()
    {
        var result = CliRunner.Run("totals", "--vendor", "palantr", "--format", "json");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("valid", CliSchema.Check(result.Error.Trim(), "diagnostic"));
        Assert.Contains("palantir", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--top", "0", "--top is 0; it must be at least 1.")]
    [InlineData("--asof", "soon", "--asof is 'soon'; it must be a date such as 2018, 2018-08 or 2018-08-01.")]
    [InlineData("--during", "2019..2017", "--during is '2019..2017'; it must be a span of two dates, the earlier first, such as 2017..2019 or 2018-01..2018-06-30.")]
    public void A_bad_number_or_date_is_a_usage_error(string option, string value, string message)
    {
        var result = CliRunner.Run("totals", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"techties: error: {message}\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_format_totals_does_not_take_is_a_usage_error_that_lists_the_ones_it_takes()
    {
        var result = CliRunner.Run("totals", "--format", "graphml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("graphml", result.Error, StringComparison.Ordinal);
        Assert.Contains("csv", result.Error, StringComparison.Ordinal);
    }
}

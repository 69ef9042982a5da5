using TechTies.Tests.Export;

namespace TechTies.Tests.Loading;

/// <summary>
/// The final line break a <c>|</c> or <c>&gt;</c> block keeps is refused where a value is one line of text; ids, identifiers
/// and addresses hold no line break at all.
/// </summary>
public class LineBreakTests
{
    [Fact]
    public void A_name_written_as_a_block_is_an_error_at_the_value_that_suggests_the_stripping_block()
    {
        var error = Yaml.SingleError("techties: 1\ncompanies:\n  acme:\n    name: |\n      Acme Cloud\n");

        Assert.Equal("test.yaml:4:11 TT0022", Yaml.Positions([error])[0]);
        Assert.Equal("'name' ends with a line break, which a | or > block keeps", error.Message);
        Assert.StartsWith("write name: |- or name: >-, which drop the final line break", error.Suggestion);
    }

    [Fact]
    public void Aliases_titles_urls_references_identifiers_and_tie_ends_refuse_line_breaks()
    {
        var errors = Yaml.Errors("""
            techties: 1
            sources:
              news: { title: ">\n", kind: news }
            companies:
              acme:
                name: Acme
                aliases: [ "Acme Cloud\n" ]
                url: >
                  https://acme.example
                identifiers: { uei: "ABC\nDEF" }
              globex: { name: Globex, hosts_on: "acme\n" }
            ties:
              - { from: "glo\nbex", type: hosts_on, to: acme }
            """);

        Assert.Equal(["test.yaml:3:18 TT0022", "test.yaml:7:16 TT0022", "test.yaml:8:10 TT0022", "test.yaml:10:25 TT0022", "test.yaml:11:37 TT0022", "test.yaml:13:13 TT0022"], Yaml.Positions(errors));
        Assert.Equal("'url' holds a line break, but an id, identifier or address is one line", errors[2].Message);
    }

    [Fact]
    public void A_name_written_as_a_block_in_the_claim_form_is_the_same_error_at_the_value()
    {
        var plain = Yaml.SingleError("techties: 1\ncompanies:\n  palantir:\n    name: |\n      Palantir\n");

        var claim = Yaml.SingleError("""
            techties: 1
            sources:
              src-x: { title: Source, kind: news }
            companies:
              palantir:
                name:
                  value: |
                    Palantir
                  sources: [src-x]
            """);

        Assert.Equal("test.yaml:7:14 TT0022", Yaml.Positions([claim])[0]);
        Assert.Equal((plain.Code, plain.Message, plain.Suggestion), (claim.Code, claim.Message, claim.Suggestion));
    }

    [Fact]
    public void Claims_of_names_titles_addresses_and_statuses_refuse_line_breaks_as_plain_values_do()
    {
        var errors = Yaml.Errors("""
            techties: 1
            sources:
              news: { title: News, kind: news, url: { value: "https://news.example/\na", sources: [news] } }
            companies:
              acme:
                name:
                  - { value: "Acme\n", sources: [news], preferred: true }
                  - { value: Acme Cloud, sources: [news] }
              beta: { name: Beta }
            agencies:
              bureau: { name: Bureau }
            contracts:
              deal: { title: { value: ">\n", sources: [news] }, vendor: acme, agency: bureau, sources: [news] }
            ties:
              - { from: acme, type: hosts_on, to: beta, status: { value: "confirmed\n", sources: [news] }, sources: [news] }
            """);

        Assert.Equal(["test.yaml:3:50 TT0022", "test.yaml:7:18 TT0022", "test.yaml:13:27 TT0022", "test.yaml:15:62 TT0022"], Yaml.Positions(errors));
        Assert.Equal(["'url' holds a line break, but an id, identifier or address is one line", "'name' ends with a line break, which a | or > block keeps", "'title' ends with a line break, which a | or > block keeps", "'status' ends with a line break, which a | or > block keeps"], errors.Select(e => e.Message));
    }

    [Fact]
    public void A_description_keeps_its_line_breaks_and_a_stripped_block_gives_one_line()
    {
        var graph = Yaml.Load("techties: 1\ncompanies:\n  acme:\n    name: |-\n      Acme Cloud\n    description: |\n      One line.\n      Another.\n");

        Assert.Equal("Acme Cloud", graph["acme"].Name);
        Assert.Equal("One line.\nAnother.\n", graph["acme"].Description);
    }

    [Fact]
    public void A_relationship_type_label_written_as_a_block_is_an_error()
    {
        var error = Yaml.SingleError("techties: 1\nrelationship_types:\n  lobbies:\n    from: company\n    to: agency\n    label: >\n      lobbies\n    inverse: lobbied by\n");

        Assert.Equal("test.yaml:6:12 TT0022", Yaml.Positions([error])[0]);
    }

    [Fact]
    public void A_json_name_ending_with_a_line_break_is_an_error_at_the_value()
    {
        var json = "{\"schemaVersion\": \"1.0\", \"entities\": [ { \"kind\": \"group\", \"id\": \"g\", \"name\": \"G\\n\" } ], \"ties\": []}";

        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "bad.json")).Errors);

        Assert.Equal(DiagnosticCodes.WrongShape, error.Code);
        Assert.Equal((1, json.IndexOf("\"G", StringComparison.Ordinal) + 1), (error.Line, error.Column));
    }
}

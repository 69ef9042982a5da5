using TechTies.Tests.Export;

namespace TechTies.Tests.Loading;

/// <summary>The <c>dataset:</c> section is validated like every other section, in YAML and in JSON.</summary>
public class DatasetTests
{
    [Fact]
    public void An_unknown_dataset_field_is_an_error_that_suggests_the_nearest_field()
    {
        var errors = Yaml.Errors("techties: 1\ndataset:\n  name: my-graph\n  licence: CC-BY-4.0\n  foo: bar\n");

        Assert.Equal(["test.yaml:4:3 TT0021", "test.yaml:5:3 TT0021"], Yaml.Positions(errors));
        Assert.Equal("'licence' is not a field of dataset", errors[0].Message);
        Assert.Equal("did you mean 'license'?", errors[0].Suggestion);
    }

    [Fact]
    public void A_dataset_url_that_is_not_a_web_address_is_an_error()
    {
        var error = Yaml.SingleError("techties: 1\ndataset: { name: my-graph, url: not a url }\n");

        Assert.Equal("test.yaml:2:33 TT0022", Yaml.Positions([error])[0]);
        Assert.Contains("not a web address", error.Message);
    }

    [Fact]
    public void A_list_where_a_dataset_field_takes_one_text_is_an_error()
    {
        var error = Yaml.SingleError("techties: 1\ndataset:\n  title: [a, b]\n");

        Assert.Equal("test.yaml:3:10 TT0022", Yaml.Positions([error])[0]);
        Assert.Equal("'title' is a list", error.Message);
    }

    [Fact]
    public void A_dataset_with_an_unknown_field_is_not_left_out_of_the_other_checks()
    {
        var errors = Yaml.Errors("techties: 1\ndataset: { foo: bar, url: nope }\n");

        Assert.Equal(["test.yaml:2:12 TT0021", "test.yaml:2:27 TT0022"], Yaml.Positions(errors));
    }

    [Fact]
    public void A_json_dataset_url_that_is_not_a_web_address_is_an_error_at_the_value()
    {
        var json = "{\n  \"schemaVersion\": \"1.0\",\n  \"datasets\": [ { \"name\": \"g\", \"url\": \"not a url\" } ],\n  \"entities\": [],\n  \"ties\": []\n}\n";

        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "bad.json")).Errors);

        Assert.Equal(DiagnosticCodes.WrongShape, error.Code);
        Assert.Equal((3, 39), (error.Line, error.Column));
    }

    [Fact]
    public void An_unknown_json_dataset_member_is_an_error()
    {
        var json = "{\"schemaVersion\": \"1.0\", \"datasets\": [ { \"licence\": \"x\" } ], \"entities\": [], \"ties\": []}";

        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "bad.json")).Errors);

        Assert.Equal(DiagnosticCodes.UnknownField, error.Code);
        Assert.Contains("'licence' is not a member of a dataset", error.Message);
    }

    [Fact]
    public void A_valid_dataset_loads()
    {
        var graph = Yaml.Load("techties: 1\ndataset: { name: my-graph, title: A graph, license: CC-BY-4.0, description: About it., url: https://example.org }\n");

        var dataset = Assert.Single(graph.Datasets);
        Assert.Equal("https://example.org", dataset.Url);
        Assert.Equal("CC-BY-4.0", dataset.License);
    }
}

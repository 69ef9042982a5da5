using System.Text;
using TechTies.Tests.Export;

namespace TechTies.Tests.Loading;

public class JsonLoadingTests
{
    private static readonly string SampleJson = TechTiesGraph.Parse(ExportTestSupport.SampleYaml, "sample.yaml").ToCanonicalJson();

    [Fact]
    public void Canonical_json_read_and_written_again_is_byte_identical()
    {
        var graph = ExportTestSupport.ParseJson(SampleJson);
        Assert.Equal(SampleJson, graph.ToCanonicalJson());
    }

    [Fact]
    public void The_built_in_graph_round_trips_through_json_byte_for_byte()
    {
        var json = TechTiesGraph.LoadBuiltIn().ToCanonicalJson();
        Assert.Equal(json, ExportTestSupport.ParseJson(json).ToCanonicalJson());
    }

    [Fact]
    public void Yaml_to_json_to_graph_gives_an_equal_graph()
    {
        var fromYaml = TechTiesGraph.Parse(ExportTestSupport.SampleYaml, "sample.yaml");
        var fromJson = ExportTestSupport.ParseJson(fromYaml.ToCanonicalJson());
        Assert.Equal(fromYaml.Entities.Select(e => e.Id), fromJson.Entities.Select(e => e.Id));
        Assert.Equal(fromYaml.Ties.Select(t => t.Id), fromJson.Ties.Select(t => t.Id));
        Assert.Equal(fromYaml.ToCanonicalJson(), fromJson.ToCanonicalJson());
    }

    [Fact]
    public void Canonical_json_keeps_money_dates_and_claims_as_precise_strings()
    {
        Assert.Contains("\"amount\": \"USD 53000000\"", SampleJson);
        Assert.Contains("\"end\": \"2019-09\"", SampleJson);
        Assert.Contains("\"schemaVersion\": \"1.0\"", SampleJson);
        var contract = ExportTestSupport.ParseJson(SampleJson).EntitiesOf<Contract>().Single();
        Assert.Equal(new Money(53_000_000m, "USD"), contract.Amount);
        Assert.True(contract.ClaimsFor("amount")!.IsDisputed);
        Assert.Equal(DatePrecision.Month, contract.End!.Value.Precision);
    }

    [Fact]
    public void Load_reads_json_files_in_folders_next_to_yaml()
    {
        var folder = Directory.CreateTempSubdirectory("techties-json-");
        try
        {
            var graph = TechTiesGraph.Parse(ExportTestSupport.SampleYaml, "sample.yaml");
            File.WriteAllText(Path.Combine(folder.FullName, "graph.json"), graph.ToCanonicalJson());
            File.WriteAllText(Path.Combine(folder.FullName, "extra.yaml"), "techties: 1\ngroups:\n  g2: { name: Group Two }\n");
            var loaded = TechTiesGraph.Load(folder.FullName);
            Assert.Equal(graph.Entities.Length + 1, loaded.Entities.Length);
            Assert.Equal("Group Two", loaded["g2"].Name);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_unknown_member_is_an_error_with_its_line_and_column()
    {
        var json = "{\n  \"schemaVersion\": \"1.0\",\n  \"entities\": [\n    { \"kind\": \"group\", \"id\": \"g\", \"name\": \"G\", \"colour\": \"red\" }\n  ],\n  \"ties\": []\n}\n";
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "bad.json")).Errors);
        Assert.Equal(DiagnosticCodes.UnknownField, error.Code);
        Assert.Equal("bad.json", error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains("'colour' is not a member of an entity", error.Message);
    }

    [Fact]
    public void A_duplicate_member_is_an_error_with_its_position()
    {
        var json = "{\"schemaVersion\": \"1.0\", \"entities\": [], \"ties\": [], \"ties\": []}";
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json)).Errors);
        Assert.Equal(DiagnosticCodes.DuplicateKey, error.Code);
        Assert.Equal((1, 54), (error.Line, error.Column));
    }

    [Fact]
    public void A_missing_required_member_is_an_error()
    {
        var json = "{\n\"schemaVersion\": \"1.0\",\n\"entities\": [{ \"kind\": \"group\", \"id\": \"g\" }],\n\"ties\": []\n}";
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json)).Errors);
        Assert.Equal(DiagnosticCodes.MissingField, error.Code);
        Assert.Equal(3, error.Line);
        Assert.Contains("name", error.Message);
    }

    [Fact]
    public void Malformed_json_is_a_syntax_error_with_its_position()
    {
        var json = "{\n  \"schemaVersion\": \"1.0\",\n  \"entities\": [,]\n}";
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json)).Errors);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("JSON syntax error: ", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void Json_goes_through_the_same_validation_as_yaml()
    {
        var json = """
            {
              "schemaVersion": "1.0",
              "entities": [
                { "kind": "agency", "id": "a", "name": "A" },
                { "kind": "agency", "id": "b", "name": "B", "founded": "2018-13" },
                { "kind": "company", "id": "c", "name": "C", "vendor": "a" }
              ],
              "ties": [
                { "id": "x", "type": "part_of", "from": "a", "to": "b", "status": "reported" },
                { "id": "y", "type": "part_of", "from": "b", "to": "a", "status": "reported" },
                { "id": "z", "type": "hosts_on", "from": "a", "to": "nobody", "status": "reported" }
              ]
            }
            """;
        var errors = Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "v.json")).Errors.ToList();
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.BadDate && e.Line == 5);
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.UnknownField && e.Line == 6 && e.Message.Contains("vendor"));
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.UnknownReference && e.Line == 11);
    }

    [Fact]
    public void Cycles_in_json_are_found_as_in_yaml()
    {
        var json = """
            {
              "schemaVersion": "1.0",
              "entities": [
                { "kind": "agency", "id": "a", "name": "A" },
                { "kind": "agency", "id": "b", "name": "B" }
              ],
              "ties": [
                { "id": "x", "type": "part_of", "from": "a", "to": "b", "status": "reported" },
                { "id": "y", "type": "part_of", "from": "b", "to": "a", "status": "reported" }
              ]
            }
            """;
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json)).Errors);
        Assert.Equal(DiagnosticCodes.Cycle, error.Code);
    }

    [Fact]
    public void An_unsupported_schema_version_is_an_error()
    {
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson("{\"schemaVersion\": \"2.0\", \"entities\": [], \"ties\": []}")).Errors);
        Assert.Equal(DiagnosticCodes.UnsupportedVersion, error.Code);
    }

    [Fact]
    public void A_plain_value_that_is_not_the_preferred_claim_is_an_error()
    {
        var json = SampleJson.Replace("\"amount\": \"USD 53000000\",", "\"amount\": \"USD 41000000\",", StringComparison.Ordinal);
        Assert.NotEqual(SampleJson, json);
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json)).Errors);
        Assert.Equal(DiagnosticCodes.PreferredClaim, error.Code);
    }

    [Fact]
    public void Json_with_a_byte_order_mark_loads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SampleJson)).ToArray();
        Assert.Equal(SampleJson, TechTiesGraph.Load(new MemoryStream(bytes), "bom.json").ToCanonicalJson());
    }

    [Fact]
    public void A_number_where_text_belongs_is_a_wrong_shape_error()
    {
        var json = "{\n\"schemaVersion\": \"1.0\",\n\"entities\": [{ \"kind\": \"group\", \"id\": \"g\", \"name\": \"G\", \"founded\": 2018 }],\n\"ties\": []\n}";
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json)).Errors);
        Assert.Equal(DiagnosticCodes.WrongShape, error.Code);
        Assert.Equal(3, error.Line);
        Assert.Equal("'founded' of an entity has a value of the wrong JSON type", error.Message);
    }

    [Fact]
    public void Trailing_commas_and_comments_are_syntax_errors()
    {
        var trailing = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson("{\"schemaVersion\": \"1.0\", \"entities\": [], \"ties\": [],}")).Errors);
        Assert.Equal(DiagnosticCodes.YamlSyntax, trailing.Code);
        var comment = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson("// hi\n{\"schemaVersion\": \"1.0\", \"entities\": [], \"ties\": []}")).Errors);
        Assert.Equal((DiagnosticCodes.YamlSyntax, 1), (comment.Code, comment.Line));
    }

    [Fact]
    public void A_tie_naming_a_missing_contract_is_an_error()
    {
        var json = "{\"schemaVersion\": \"1.0\", \"entities\": [], \"ties\": [{\"id\": \"x\", \"type\": \"awarded_to\", \"from\": \"c\", \"to\": \"v\", \"status\": \"reported\", \"contract\": \"c\"}]}";
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json)).Errors);
        Assert.Equal(DiagnosticCodes.UnknownReference, error.Code);
    }

    [Fact]
    public void A_contract_tie_that_differs_from_its_contract_is_an_error()
    {
        var json = SampleJson.Replace("\"until\": \"2019-09\",", "\"until\": \"2020\",", StringComparison.Ordinal);
        Assert.NotEqual(SampleJson, json);
        var errors = Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json)).Errors.ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.WrongShape, e.Code));
        Assert.Contains(errors, e => e.Message.Contains("until is '2020', the contract's end '2019-09'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"schemaVersion\": \"1.0\", \"entities\": null, \"ties\": []}")]
    [InlineData("{\"schemaVersion\": \"1.0\", \"entities\": [{\"kind\": \"group\", \"id\": null, \"name\": \"G\"}], \"ties\": []}")]
    [InlineData("{\"schemaVersion\": \"1.0\", \"entities\": [{\"kind\": \"group\", \"id\": \"g\", \"name\": \"G\", \"aliases\": [null]}], \"ties\": []}")]
    [InlineData("null")]
    public void Null_is_an_error_not_a_crash(string json)
    {
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json)).Errors);
        Assert.Equal(DiagnosticCodes.WrongShape, error.Code);
        Assert.Equal("null is not a value in a TechTies graph", error.Message);
    }
}

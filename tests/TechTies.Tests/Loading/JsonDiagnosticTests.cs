using TechTies.Loading;
using TechTies.Tests.Export;

namespace TechTies.Tests.Loading;

/// <summary>Problems in a JSON file are reported at the token they are about, in the words of someone writing JSON.</summary>
public class JsonDiagnosticTests
{
    [Fact]
    public void A_value_of_the_wrong_type_is_reported_at_the_value()
    {
        var error = SingleError("{ \"schemaVersion\": 1, \"entities\": [], \"ties\": [] }");

        Assert.Equal(DiagnosticCodes.WrongShape, error.Code);
        Assert.Equal((1, 20), (error.Line, error.Column));
    }

    [Fact]
    public void An_unknown_member_is_reported_at_its_name()
    {
        var json = "{\"schemaVersion\": \"1.0\", \"entities\": [ { \"kind\": \"group\", \"id\": \"g\", \"name\": \"G\", \"colour\": \"red\" } ], \"ties\": []}";

        var error = SingleError(json);

        Assert.Equal(DiagnosticCodes.UnknownField, error.Code);
        Assert.Equal((1, json.IndexOf("\"colour\"", StringComparison.Ordinal) + 1), (error.Line, error.Column));
    }

    [Fact]
    public void A_missing_member_is_reported_at_its_object()
    {
        var json = "{\"schemaVersion\": \"1.0\",\n  \"entities\": [ { \"kind\": \"group\", \"id\": \"g\" } ], \"ties\": []}";

        var error = SingleError(json);

        Assert.Equal(DiagnosticCodes.MissingField, error.Code);
        Assert.Equal((2, 17), (error.Line, error.Column));
    }

    [Fact]
    public void A_file_in_the_yaml_layout_is_told_so_at_its_first_yaml_key()
    {
        var error = SingleError("{\"techties\": 1, \"companies\": { \"acme\": { \"name\": \"Acme\" } }}");

        Assert.Equal(DiagnosticCodes.UnknownField, error.Code);
        Assert.Equal((1, 2), (error.Line, error.Column));
        Assert.Contains("YAML layout", error.Message);
        Assert.Equal("rename the file to .yaml, or write the JSON format of docs/json.md (schemaVersion, entities, ties)", error.Suggestion);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": \"1.0\", \"entities\": [], \"ties\": [],}", "a comma after the last item of an object; JSON allows no comma there", "remove the last comma")]
    [InlineData("{\"schemaVersion\": \"1.0\", \"entities\": [1,], \"ties\": []}", "a comma after the last item of an array; JSON allows no comma there", "remove the last comma")]
    [InlineData("{\"schemaVersion\": \"1.0\", // the version\n \"entities\": [], \"ties\": []}", "a comment; JSON has no comments", "remove the comment")]
    [InlineData("{'schemaVersion': \"1.0\", \"entities\": [], \"ties\": []}", "text in single quotes; JSON strings and member names use double quotes", "write \"...\" instead of '...'")]
    [InlineData("{\"schemaVersion\": \"1.0, \"entities\": [], \"ties\": []}", "'entities' cannot follow a value here", "separate members and items with commas; close objects with } and arrays with ]")]
    [InlineData("{\"schemaVersion\": \"1.0\n, \"entities\": [], \"ties\": []}", "a string is not closed before the end of its line", "close the string with \" (write a line break inside a string as \\n)")]
    [InlineData("{\"schemaVersion\": nope, \"entities\": [], \"ties\": []}", "'nope' is not a JSON value", "a value is a \"string\", a number (without leading zeros), true, false, an object { } or an array [ ]")]
    [InlineData("{\"schemaVersion\": \"1.0\", \"entities\": [", "the file ends before the JSON is complete", "close every object with } and every array with ]")]
    public void A_syntax_error_is_described_in_the_writers_words(string json, string message, string suggestion)
    {
        var error = SingleError(json);

        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal("JSON syntax error: " + message, error.Message);
        Assert.Equal(suggestion, error.Suggestion);
        Assert.DoesNotContain("reader options", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_trailing_comma_is_reported_at_the_comma()
    {
        var error = SingleError("{\"schemaVersion\": \"1.0\", \"entities\": [], \"ties\": [],\n}");

        Assert.Equal((1, 52), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("$.entities[3].name", "/entities/3/name")]
    [InlineData("$", "")]
    [InlineData("$.ties[0].citations[2]", "/ties/0/citations/2")]
    [InlineData("$['odd.name'].x", "/odd.name/x")]
    public void A_serializer_path_becomes_a_key_of_the_position_maps(string path, string pointer)
    {
        Assert.Equal(pointer, JsonTreeReader.PointerOf(path));
    }

    private static Diagnostic SingleError(string json) =>
        Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "bad.json")).Errors);
}

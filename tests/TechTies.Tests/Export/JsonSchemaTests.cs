using System.Text.Json;

namespace TechTies.Tests.Export;

public class JsonSchemaTests
{
    private static string SchemaPath => Path.Combine(ExportTestSupport.RepoRoot, JsonSchemaGenerator.RelativePath);

    [Fact]
    public void The_committed_schema_matches_the_types()
    {
        var generated = JsonSchemaGenerator.Generate();
        if (Environment.GetEnvironmentVariable("TECHTIES_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        Assert.True(File.Exists(SchemaPath), $"{JsonSchemaGenerator.RelativePath} is missing; run the tests once with TECHTIES_UPDATE_SCHEMA=1 to write it, then commit it.");
        Assert.True(
            File.ReadAllText(SchemaPath) == generated,
            $"{JsonSchemaGenerator.RelativePath} differs from the schema of the JSON records; run the tests with TECHTIES_UPDATE_SCHEMA=1, review the change and commit it.");
    }

    [Fact]
    public void The_schema_declares_required_members_and_refuses_unknown_ones()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var root = schema.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal(["schemaVersion", "entities", "ties"], root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        var entity = root.GetProperty("properties").GetProperty("entities").GetProperty("items");
        Assert.Equal(["kind", "id", "name"], entity.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("contract", entity.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [MemberData(nameof(ConsumerTests.Graphs), MemberType = typeof(ConsumerTests))]
    public void The_json_export_validates_against_the_committed_schema_with_python_jsonschema(string name)
    {
        var path = ConsumerTests.Graph(name).WriteTemp(ExportFormat.Json, ".json");
        try
        {
            const string script = "import json, sys, jsonschema\nschema = json.load(open(sys.argv[1], encoding='utf-8'))\njsonschema.Draft202012Validator.check_schema(schema)\njsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2], encoding='utf-8')))\nprint('valid')";
            Assert.Equal("valid", ConsumerSupport.Run("/usr/bin/python3", ["-c", script, SchemaPath, path], ConsumerSupport.AptHint).Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(ConsumerTests.Graphs), MemberType = typeof(ConsumerTests))]
    public void The_json_export_validates_against_the_committed_schema_with_ajv(string name)
    {
        var path = ConsumerTests.Graph(name).WriteTemp(ExportFormat.Json, ".json");
        try
        {
            var output = ConsumerSupport.Run("node", [Path.Combine(ConsumerSupport.NodeFolder, "validate-schema.js"), SchemaPath, path], ConsumerSupport.NodeHint, ConsumerSupport.NodeFolder);
            Assert.Equal("valid", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_schema_rejects_what_the_reader_rejects()
    {
        var json = ConsumerTests.Graph("sample").ToCanonicalJson().Replace("\"name\": \"Acme Corp\",", "\"name\": \"Acme Corp\", \"colour\": \"red\",", StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"techties-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => ConsumerSupport.Run("node", [Path.Combine(ConsumerSupport.NodeFolder, "validate-schema.js"), SchemaPath, path], ConsumerSupport.NodeHint, ConsumerSupport.NodeFolder));
            Assert.Contains("additionalProperties", error.Message);
            Assert.Throws<GraphLoadException>(() => TechTiesGraph.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

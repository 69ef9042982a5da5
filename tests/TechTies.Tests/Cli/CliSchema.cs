using TechTies.Tests.Export;

namespace TechTies.Tests.Cli;

/// <summary>Checks the command line's JSON output against schemas/cli-output-1.0.schema.json with Python jsonschema; the entity and tie objects resolve to the graph schema.</summary>
internal static class CliSchema
{
    private const string Script = """
        import json, sys, jsonschema
        graph = json.load(open(sys.argv[1], encoding='utf-8'))
        cli = json.load(open(sys.argv[2], encoding='utf-8'))
        jsonschema.Draft202012Validator.check_schema(cli)
        # The CLI schema refers to the graph schema by its $id; embed it so that any jsonschema version resolves it.
        graph_id = graph.pop('$id') + '#'
        graph.pop('$schema')
        text = json.dumps(cli).replace('"' + graph_id, '"#/$defs/graph')
        schema = json.loads(text)
        schema['$defs']['graph'] = json.loads(json.dumps(graph).replace('"#/', '"#/$defs/graph/'))
        # Older jsonschema versions cannot join '#...' to a urn base; resolve local references against the document itself.
        schema.pop('$id')
        if sys.argv[3] != '':
            schema = dict(schema, oneOf=[{'$ref': '#/$defs/' + sys.argv[3]}])
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[4], encoding='utf-8'))))
        print('valid' if not errors else 'invalid: ' + errors[0].message[:300])
        """;

    private static readonly string GraphSchemaPath = Path.Combine(RepoRoot.Path, "schemas", "techties-graph-1.0.schema.json");
    private static readonly string CliSchemaPath = Path.Combine(RepoRoot.Path, "schemas", "cli-output-1.0.schema.json");

    /// <summary>Validates one JSON document against the whole schema with ajv (Node), the graph schema added by its $id; gives "valid" or ajv's errors.</summary>
    public static string CheckWithAjv(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"techties-cli-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            var script = Path.Combine(ConsumerSupport.NodeFolder, "validate-schema.js");
            return ConsumerSupport.Run("node", [script, CliSchemaPath, file, GraphSchemaPath], ConsumerSupport.NodeHint, ConsumerSupport.NodeFolder).Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Validates one JSON document, against the whole schema or one of its <c>$defs</c>; gives "valid" or "invalid: why".</summary>
    public static string Check(string json, string definition = "")
    {
        var file = Path.Combine(Path.GetTempPath(), $"techties-cli-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            return ConsumerSupport.Run("/usr/bin/python3", ["-c", Script, GraphSchemaPath, CliSchemaPath, definition, file], ConsumerSupport.AptHint).Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }
}

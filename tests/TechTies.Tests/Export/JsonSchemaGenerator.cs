using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using TechTies.Loading;

namespace TechTies.Tests.Export;

/// <summary>
/// Generates the JSON Schema of the canonical format from its records (JsonSchemaExporter), then adds what the types
/// cannot say: title, id, descriptions, the allowed words, and the patterns of ids, dates and money.
/// </summary>
internal static class JsonSchemaGenerator
{
    public const string RelativePath = "schemas/techties-graph-1.0.schema.json";

    private const string DatePattern = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
    private const string MoneyPattern = "^[A-Z]{3} -?[0-9]+(\\.[0-9]+)?$";
    private const string IdPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private static readonly Dictionary<string, string[]> Words = new(StringComparer.Ordinal)
    {
        ["kind"] = ["company", "agency", "contract", "protest", "group", "person", "product", "source"],
        ["status"] = ["reported", "confirmed", "alleged", "denied", "ended"],
        ["protestKind"] = ["rally", "letter", "petition", "walkout", "campaign", "strike", "boycott", "other"],
        ["sourceKind"] = ["news", "report", "letter", "dataset", "record", "statement"],
    };

    private static readonly HashSet<string> Dates = ["founded", "start", "end", "date", "published", "since", "until"];
    private static readonly HashSet<string> Amounts = ["amount", "obligated", "currentValue", "potentialValue"];

    public static string Generate()
    {
        var options = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Transform };
        var schema = CanonicalJsonContext.Default.JsonGraph.GetJsonSchemaAsNode(options).AsObject();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:techties:schema:graph:1.0",
            ["title"] = "TechTies graph, canonical JSON format 1.0",
            ["description"] = "A TechTies knowledge graph of ties between technology companies and governments: entities (sources included), ties and declared relationship types. Written by graph.Export(ExportFormat.Json, ...) and read by TechTiesGraph.Load; see docs/json.md. Reading is strict: unknown and duplicate members are errors.",
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            root[key] = value;
        }

        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is not JsonObject node || context.PropertyInfo is not { } property)
        {
            return schema;
        }

        // The format has no nulls (a member without a value is left out), and the reader refuses them.
        if (node["type"] is JsonArray types && types.Any(t => (string?)t == "null"))
        {
            var rest = types.Select(t => (string)t!).Where(t => t != "null").ToList();
            node["type"] = rest.Count == 1 ? rest[0] : new JsonArray([.. rest.Select(t => (JsonNode)t)]);
        }

        var description = property.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: true).OfType<DescriptionAttribute>().FirstOrDefault();
        if (description is not null)
        {
            node.Insert(0, "description", description.Description);
        }

        var owner = property.DeclaringType;
        var name = property.Name;
        if (owner == typeof(JsonEntity) && Words.TryGetValue(name, out var words)
            || owner == typeof(JsonTie) && name == "status" && Words.TryGetValue(name, out words))
        {
            node["enum"] = new JsonArray([.. words.Select(w => (JsonNode)w)]);
        }
        else if ((owner == typeof(JsonEntity) || owner == typeof(JsonTie)) && Dates.Contains(name))
        {
            node["pattern"] = DatePattern;
        }
        else if ((owner == typeof(JsonEntity) || owner == typeof(JsonTie)) && Amounts.Contains(name))
        {
            node["pattern"] = MoneyPattern;
        }
        else if (owner == typeof(JsonEntity) && name is "id" or "vendor" or "agency" or "office" || owner == typeof(JsonTie) && name is "from" or "to" or "contract" || owner == typeof(JsonCitation) && name == "source")
        {
            node["pattern"] = IdPattern;
        }
        else if (owner == typeof(JsonGraph) && name == "schemaVersion")
        {
            node["const"] = JsonGraph.CurrentVersion;
        }

        return node;
    }
}

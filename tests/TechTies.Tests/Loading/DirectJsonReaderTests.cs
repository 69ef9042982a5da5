using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using TechTies.Loading;
using TechTies.Tests.Export;

namespace TechTies.Tests.Loading;

/// <summary>
/// The direct JSON reader against the strict path it stands in for: whenever it gives a tree, the strict path gives
/// the same tree, with the same positions, and no diagnostic; otherwise the strict path reads the file.
/// </summary>
public class DirectJsonReaderTests
{
    private static readonly string SampleJson = TechTiesGraph.Parse(ExportTestSupport.SampleYaml, "sample.yaml").ToCanonicalJson();

    private static readonly string BuiltInJson = TechTiesGraph.LoadBuiltIn().ToCanonicalJson();

    public static TheoryData<string> Layouts => ["sample", "sample minified", "sample reordered", "built-in", "built-in minified", "built-in reordered"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_valid_file_is_read_directly_into_the_strict_paths_tree(string layout)
    {
        var json = Layout(layout.StartsWith("sample", StringComparison.Ordinal) ? SampleJson : BuiltInJson, layout);
        var bytes = Encoding.UTF8.GetBytes(json);

        var direct = DirectJsonTreeReader.TryRead(bytes);

        Assert.NotNull(direct);
        Assert.Equal(Strict(bytes), Dump(direct));
    }

    [Property(Arbitrary = [typeof(GraphGenerators)], MaxTest = 60)]
    public void A_random_graph_and_its_corruptions_read_as_the_strict_path_reads_them(RandomGraph random, int seed)
    {
        var json = TechTiesGraph.Parse(random.Yaml, "random.yaml").ToCanonicalJson();
        var rng = new Random(seed);
        foreach (var layout in (string[])[json, Layout(json, "minified reordered")])
        {
            var bytes = Encoding.UTF8.GetBytes(layout);
            Assert.Equal(Strict(bytes), Dump(DirectJsonTreeReader.TryRead(bytes) ?? throw new Xunit.Sdk.XunitException("the direct reader gave up on a valid file")));
        }

        for (var i = 0; i < 20; i++)
        {
            AssertSameAsStrict(Corrupt(json, rng));
        }
    }

    [Fact]
    public void Corruptions_of_a_file_with_claims_contracts_and_protests_read_as_the_strict_path_reads_them()
    {
        var rng = new Random(7);
        for (var i = 0; i < 400; i++)
        {
            AssertSameAsStrict(Corrupt(SampleJson, rng));
        }
    }

    [Fact]
    public void A_wrong_type_in_minified_one_line_json_points_at_its_line_and_column()
    {
        var json = ReplaceFirst(Layout(SampleJson, "minified"), "\"founded\":\"2003\"", "\"founded\":2003");
        var at = json.IndexOf(":2003", StringComparison.Ordinal) + 1;
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "min.json")).Errors);
        Assert.Equal((DiagnosticCodes.WrongShape, "min.json", 1), (error.Code, error.File, error.Line));
        Assert.InRange(error.Column, at + 1, at + 5);
    }

    [Fact]
    public void A_validation_error_in_minified_one_line_json_points_at_its_value()
    {
        var json = ReplaceFirst(Layout(SampleJson, "minified"), "\"founded\":\"2003\"", "\"founded\":\"2003-13\"");
        var at = json.IndexOf("\"2003-13\"", StringComparison.Ordinal);
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "min.json")).Errors);
        Assert.Equal((DiagnosticCodes.BadDate, 1, at + 1), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void An_error_deep_in_a_claim_of_minified_json_is_counted_in_characters_after_non_ascii_text()
    {
        var json = Layout(SampleJson, "minified").Replace("a \\\"quoted\\\" line", "déjà vu ✓ 😀", StringComparison.Ordinal);
        Assert.Contains("😀", json);
        json = json.Replace("\"USD 41000000\"", "\"USD 41x\"", StringComparison.Ordinal);
        var at = json.IndexOf("\"USD 41x\"", StringComparison.Ordinal);
        var column = json[..at].EnumerateRunes().Count() + 1;
        Assert.NotNull(DirectJsonTreeReader.TryRead(Encoding.UTF8.GetBytes(json)));
        var errors = Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "deep.json")).Errors;
        Assert.Contains(errors, e => e.Line == 1 && e.Column == column && e.Message.Contains("USD 41x", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_member_deep_in_a_claim_points_at_the_second_one()
    {
        var json = SampleJson.Replace("\"preferred\": true", "\"preferred\": true, \"preferred\": true", StringComparison.Ordinal);
        var lines = json.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"preferred\": true, ", StringComparison.Ordinal));
        var column = lines[line].LastIndexOf("\"preferred\"", StringComparison.Ordinal) + 1;
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "deep.json")).Errors);
        Assert.Equal((DiagnosticCodes.DuplicateKey, line + 1, column), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Json_nested_deeper_than_allowed_is_a_syntax_error_at_the_bracket_too_many()
    {
        var json = "{\"schemaVersion\": \"1.0\", \"entities\": [], \"ties\": [], \"x\": " + new string('[', 80) + new string(']', 80) + "}";
        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => ExportTestSupport.ParseJson(json, "deep.json")).Errors);
        Assert.Equal((DiagnosticCodes.YamlSyntax, 1), (error.Code, error.Line));
        // The object is one level, so the 64th bracket is one too many.
        Assert.Equal(json.IndexOf("[[", StringComparison.Ordinal) + YamlTreeReader.MaxDepth, error.Column);
    }

    private static string ReplaceFirst(string text, string old, string with)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, old);
        return text[..at] + with + text[(at + old.Length)..];
    }

    private static void AssertSameAsStrict(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (DirectJsonTreeReader.TryRead(bytes) is { } direct)
        {
            Assert.Equal(Strict(bytes), Dump(direct));
        }
    }

    // The strict path's tree, and the diagnostics it reports while building it.
    private static string Strict(byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var tree = JsonTreeReader.ReadStrictly(bytes, "f.json", diagnostics);
        return string.Concat(diagnostics.Items.Select(d => $"{d.Code} {d.Line}:{d.Column} {d.Message}\n")) + (tree is null ? "no tree" : Dump(tree));
    }

    private static string Dump(YNode node)
    {
        var text = new StringBuilder();
        Write(node, 0);
        return text.ToString();

        void Write(YNode n, int depth)
        {
            text.Append(' ', depth * 2).Append($"{n.GetType().Name} {n.Line}:{n.Column}");
            switch (n)
            {
                case YScalar s:
                    text.Append($" {(s.IsPlain ? "plain" : "quoted")} {JsonSerializer.Serialize(s.Value)}\n");
                    break;
                case YMap m:
                    text.Append('\n');
                    foreach (var (key, value) in m.Entries)
                    {
                        Write(key, depth + 1);
                        Write(value, depth + 2);
                    }

                    break;
                case YSeq q:
                    text.Append('\n');
                    foreach (var item in q.Items)
                    {
                        Write(item, depth + 1);
                    }

                    break;
            }
        }
    }

    private static string Layout(string json, string layout)
    {
        var node = JsonNode.Parse(json)!;
        if (layout.Contains("reordered", StringComparison.Ordinal))
        {
            node = Reversed(node);
        }

        return layout.Contains("minified", StringComparison.Ordinal) || layout.Contains("reordered", StringComparison.Ordinal)
            ? node.ToJsonString(new JsonSerializerOptions { WriteIndented = !layout.Contains("minified", StringComparison.Ordinal), Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            : json;
    }

    // Members in the reverse order, so that kinds come after names, ties before entities, citations before claims.
    private static JsonNode Reversed(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)Reversed(p.Value)))),
        JsonArray a => new JsonArray(a.Select(i => i is null ? null : Reversed(i)).ToArray()),
        _ => node.DeepClone(),
    };

    // A small edit of the kind people and tools make: a value swapped for another of the file's, a member renamed,
    // doubled or dropped, a string turned into a number, null or an object, a character cut or doubled.
    private static string Corrupt(string json, Random rng)
    {
        var strings = System.Text.RegularExpressions.Regex.Matches(json, "\"(?:[^\"\\\\]|\\\\.)*\"").ToList();
        var pick = strings[rng.Next(strings.Count)];
        var other = strings[rng.Next(strings.Count)].Value;
        string Replace(string with) => json[..pick.Index] + with + json[(pick.Index + pick.Length)..];
        var at = rng.Next(json.Length);
        return rng.Next(9) switch
        {
            0 => Replace(other),
            1 => Replace("2018"),
            2 => Replace("null"),
            3 => Replace("{}"),
            4 => Replace(other + ": " + other + ", " + pick.Value),
            5 => Replace("\"" + pick.Value.Trim('"') + "x\""),
            6 => json.Remove(at, 1),
            7 => json.Insert(at, json[at].ToString()),
            _ => Replace(pick.Value + ", " + pick.Value),
        };
    }
}

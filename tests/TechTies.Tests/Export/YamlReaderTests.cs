using System.Text.Json;

namespace TechTies.Tests.Export;

/// <summary>The YAML export read by PyYAML's <c>yaml.safe_load</c>, a YAML 1.1 reader like most outside .NET.</summary>
public class YamlReaderTests
{
    /// <summary>Text that YAML 1.1 or the YAML 1.2 core schema would read as null, a boolean, a number or a date.</summary>
    public const string AmbiguousYaml = """
        techties: 1
        dataset: { name: ambiguous, title: "1.0", license: "NO" }
        sources:
          "2018": { title: "1.10", kind: news, publisher: "off", author: "NULL", published: 2018-08-01 }
        companies:
          "yes":
            name: "yes"
            aliases: ["No", "on", "off", "True", "y", "N", "Yes", "OFF", "=", "<<", "~", "yEs"]
            description: "123"
            founded: 2004
            identifiers: { uei: "007", duns: "1_000" }
          "no":
            name: "2018-08-01"
            aliases: ["0x1F", "0o17", "0b101", "1e3", "-1.5e+3", ".inf", "-.Inf", ".NaN", "1:20", "190:20:30.15", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5"]
            description: "false"
        agencies:
          "0":
            name: [{ value: "Null", sources: ["2018"], preferred: true }, { value: "off", sources: ["2018"] }]
            aliases: ["+12", "-0", "09", "3.", "1_0.5"]
        contracts:
          "123":
            title: "2018-08-01 12:00:00"
            vendor: "no"
            agency: "0"
            award_id: "007"
            amount: USD 53 million
            start: 2015
            end: 2018-07
            sources: [{ source: "2018", quote: "on", page: "12" }]
        protests:
          rally:
            name: "True"
            kind: rally
            date: 2018-08-01
            place: "NO"
            size: "100"
            targets: ["yes"]
            sources: ["2018"]
        ties:
          - { from: "yes", type: hosts_on, to: "no", since: 2017, description: "y", sources: ["2018"] }
        """;

    // The fields the format defines as dates or flags: written plain, as in hand-written files (docs/export.md).
    private static readonly HashSet<string> TypedFields = ["techties", "preferred", "same_kind", "acyclic", "founded", "published", "date", "start", "end", "since", "until"];

    public static TheoryData<string> Graphs => ["ambiguous", "sample", "built-in", "hostile"];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void PyYAML_reads_every_text_field_of_the_yaml_export_as_a_string(string name)
    {
        var graph = Graph(name);
        var (_, typed) = ReadWithPyYaml(graph);
        Assert.All(typed, path => Assert.Contains(FieldOf(path), TypedFields));
    }

    [Fact]
    public void PyYAML_reads_ambiguous_names_aliases_and_descriptions_as_the_original_text()
    {
        var graph = Graph("ambiguous");
        var (doc, _) = ReadWithPyYaml(graph);
        foreach (var entity in graph.Entities)
        {
            var yaml = doc.GetProperty(entity.Kind.ToSection()).GetProperty(entity.Id);
            var nameField = entity.Kind is Kind.Contract or Kind.Source ? "title" : "name";
            var name = yaml.GetProperty(nameField);
            Assert.Equal(entity.Name, name.ValueKind == JsonValueKind.Array ? name[0].GetProperty("value").GetString() : name.GetString());
            Assert.Equal(entity.Aliases, yaml.TryGetProperty("aliases", out var aliases) ? aliases.EnumerateArray().Select(a => a.GetString()!) : []);
            Assert.Equal(entity.Description, yaml.TryGetProperty("description", out var description) ? description.GetString() : null);
        }

        Assert.Equal("off", doc.GetProperty("agencies").GetProperty("0").GetProperty("name")[1].GetProperty("value").GetString());
        Assert.Equal("1.0", doc.GetProperty("dataset").GetProperty("title").GetString());
        var source = doc.GetProperty("sources").GetProperty("2018");
        Assert.Equal(["off", "NULL"], new[] { "publisher", "author" }.Select(f => source.GetProperty(f).GetString()));
        var company = doc.GetProperty("companies").GetProperty("yes");
        Assert.Equal("007", company.GetProperty("identifiers").GetProperty("uei").GetString());
        Assert.Equal("1_000", company.GetProperty("identifiers").GetProperty("duns").GetString());
        var contract = doc.GetProperty("contracts").GetProperty("123");
        Assert.Equal("007", contract.GetProperty("award_id").GetString());
        Assert.Equal("no", contract.GetProperty("vendor").GetString());
        Assert.Equal("0", contract.GetProperty("agency").GetString());
        Assert.Equal("on", contract.GetProperty("sources")[0].GetProperty("quote").GetString());
        Assert.Equal("12", contract.GetProperty("sources")[0].GetProperty("page").GetString());
        var rally = doc.GetProperty("protests").GetProperty("rally");
        Assert.Equal(["NO", "100"], new[] { "place", "size" }.Select(f => rally.GetProperty(f).GetString()));
        var ties = doc.GetProperty("ties").EnumerateArray().ToList();
        Assert.Contains(ties, t => t.GetProperty("type").GetString() == "targets" && t.GetProperty("to").GetString() == "yes");
        var hosting = Assert.Single(ties, t => t.GetProperty("type").GetString() == "hosts_on");
        Assert.Equal(["yes", "no", "y"], new[] { "from", "to", "description" }.Select(f => hosting.GetProperty(f).GetString()));
    }

    [Fact]
    public void Dates_stay_plain_in_the_fields_the_format_defines_as_dates()
    {
        var yaml = Graph("ambiguous").ExportText(ExportFormat.Yaml);
        Assert.Contains("    published: 2018-08-01\n", yaml);
        Assert.Contains("    founded: 2004\n", yaml);
        Assert.Contains("    date: 2018-08-01\n", yaml);
        Assert.Contains("\n  since: 2017\n", yaml);
    }

    [Fact]
    public void TechTies_loads_its_yaml_export_of_ambiguous_text_to_an_equal_graph()
    {
        var graph = Graph("ambiguous");
        var reloaded = TechTiesGraph.Parse(graph.ExportText(ExportFormat.Yaml), "export.yaml");
        Assert.Equal(graph.ToCanonicalJson(), reloaded.ToCanonicalJson());
    }

    private static TechTiesGraph Graph(string name) =>
        name == "ambiguous" ? TechTiesGraph.Parse(AmbiguousYaml, "ambiguous.yaml") : ConsumerTests.Graph(name);

    // A claim's value is typed like its field: "protests/rally/date/0/value" is a date field.
    private static string FieldOf(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 3 && parts[^1] == "value" && int.TryParse(parts[^2], out _) ? parts[^3] : parts[^1];
    }

    private static (JsonElement Doc, List<string> Typed) ReadWithPyYaml(TechTiesGraph graph)
    {
        var path = graph.WriteTemp(ExportFormat.Yaml, ".yaml");
        try
        {
            var script = Path.Combine(ExportTestSupport.RepoRoot, "tests", "consumers", "python", "read_yaml.py");
            var root = JsonDocument.Parse(ConsumerSupport.Run("/usr/bin/python3", [script, path], ConsumerSupport.AptHint)).RootElement;
            return (root.GetProperty("doc"), [.. root.GetProperty("typed").EnumerateArray().Select(p => p.GetString()!)]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class YamlImplicitTypesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("ON")]
    [InlineData("off")]
    [InlineData("y")]
    [InlineData("N")]
    [InlineData("True")]
    [InlineData("FALSE")]
    [InlineData("<<")]
    [InlineData("=")]
    [InlineData("123")]
    [InlineData("-0")]
    [InlineData("+12")]
    [InlineData("007")]
    [InlineData("09")]
    [InlineData("0b1010_0111")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("1_000")]
    [InlineData("190:20:30")]
    [InlineData("1.10")]
    [InlineData("3.")]
    [InlineData(".5")]
    [InlineData("1e3")]
    [InlineData("6.8523015e+5")]
    [InlineData("685_230.15")]
    [InlineData("190:20:30.15")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    [InlineData("2018-08-01")]
    [InlineData("2001-12-14t21:59:43.10-05:00")]
    [InlineData("2001-12-14 21:59:43.10 -5")]
    [InlineData("2001-12-15 2:59:43.10")]
    [InlineData("2002-12-14T00:00:00Z")]
    public void Text_a_yaml_reader_would_take_for_another_type_is_recognized(string value) =>
        Assert.True(TechTies.Import.YamlImplicitTypes.ReadsAsNonString(value));

    [Theory]
    [InlineData("Palantir")]
    [InlineData("yes please")]
    [InlineData("Norway")]
    [InlineData("USD 53 million")]
    [InlineData("2018-07")]
    [InlineData("0x")]
    [InlineData("-")]
    [InlineData("e3")]
    [InlineData("nullable")]
    [InlineData("1 000")]
    public void Ordinary_text_is_not(string value) =>
        Assert.False(TechTies.Import.YamlImplicitTypes.ReadsAsNonString(value));
}

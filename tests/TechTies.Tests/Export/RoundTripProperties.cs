using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using TechTies.Loading;

namespace TechTies.Tests.Export;

/// <summary>Random graphs, with arbitrary Unicode names, go through JSON and YAML and come back equal.</summary>
public class RoundTripProperties
{
    private static readonly Kind[] Kinds = [Kind.Company, Kind.Agency, Kind.Group, Kind.Person, Kind.Product, Kind.Protest, Kind.Source];

    [Property(MaxTest = 150)]
    public bool Json_to_graph_to_json_is_byte_identical(NonEmptyArray<NonNull<string>> names, int[] picks)
    {
        var graph = RandomGraph(names.Get.Select(n => n.Get).ToArray(), picks);
        var json = graph.ToCanonicalJson();
        return ExportTestSupport.ParseJson(json).ToCanonicalJson() == json;
    }

    [Property(MaxTest = 150)]
    public bool Graph_to_yaml_to_graph_is_equal(NonEmptyArray<NonNull<string>> names, int[] picks)
    {
        var graph = RandomGraph(names.Get.Select(n => n.Get).ToArray(), picks);
        var yaml = graph.ExportText(ExportFormat.Yaml);
        return TechTiesGraph.Parse(yaml, "random.yaml").ToCanonicalJson() == graph.ToCanonicalJson();
    }

    [Property(MaxTest = 50)]
    public bool Yaml_to_graph_to_json_to_graph_is_equal(NonEmptyArray<NonNull<string>> names, int[] picks)
    {
        var yaml = RandomGraph(names.Get.Select(n => n.Get).ToArray(), picks).ExportText(ExportFormat.Yaml);
        var fromYaml = TechTiesGraph.Parse(yaml, "random.yaml");
        return ExportTestSupport.ParseJson(fromYaml.ToCanonicalJson()).ToCanonicalJson() == fromYaml.ToCanonicalJson();
    }

    // Builds the graph through the JSON records, so every graph is one the loader accepts: names are made valid
    // Unicode (a file cannot hold a lone surrogate) and not blank (a name is required), ties only join kinds their type allows, and no acyclic type is used.
    private static TechTiesGraph RandomGraph(string[] names, int[] picks)
    {
        var next = 0;
        int Pick(int max) => picks.Length == 0 ? next++ % max : (int)((uint)picks[next++ % picks.Length] % (uint)max);
        string Date() => Pick(3) switch
        {
            0 => (1900 + Pick(130)).ToString(CultureInfo.InvariantCulture),
            1 => $"{1900 + Pick(130)}-{1 + Pick(12):00}",
            _ => $"{1900 + Pick(130)}-{1 + Pick(12):00}-{1 + Pick(28):00}",
        };

        var entities = new List<JsonEntity> { new() { Kind = "source", Id = "src", Name = "The source", SourceKind = "news" } };
        for (var i = 0; i < names.Length; i++)
        {
            var kind = Kinds[Pick(Kinds.Length)];
            var entity = new JsonEntity
            {
                Kind = kind.ToName(),
                Id = $"e{i}",
                Name = NameOf(names[i]),
                Aliases = Pick(3) == 0 ? [TextOf(names[(i + 1) % names.Length])] : null,
                Citations = Pick(2) == 0 ? [new JsonCitation { Source = "src", Quote = Clean(names[i]) }] : null,
            };
            entities.Add(kind switch
            {
                Kind.Company or Kind.Agency or Kind.Group => entity with { Founded = Pick(2) == 0 ? Date() : null },
                Kind.Protest => entity with { ProtestKind = "rally", Date = Date(), Place = TextOf(names[i]) },
                Kind.Source => entity with { SourceKind = "report", Published = Date() },
                _ => entity,
            });
        }

        var companies = entities.Where(e => e.Kind == "company").ToList();
        var agencies = entities.Where(e => e.Kind == "agency").ToList();
        if (companies.Count > 0 && agencies.Count > 0)
        {
            entities.Add(new JsonEntity
            {
                Kind = "contract", Id = "deal", Name = "A deal", Vendor = companies[0].Id, Agency = agencies[0].Id,
                Amount = $"USD {Pick(1_000_000)}.{Pick(100):00}", Start = "2014", End = "2019-09", Status = "confirmed",
                Citations = [new JsonCitation { Source = "src" }],
            });
        }

        var types = GraphSchema.BuiltIn.RelationshipTypes.Where(t => !t.Acyclic).ToList();
        var ties = new List<JsonTie>();
        var nodes = entities.Where(e => e.Kind != "contract").ToList();
        for (var i = 0; i < Pick(12); i++)
        {
            var from = nodes[Pick(nodes.Count)];
            var to = nodes[Pick(nodes.Count)];
            KindNames.TryParse(from.Kind, out var fromKind);
            KindNames.TryParse(to.Kind, out var toKind);
            var allowed = types.Where(t => t.Allows(fromKind, toKind)).ToList();
            if (from == to || allowed.Count == 0)
            {
                continue;
            }

            var since = Pick(2) == 0 ? Date() : null;
            ties.Add(new JsonTie
            {
                Id = "ignored", Type = allowed[Pick(allowed.Count)].Name, From = from.Id, To = to.Id,
                Since = since, Amount = Pick(3) == 0 ? $"EUR {Pick(5000)}" : null, Status = CanonicalStatus(Pick(5)),
                Description = Pick(2) == 0 ? Clean(names[Pick(names.Length)]) : null,
                Citations = [new JsonCitation { Source = "src", Page = Pick(2) == 0 ? "p. 1" : null }],
                FieldClaims = since is not null && Pick(2) == 0
                    ? [new JsonFieldClaims { Field = "since", Claims = [new JsonClaim { Value = since, Preferred = true, Citations = [new JsonCitation { Source = "src" }] }, new JsonClaim { Value = "1999", Preferred = false }] }]
                    : null,
            });
        }

        var json = JsonSerializer.Serialize(new JsonGraph { SchemaVersion = JsonGraph.CurrentVersion, Entities = entities, Ties = ties }, CanonicalJsonContext.Default.JsonGraph);
        return ExportTestSupport.ParseJson(json, "random.json");
    }

    private static string CanonicalStatus(int i) => new[] { "reported", "confirmed", "alleged", "denied", "ended" }[i];

    // Lone surrogates cannot be stored in a UTF-8 file; everything else, control characters included, is kept.
    // A name must say something: a blank one gets a letter in front.
    private static string NameOf(string text) => TextOf(Clean(text) is var name && string.IsNullOrWhiteSpace(name) ? "n" + name : name);

    // Text other than a description must not end with a line break (the final one of a | block, refused as TT0022):
    // such text gets a letter after it.
    private static string TextOf(string text)
    {
        var clean = Clean(text);
        return clean.Length > 0 && clean[^1] is '\n' or '\r' ? clean + "t" : clean;
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i++, 2);
            }
            else if (!char.IsSurrogate(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace TechTies.Tests.Export;

public class CanonicalObjectTests
{
    [Theory]
    [InlineData("built-in")]
    [InlineData("sample")]
    public void One_entity_or_tie_written_alone_is_the_object_the_canonical_export_holds(string name)
    {
        var graph = name == "built-in" ? TechTiesGraph.LoadBuiltIn() : TechTiesGraph.Parse(ExportTestSupport.SampleYaml, "sample.yaml");
        var export = JsonNode.Parse(graph.ToCanonicalJson())!;
        var entities = Write(w => graph.Entities.ToList().ForEach(e => graph.WriteCanonicalJson(e, w)));
        var ties = Write(w => graph.Ties.ToList().ForEach(t => t.WriteCanonicalJson(w)));
        Assert.True(JsonNode.DeepEquals(export["entities"], entities));
        Assert.True(JsonNode.DeepEquals(export["ties"], ties));
    }

    [Fact]
    public void A_contract_written_alone_has_the_status_of_the_tie_it_makes()
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        var falcon = Write(w => graph.WriteCanonicalJson(graph["palantir-ice-falcon-om"], w))[0]!;
        Assert.Equal("ended", falcon["status"]!.GetValue<string>());
    }

    private static JsonArray Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            write(writer);
            writer.WriteEndArray();
        }

        return JsonNode.Parse(buffer.ToArray())!.AsArray();
    }
}

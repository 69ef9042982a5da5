using System.Text.Json;

namespace TechTies.Tests.Export;

public class JsonContextTests
{
    private static readonly TechTiesGraph Graph = TechTiesGraph.Parse(ExportTestSupport.SampleYaml, "sample.yaml");

    [Fact]
    public void An_entity_serializes_with_a_kind_discriminator_first()
    {
        var json = JsonSerializer.Serialize(Graph["acme"], TechTiesJsonContext.Default.Entity);
        using var doc = JsonDocument.Parse(json);
        var first = doc.RootElement.EnumerateObject().First();
        Assert.Equal(("kind", "company"), (first.Name, first.Value.GetString()));
        Assert.Equal("Acme Corp", doc.RootElement.GetProperty("name").GetString());
        Assert.Equal("2003", doc.RootElement.GetProperty("founded").GetString());
        Assert.Equal("ABC123", doc.RootElement.GetProperty("identifiers").GetProperty("uei").GetString());
        Assert.Equal(1, doc.RootElement.EnumerateObject().Count(p => p.Name == "kind"));
    }

    [Fact]
    public void A_contract_serializes_its_money_as_precise_text()
    {
        var json = JsonSerializer.Serialize(Graph["acme-ice-1"], TechTiesJsonContext.Default.Entity);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("contract", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal("USD 53000000", doc.RootElement.GetProperty("amount").GetString());
        Assert.Equal("2019-09", doc.RootElement.GetProperty("end").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("fieldClaims")[0].GetProperty("claims").GetArrayLength());
    }

    [Fact]
    public void A_tie_serializes_its_ends_type_and_contract_as_ids()
    {
        var tie = Graph.Ties.Single(t => t.Type.Name == "contracts_with");
        var json = JsonSerializer.Serialize(tie, TechTiesJsonContext.Default.Tie);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("acme", doc.RootElement.GetProperty("from").GetString());
        Assert.Equal("ice", doc.RootElement.GetProperty("to").GetString());
        Assert.Equal("contracts_with", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal("acme-ice-1", doc.RootElement.GetProperty("contract").GetString());
        Assert.Equal("Confirmed", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("since").ValueKind);
    }

    [Fact]
    public void A_list_of_entities_of_mixed_kinds_keeps_each_kind()
    {
        var json = JsonSerializer.Serialize(Graph.Entities, TechTiesJsonContext.Default.ImmutableArrayEntity);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(Graph.Entities.Select(e => e.Kind.ToName()), doc.RootElement.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public void The_context_works_in_an_apps_resolver_chain()
    {
        var options = new JsonSerializerOptions { TypeInfoResolverChain = { TechTiesJsonContext.Default } };
        var json = JsonSerializer.Serialize(Graph.Ties[0], options);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(Graph.Ties[0].From.Id, doc.RootElement.GetProperty("From").GetString());
    }
}

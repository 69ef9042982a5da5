using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using TechTies.Loading;

namespace TechTies.Export;

/// <summary>Writes the canonical JSON format (<c>docs/json.md</c>): same graph, same bytes.</summary>
internal static class CanonicalJsonWriter
{
    public static void Write(TechTiesGraph graph, Stream stream)
    {
        var options = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
#if NET9_0_OR_GREATER
            NewLine = "\n",
#endif
        };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            JsonSerializer.Serialize(writer, ToRecords(graph), CanonicalJsonContext.Default.JsonGraph);
        }

        stream.WriteByte((byte)'\n');
    }

    public static void WriteEntity(TechTiesGraph graph, Entity entity, Utf8JsonWriter writer)
    {
        var contractStatus = new Dictionary<string, TieStatus>(StringComparer.Ordinal);
        // Every tie a contract makes (awarded_to, awarded_by, contracts_with, covers) carries its status, and one of
        // them leaves the contract node whenever any exists: the index finds it without reading every tie.
        if (entity is Contract && graph.TiesFrom(entity).FirstOrDefault(t => ReferenceEquals(t.Contract, entity)) is { } tie)
        {
            contractStatus[entity.Id] = tie.Status;
        }

        JsonSerializer.Serialize(writer, Entity(entity, contractStatus), CanonicalJsonContext.Default.JsonEntity);
    }

    public static void WriteTie(Tie tie, Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, Tie(tie), CanonicalJsonContext.Default.JsonTie);

    internal static JsonGraph ToRecords(TechTiesGraph graph)
    {
        var contractStatus = graph.Ties.Where(t => t.Contract is not null).GroupBy(t => t.Contract!.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Status, StringComparer.Ordinal);
        return new JsonGraph
        {
            SchemaVersion = JsonGraph.CurrentVersion,
            Datasets = NullIfEmpty(graph.Datasets.Select(d => new JsonDataset { Name = d.Name, Title = d.Title, License = d.License, Description = d.Description, Url = d.Url })),
            RelationshipTypes = NullIfEmpty(graph.Schema.RelationshipTypes.Where(t => !t.IsBuiltIn).Select(t => new JsonRelationshipType
            {
                Name = t.Name,
                From = [.. t.From.Select(k => k.ToName())],
                To = [.. t.To.Select(k => k.ToName())],
                Label = t.Label,
                Inverse = t.InverseLabel,
                SameKind = t.SameKind ? true : null,
                Acyclic = t.Acyclic ? true : null,
                Description = t.Description,
            })),
            Entities = [.. graph.Entities.Select(e => Entity(e, contractStatus))],
            Ties = [.. graph.Ties.Select(Tie)],
        };
    }

    private static JsonEntity Entity(Entity e, Dictionary<string, TieStatus> contractStatus)
    {
        var entity = new JsonEntity
        {
            Kind = e.Kind.ToName(),
            Id = e.Id,
            Name = e.Name,
            Aliases = NullIfEmpty(e.Aliases),
            Description = e.Description,
            Citations = Citations(e.Citations),
            FieldClaims = Claims(e.FieldClaims),
        };
        return e switch
        {
            Company c => entity with { Url = c.Url, Founded = c.Founded?.ToString(), Identifiers = Identifiers(c.Identifiers) },
            Agency a => entity with { Url = a.Url, Founded = a.Founded?.ToString(), Identifiers = Identifiers(a.Identifiers) },
            Group g => entity with { Url = g.Url, Founded = g.Founded?.ToString() },
            Product p => entity with { Url = p.Url },
            Contract c => entity with
            {
                AwardId = c.AwardId, Vendor = c.VendorId, VendorParent = c.VendorParentId, Agency = c.AgencyId, Office = c.OfficeId, Products = NullIfEmpty(c.ProductIds),
                Amount = c.Amount?.ToString(), Obligated = c.Obligated?.ToString(), CurrentValue = c.CurrentValue?.ToString(), PotentialValue = c.PotentialValue?.ToString(),
                Start = c.Start?.ToString(), End = c.End?.ToString(), Status = Word(contractStatus.GetValueOrDefault(c.Id, TieStatus.Reported)),
            },
            Protest p => entity with { ProtestKind = Word(p.ProtestKind), Date = p.Date?.ToString(), Start = p.Start?.ToString(), End = p.End?.ToString(), Place = p.Place, Size = p.Size },
            Source s => entity with { SourceKind = Word(s.SourceKind), Publisher = s.Publisher, Author = s.Author, Published = s.Published?.ToString(), Url = s.Url },
            _ => entity,
        };
    }

    private static JsonTie Tie(Tie t) => new()
    {
        Id = t.Id,
        Type = t.Type.Name,
        From = t.From.Id,
        To = t.To.Id,
        Since = t.Since?.ToString(),
        Until = t.Until?.ToString(),
        Amount = t.Amount?.ToString(),
        Status = Word(t.Status),
        Description = t.Description,
        Citations = Citations(t.Citations),
        FieldClaims = Claims(t.FieldClaims),
        Contract = t.Contract?.Id,
    };

    internal static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static SortedDictionary<string, string>? Identifiers(ImmutableSortedDictionary<string, string> identifiers) =>
        identifiers.IsEmpty ? null : new SortedDictionary<string, string>(identifiers, StringComparer.Ordinal);

    private static List<JsonCitation>? Citations(ImmutableArray<Citation> citations) =>
        NullIfEmpty(citations.Select(c => new JsonCitation { Source = c.Source, Quote = c.Quote, Page = c.Page }));

    private static List<JsonFieldClaims>? Claims(ImmutableArray<FieldClaims> claims) =>
        NullIfEmpty(claims.Select(f => new JsonFieldClaims
        {
            Field = f.Field,
            Claims = [.. f.Claims.Select(c => new JsonClaim { Value = c.Value, Citations = Citations(c.Citations), Preferred = c.Preferred })],
        }));

    private static List<T>? NullIfEmpty<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }
}

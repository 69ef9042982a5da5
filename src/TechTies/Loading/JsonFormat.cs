using System.Text.Json;
using System.Text.Json.Serialization;

namespace TechTies.Loading;

/// <summary>
/// The canonical JSON format (schema version 1.0), as records that System.Text.Json source generation reads and
/// writes. Declaration order is the property order on disk; <see langword="null"/> members are left out. Field
/// names in <c>fieldClaims</c> are the YAML field names (<c>amount</c>, <c>current_value</c>).
/// </summary>
internal sealed record JsonGraph
{
    public const string CurrentVersion = "1.0";

    /// <summary>The format version, major.minor; this package reads and writes 1.0.</summary>
    public required string SchemaVersion { get; init; }

    /// <summary>The dataset blocks of the graph's files.</summary>
    public List<JsonDataset>? Datasets { get; init; }

    /// <summary>The relationship types the graph declares (built-in types are not repeated).</summary>
    public List<JsonRelationshipType>? RelationshipTypes { get; init; }

    /// <summary>Every entity, sources included, in ordinal order of id.</summary>
    public required List<JsonEntity> Entities { get; init; }

    /// <summary>Every tie, in ordinal order of id.</summary>
    public required List<JsonTie> Ties { get; init; }
}

/// <summary>A dataset block.</summary>
internal sealed record JsonDataset
{
    /// <summary>A short machine name.</summary>
    public string? Name { get; init; }

    /// <summary>A human title.</summary>
    public string? Title { get; init; }

    /// <summary>The licence of the data, such as CC-BY-4.0.</summary>
    public string? License { get; init; }

    /// <summary>A description.</summary>
    public string? Description { get; init; }

    /// <summary>Where the data set is published.</summary>
    public string? Url { get; init; }
}

/// <summary>A declared relationship type.</summary>
internal sealed record JsonRelationshipType
{
    /// <summary>The type name, such as lobbies.</summary>
    public required string Name { get; init; }

    /// <summary>The kinds a tie may start from.</summary>
    public required List<string> From { get; init; }

    /// <summary>The kinds a tie may point to.</summary>
    public required List<string> To { get; init; }

    /// <summary>The forward label.</summary>
    public required string Label { get; init; }

    /// <summary>The backward label.</summary>
    public required string Inverse { get; init; }

    /// <summary>Whether both ends must be of the same kind.</summary>
    public bool? SameKind { get; init; }

    /// <summary>Whether ties of the type must not form a cycle.</summary>
    public bool? Acyclic { get; init; }

    /// <summary>What the type means.</summary>
    public string? Description { get; init; }
}

/// <summary>An entity of any kind; members that do not belong to its kind are rejected by validation.</summary>
internal sealed record JsonEntity
{
    /// <summary>company, agency, contract, protest, group, person, product or source.</summary>
    public required string Kind { get; init; }

    /// <summary>The stable id, a lowercase slug.</summary>
    public required string Id { get; init; }

    /// <summary>The name (the title of a contract or source).</summary>
    public required string Name { get; init; }

    /// <summary>Other names.</summary>
    public List<string>? Aliases { get; init; }

    /// <summary>A free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>A web address (company, agency, group, product, source).</summary>
    public string? Url { get; init; }

    /// <summary>When it was founded, a partial date (company, agency, group).</summary>
    public string? Founded { get; init; }

    /// <summary>External identifiers by scheme (company, agency).</summary>
    public SortedDictionary<string, string>? Identifiers { get; init; }

    /// <summary>The award identifier (contract).</summary>
    public string? AwardId { get; init; }

    /// <summary>The vendor's id (contract).</summary>
    public string? Vendor { get; init; }

    /// <summary>The agency's id (contract).</summary>
    public string? Agency { get; init; }

    /// <summary>The awarding office's id (contract).</summary>
    public string? Office { get; init; }

    /// <summary>The ids of the products covered (contract).</summary>
    public List<string>? Products { get; init; }

    /// <summary>The headline amount, such as USD 39000000 (contract).</summary>
    public string? Amount { get; init; }

    /// <summary>The amount obligated (contract).</summary>
    public string? Obligated { get; init; }

    /// <summary>The current total value (contract).</summary>
    public string? CurrentValue { get; init; }

    /// <summary>The potential total value (contract).</summary>
    public string? PotentialValue { get; init; }

    /// <summary>A partial date (contract, protest).</summary>
    public string? Start { get; init; }

    /// <summary>A partial date (contract, protest).</summary>
    public string? End { get; init; }

    /// <summary>The status of the ties the contract makes (contract).</summary>
    public string? Status { get; init; }

    /// <summary>rally, letter, petition, walkout, campaign, strike, boycott or other (protest).</summary>
    public string? ProtestKind { get; init; }

    /// <summary>The day, month or year it happened (protest).</summary>
    public string? Date { get; init; }

    /// <summary>Where it happened (protest).</summary>
    public string? Place { get; init; }

    /// <summary>Its size as sources state it (protest).</summary>
    public string? Size { get; init; }

    /// <summary>news, report, letter, dataset, record or statement (source).</summary>
    public string? SourceKind { get; init; }

    /// <summary>The publisher (source).</summary>
    public string? Publisher { get; init; }

    /// <summary>The author (source).</summary>
    public string? Author { get; init; }

    /// <summary>When it was published, a partial date (source).</summary>
    public string? Published { get; init; }

    /// <summary>The sources cited for the entity.</summary>
    public List<JsonCitation>? Citations { get; init; }

    /// <summary>Fields given with their own sources.</summary>
    public List<JsonFieldClaims>? FieldClaims { get; init; }
}

/// <summary>A tie.</summary>
internal sealed record JsonTie
{
    /// <summary>The stable id, from/type/to with suffixes.</summary>
    public required string Id { get; init; }

    /// <summary>The relationship type.</summary>
    public required string Type { get; init; }

    /// <summary>The id of the start.</summary>
    public required string From { get; init; }

    /// <summary>The id of the end.</summary>
    public required string To { get; init; }

    /// <summary>When it began, a partial date.</summary>
    public string? Since { get; init; }

    /// <summary>When it ended, a partial date.</summary>
    public string? Until { get; init; }

    /// <summary>An amount of money, such as USD 39000000.</summary>
    public string? Amount { get; init; }

    /// <summary>reported, confirmed, alleged, denied or ended.</summary>
    public required string Status { get; init; }

    /// <summary>A free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>The sources that state the tie.</summary>
    public List<JsonCitation>? Citations { get; init; }

    /// <summary>Fields given with their own sources.</summary>
    public List<JsonFieldClaims>? FieldClaims { get; init; }

    /// <summary>The id of the contract the tie is made from; such ties are derived from the contract entity.</summary>
    public string? Contract { get; init; }
}

/// <summary>A citation.</summary>
internal sealed record JsonCitation
{
    /// <summary>The id of the cited source.</summary>
    public required string Source { get; init; }

    /// <summary>The words of the source, verbatim.</summary>
    public string? Quote { get; init; }

    /// <summary>Where in the source.</summary>
    public string? Page { get; init; }
}

/// <summary>The claims given for one field.</summary>
internal sealed record JsonFieldClaims
{
    /// <summary>The field, as named in the YAML format.</summary>
    public required string Field { get; init; }

    /// <summary>The claims, in the order written; exactly one preferred.</summary>
    public required List<JsonClaim> Claims { get; init; }
}

/// <summary>One claimed value.</summary>
internal sealed record JsonClaim
{
    /// <summary>The value in its canonical text form.</summary>
    public required string Value { get; init; }

    /// <summary>The sources that state it.</summary>
    public List<JsonCitation>? Citations { get; init; }

    /// <summary>Whether queries use this value.</summary>
    public required bool Preferred { get; init; }
}

/// <summary>The source-generated serializer of the canonical format: strict on reading.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(JsonGraph))]
internal sealed partial class CanonicalJsonContext : JsonSerializerContext
{
}

using System.ComponentModel;
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
    [Description("The format version, major.minor; this package reads and writes 1.0.")]
    public required string SchemaVersion { get; init; }

    /// <summary>The dataset blocks of the graph's files.</summary>
    [Description("The dataset blocks of the graph's files.")]
    public List<JsonDataset>? Datasets { get; init; }

    /// <summary>The relationship types the graph declares (built-in types are not repeated).</summary>
    [Description("The relationship types the graph declares (built-in types are not repeated).")]
    public List<JsonRelationshipType>? RelationshipTypes { get; init; }

    /// <summary>Every entity, sources included, in ordinal order of id.</summary>
    [Description("Every entity, sources included, in ordinal order of id.")]
    public required List<JsonEntity> Entities { get; init; }

    /// <summary>Every tie, in ordinal order of id.</summary>
    [Description("Every tie, in ordinal order of id.")]
    public required List<JsonTie> Ties { get; init; }
}

/// <summary>A dataset block.</summary>
internal sealed record JsonDataset
{
    /// <summary>A short machine name.</summary>
    [Description("A short machine name.")]
    public string? Name { get; init; }

    /// <summary>A human title.</summary>
    [Description("A human title.")]
    public string? Title { get; init; }

    /// <summary>The licence of the data, such as CC-BY-4.0.</summary>
    [Description("The licence of the data, such as CC-BY-4.0.")]
    public string? License { get; init; }

    /// <summary>A description.</summary>
    [Description("A description.")]
    public string? Description { get; init; }

    /// <summary>Where the data set is published.</summary>
    [Description("Where the data set is published.")]
    public string? Url { get; init; }
}

/// <summary>A declared relationship type.</summary>
internal sealed record JsonRelationshipType
{
    /// <summary>The type name, such as lobbies.</summary>
    [Description("The type name, such as lobbies.")]
    public required string Name { get; init; }

    /// <summary>The kinds a tie may start from.</summary>
    [Description("The kinds a tie may start from.")]
    public required List<string> From { get; init; }

    /// <summary>The kinds a tie may point to.</summary>
    [Description("The kinds a tie may point to.")]
    public required List<string> To { get; init; }

    /// <summary>The forward label.</summary>
    [Description("The forward label.")]
    public required string Label { get; init; }

    /// <summary>The backward label.</summary>
    [Description("The backward label.")]
    public required string Inverse { get; init; }

    /// <summary>Whether both ends must be of the same kind.</summary>
    [Description("Whether both ends must be of the same kind.")]
    public bool? SameKind { get; init; }

    /// <summary>Whether ties of the type must not form a cycle.</summary>
    [Description("Whether ties of the type must not form a cycle.")]
    public bool? Acyclic { get; init; }

    /// <summary>What the type means.</summary>
    [Description("What the type means.")]
    public string? Description { get; init; }
}

/// <summary>An entity of any kind; members that do not belong to its kind are rejected by validation.</summary>
internal sealed record JsonEntity
{
    /// <summary>company, agency, contract, protest, group, person, product or source.</summary>
    [Description("company, agency, contract, protest, group, person, product or source.")]
    public required string Kind { get; init; }

    /// <summary>The stable id, a lowercase slug.</summary>
    [Description("The stable id, a lowercase slug.")]
    public required string Id { get; init; }

    /// <summary>The name (the title of a contract or source).</summary>
    [Description("The name (the title of a contract or source).")]
    public required string Name { get; init; }

    /// <summary>Other names.</summary>
    [Description("Other names.")]
    public List<string>? Aliases { get; init; }

    /// <summary>A free-text description.</summary>
    [Description("A free-text description.")]
    public string? Description { get; init; }

    /// <summary>A web address (company, agency, group, product, source).</summary>
    [Description("A web address (company, agency, group, product, source).")]
    public string? Url { get; init; }

    /// <summary>When it was founded, a partial date (company, agency, group).</summary>
    [Description("When it was founded, a partial date (company, agency, group).")]
    public string? Founded { get; init; }

    /// <summary>External identifiers by scheme (company, agency).</summary>
    [Description("External identifiers by scheme (company, agency).")]
    public SortedDictionary<string, string>? Identifiers { get; init; }

    /// <summary>The award identifier (contract).</summary>
    [Description("The award identifier (contract).")]
    public string? AwardId { get; init; }

    /// <summary>The vendor's id (contract).</summary>
    [Description("The vendor's id (contract).")]
    public string? Vendor { get; init; }

    /// <summary>The id of the parent company the award record names for the vendor (contract).</summary>
    [Description("The id of the parent company the award record names for the vendor (contract).")]
    public string? VendorParent { get; init; }

    /// <summary>The agency's id (contract).</summary>
    [Description("The agency's id (contract).")]
    public string? Agency { get; init; }

    /// <summary>The awarding office's id (contract).</summary>
    [Description("The awarding office's id (contract).")]
    public string? Office { get; init; }

    /// <summary>The ids of the products covered (contract).</summary>
    [Description("The ids of the products covered (contract).")]
    public List<string>? Products { get; init; }

    /// <summary>The headline amount, such as USD 39000000 (contract).</summary>
    [Description("The headline amount, such as USD 39000000 (contract).")]
    public string? Amount { get; init; }

    /// <summary>The amount obligated (contract).</summary>
    [Description("The amount obligated (contract).")]
    public string? Obligated { get; init; }

    /// <summary>The current total value (contract).</summary>
    [Description("The current total value (contract).")]
    public string? CurrentValue { get; init; }

    /// <summary>The potential total value (contract).</summary>
    [Description("The potential total value (contract).")]
    public string? PotentialValue { get; init; }

    /// <summary>A partial date (contract, protest).</summary>
    [Description("A partial date (contract, protest).")]
    public string? Start { get; init; }

    /// <summary>A partial date (contract, protest).</summary>
    [Description("A partial date (contract, protest).")]
    public string? End { get; init; }

    /// <summary>The status of the ties the contract makes (contract).</summary>
    [Description("The status of the ties the contract makes (contract).")]
    public string? Status { get; init; }

    /// <summary>rally, letter, petition, walkout, campaign, strike, boycott or other (protest).</summary>
    [Description("rally, letter, petition, walkout, campaign, strike, boycott or other (protest).")]
    public string? ProtestKind { get; init; }

    /// <summary>The day, month or year it happened (protest).</summary>
    [Description("The day, month or year it happened (protest).")]
    public string? Date { get; init; }

    /// <summary>Where it happened (protest).</summary>
    [Description("Where it happened (protest).")]
    public string? Place { get; init; }

    /// <summary>Its size as sources state it (protest).</summary>
    [Description("Its size as sources state it (protest).")]
    public string? Size { get; init; }

    /// <summary>news, report, letter, dataset, record or statement (source).</summary>
    [Description("news, report, letter, dataset, record or statement (source).")]
    public string? SourceKind { get; init; }

    /// <summary>The publisher (source).</summary>
    [Description("The publisher (source).")]
    public string? Publisher { get; init; }

    /// <summary>The author (source).</summary>
    [Description("The author (source).")]
    public string? Author { get; init; }

    /// <summary>When it was published, a partial date (source).</summary>
    [Description("When it was published, a partial date (source).")]
    public string? Published { get; init; }

    /// <summary>The sources cited for the entity.</summary>
    [Description("The sources cited for the entity.")]
    public List<JsonCitation>? Citations { get; init; }

    /// <summary>Fields given with their own sources.</summary>
    [Description("Fields given with their own sources.")]
    public List<JsonFieldClaims>? FieldClaims { get; init; }
}

/// <summary>A tie.</summary>
internal sealed record JsonTie
{
    /// <summary>The stable id, from/type/to with suffixes.</summary>
    [Description("The stable id, from/type/to with suffixes.")]
    public required string Id { get; init; }

    /// <summary>The relationship type.</summary>
    [Description("The relationship type.")]
    public required string Type { get; init; }

    /// <summary>The id of the start.</summary>
    [Description("The id of the start.")]
    public required string From { get; init; }

    /// <summary>The id of the end.</summary>
    [Description("The id of the end.")]
    public required string To { get; init; }

    /// <summary>When it began, a partial date.</summary>
    [Description("When it began, a partial date.")]
    public string? Since { get; init; }

    /// <summary>When it ended, a partial date.</summary>
    [Description("When it ended, a partial date.")]
    public string? Until { get; init; }

    /// <summary>An amount of money, such as USD 39000000.</summary>
    [Description("An amount of money, such as USD 39000000.")]
    public string? Amount { get; init; }

    /// <summary>reported, confirmed, alleged, denied or ended.</summary>
    [Description("reported, confirmed, alleged, denied or ended.")]
    public required string Status { get; init; }

    /// <summary>A free-text description.</summary>
    [Description("A free-text description.")]
    public string? Description { get; init; }

    /// <summary>The sources that state the tie.</summary>
    [Description("The sources that state the tie.")]
    public List<JsonCitation>? Citations { get; init; }

    /// <summary>Fields given with their own sources.</summary>
    [Description("Fields given with their own sources.")]
    public List<JsonFieldClaims>? FieldClaims { get; init; }

    /// <summary>The id of the contract the tie is made from; such ties are derived from the contract entity.</summary>
    [Description("The id of the contract the tie is made from; such ties are derived from the contract entity.")]
    public string? Contract { get; init; }
}

/// <summary>A citation.</summary>
internal sealed record JsonCitation
{
    /// <summary>The id of the cited source.</summary>
    [Description("The id of the cited source.")]
    public required string Source { get; init; }

    /// <summary>The words of the source, verbatim.</summary>
    [Description("The words of the source, verbatim.")]
    public string? Quote { get; init; }

    /// <summary>Where in the source.</summary>
    [Description("Where in the source.")]
    public string? Page { get; init; }
}

/// <summary>The claims given for one field.</summary>
internal sealed record JsonFieldClaims
{
    /// <summary>The field, as named in the YAML format.</summary>
    [Description("The field, as named in the YAML format.")]
    public required string Field { get; init; }

    /// <summary>The claims, in the order written; exactly one preferred.</summary>
    [Description("The claims, in the order written; exactly one preferred.")]
    public required List<JsonClaim> Claims { get; init; }
}

/// <summary>One claimed value.</summary>
internal sealed record JsonClaim
{
    /// <summary>The value in its canonical text form.</summary>
    [Description("The value in its canonical text form.")]
    public required string Value { get; init; }

    /// <summary>The sources that state it.</summary>
    [Description("The sources that state it.")]
    public List<JsonCitation>? Citations { get; init; }

    /// <summary>Whether queries use this value.</summary>
    [Description("Whether queries use this value.")]
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

namespace TechTies.Loading;

/// <summary>The names format version 1 gives its sections, fields and words, for the readers and their messages.</summary>
internal static class FormatV1
{
    /// <summary>The format version this package reads.</summary>
    public const int Version = 1;

    /// <summary>The top-level keys of a YAML file.</summary>
    public static readonly string[] Sections = ["techties", "dataset", "sources", "companies", "agencies", "contracts", "groups", "people", "products", "protests", "ties", "relationship_types"];

    /// <summary>The fields of <c>dataset:</c>.</summary>
    public static readonly string[] DatasetFields = ["name", "title", "license", "description", "url"];

    /// <summary>The fields of a tie in <c>ties:</c>.</summary>
    public static readonly string[] TieFields = ["from", "type", "to", "since", "until", "amount", "currency", "status", "description", "sources"];

    /// <summary>The fields of a tie written as an entity's field.</summary>
    public static readonly string[] FieldTieFields = ["to", "since", "until", "amount", "currency", "status", "description", "sources"];

    /// <summary>The fields of one claim of a field that sources disagree on.</summary>
    public static readonly string[] ClaimFields = ["value", "sources", "preferred"];

    /// <summary>The words of <c>status</c>, <c>kind</c> of a source and <c>kind</c> of a protest.</summary>
    public static readonly string[] StatusWords = ["reported", "confirmed", "alleged", "denied", "ended"];
    public static readonly string[] SourceKindWords = ["news", "report", "letter", "dataset", "record", "statement"];
    public static readonly string[] ProtestKindWords = ["rally", "letter", "petition", "walkout", "campaign", "strike", "boycott", "other"];

    /// <summary>The fields of each kind of entity.</summary>
    public static readonly IReadOnlyDictionary<Kind, string[]> FieldsByKind = new Dictionary<Kind, string[]>
    {
        [Kind.Company] = ["name", "aliases", "description", "sources", "url", "founded", "identifiers"],
        [Kind.Agency] = ["name", "aliases", "description", "sources", "url", "founded", "identifiers"],
        [Kind.Group] = ["name", "aliases", "description", "sources", "url", "founded"],
        [Kind.Person] = ["name", "aliases", "description", "sources"],
        [Kind.Product] = ["name", "aliases", "description", "sources", "url"],
        [Kind.Contract] = ["title", "aliases", "description", "sources", "award_id", "vendor", "vendor_parent", "agency", "office", "product", "amount", "obligated", "current_value", "potential_value", "currency", "start", "end", "status"],
        [Kind.Protest] = ["name", "aliases", "description", "sources", "kind", "date", "start", "end", "place", "size", "organizers", "signatories"],
        [Kind.Source] = ["title", "aliases", "description", "sources", "kind", "publisher", "author", "published", "url"],
    };
}

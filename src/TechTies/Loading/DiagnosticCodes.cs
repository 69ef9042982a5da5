namespace TechTies;

/// <summary>The stable codes of load diagnostics. <c>docs/format.md</c> shows an example of each.</summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not valid UTF-8.</summary>
    public const string InvalidUtf8 = "TT0001";

    /// <summary>A tab is used for indentation.</summary>
    public const string TabIndentation = "TT0002";

    /// <summary>The YAML (or JSON) is not well formed.</summary>
    public const string YamlSyntax = "TT0003";

    /// <summary>A YAML anchor or alias is used.</summary>
    public const string AnchorsNotAllowed = "TT0004";

    /// <summary>The YAML is nested deeper than the loader allows.</summary>
    public const string NestingTooDeep = "TT0005";

    /// <summary>A key appears twice in one mapping.</summary>
    public const string DuplicateKey = "TT0006";

    /// <summary>A YAML tag (<c>!!int</c>, <c>!company</c>) is used.</summary>
    public const string TagsNotAllowed = "TT0007";

    /// <summary>The file has no <c>techties:</c> version.</summary>
    public const string MissingVersion = "TT0010";

    /// <summary>The file's <c>techties:</c> version is not one this package reads.</summary>
    public const string UnsupportedVersion = "TT0011";

    /// <summary>A section name is not part of the format.</summary>
    public const string UnknownSection = "TT0020";

    /// <summary>A field is not part of the format for its entity kind or tie.</summary>
    public const string UnknownField = "TT0021";

    /// <summary>A value has the wrong shape (a list where a single value belongs, say).</summary>
    public const string WrongShape = "TT0022";

    /// <summary>A required field is missing or empty.</summary>
    public const string MissingField = "TT0023";

    /// <summary>An id is not a lowercase slug.</summary>
    public const string BadId = "TT0030";

    /// <summary>An id is defined twice.</summary>
    public const string DuplicateId = "TT0031";

    /// <summary>A reference names no entity.</summary>
    public const string UnknownReference = "TT0040";

    /// <summary>A tie joins kinds its relationship type does not allow.</summary>
    public const string WrongEndpointKind = "TT0041";

    /// <summary>A tie joins an entity to itself.</summary>
    public const string SelfTie = "TT0042";

    /// <summary>Ties of an acyclic type (<c>part_of</c>, <c>subsidiary_of</c>) form a cycle.</summary>
    public const string Cycle = "TT0043";

    /// <summary>A relationship type is not in the schema.</summary>
    public const string UnknownRelationshipType = "TT0044";

    /// <summary>A relationship type declaration is invalid.</summary>
    public const string BadRelationshipType = "TT0045";

    /// <summary>A date is not a partial date.</summary>
    public const string BadDate = "TT0050";

    /// <summary>A start date is after the end date.</summary>
    public const string StartAfterEnd = "TT0051";

    /// <summary>An amount is not an amount of money.</summary>
    public const string BadAmount = "TT0052";

    /// <summary>A currency is not an ISO 4217 code.</summary>
    public const string BadCurrency = "TT0053";

    /// <summary>A value is not one of the allowed words (a source kind, a tie status…).</summary>
    public const string BadEnumValue = "TT0054";

    /// <summary>A field with several claimed values does not mark exactly one as preferred.</summary>
    public const string PreferredClaim = "TT0055";

    /// <summary>A citation names no source, or names an entity that is not a source.</summary>
    public const string DanglingSource = "TT0060";

    /// <summary>A tie cites no source (a warning, an error with <see cref="LoadOptions.Strict"/>).</summary>
    public const string TieWithoutSource = "TT0061";

    /// <summary>A tie repeats another with the same ends, type, contract, dates, amount, status, description and sources (a warning).</summary>
    public const string RepeatedTie = "TT0062";

    /// <summary>A column that an import mapping names is not in the CSV file's header (<c>docs/import.md</c>).</summary>
    public const string MissingColumn = "TT0070";

    /// <summary>A CSV row has no value in a column the import needs, such as the award key or the vendor's name.</summary>
    public const string MissingValue = "TT0071";

    /// <summary>A CSV row is malformed: bad quoting, or more or fewer fields than the header.</summary>
    public const string BadCsvRow = "TT0072";

    /// <summary>An import mapping's <c>same_as</c> names an id that the graph to merge with does not have (a warning).</summary>
    public const string UnknownSameAs = "TT0073";

    /// <summary>Two CSV rows make the same contract id, or a contract id is already taken.</summary>
    public const string DuplicateRecord = "TT0074";

    /// <summary>An imported <c>part_of</c> or <c>subsidiary_of</c> tie would close a cycle and is left out (a warning).</summary>
    public const string TieLeftOut = "TT0075";

    /// <summary>An import found more problems than it lists; the count of the rest is given.</summary>
    public const string TooManyProblems = "TT0076";

    /// <summary>(Warning) The rows of an imported company name different parent companies: it gets none, each contract keeps its own.</summary>
    public const string DifferingParents = "TT0077";

    /// <summary>(Warning) Two entities are probably one: the same award id, identifier or name key, or near names (see <see cref="TechTiesGraph.FindDuplicates"/>).</summary>
    public const string ProbableDuplicate = "TT0078";
}

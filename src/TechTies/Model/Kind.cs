namespace TechTies;

/// <summary>The kind of an entity in a TechTies graph. Each kind has its own section in the YAML format.</summary>
public enum Kind
{
    /// <summary>A company or other business (YAML section <c>companies</c>).</summary>
    Company,

    /// <summary>A government agency, department, sub-agency or office (YAML section <c>agencies</c>).</summary>
    Agency,

    /// <summary>A contract or award between a vendor and an agency (YAML section <c>contracts</c>).</summary>
    Contract,

    /// <summary>A rally, letter, petition, walkout or campaign (YAML section <c>protests</c>).</summary>
    Protest,

    /// <summary>An activist group, coalition, union or employee group (YAML section <c>groups</c>).</summary>
    Group,

    /// <summary>A named person (YAML section <c>people</c>).</summary>
    Person,

    /// <summary>A product, system or service (YAML section <c>products</c>).</summary>
    Product,

    /// <summary>A source document that facts cite (YAML section <c>sources</c>).</summary>
    Source,
}

/// <summary>Names and YAML sections of the entity kinds.</summary>
public static class KindNames
{
    private static readonly string[] Names = ["company", "agency", "contract", "protest", "group", "person", "product", "source"];
    private static readonly string[] Sections = ["companies", "agencies", "contracts", "protests", "groups", "people", "products", "sources"];

    /// <summary>The lowercase name of a kind as written in the schema and in JSON, such as <c>company</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string ToName(this Kind kind) => Names[(int)kind];

    /// <summary>The YAML section that holds entities of a kind, such as <c>companies</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The section name.</returns>
    public static string ToSection(this Kind kind) => Sections[(int)kind];

    /// <summary>Parses a kind name such as <c>company</c> (ordinal, lowercase).</summary>
    /// <param name="name">The name to parse.</param>
    /// <param name="kind">The kind when the name is known.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a kind.</returns>
    public static bool TryParse(string name, out Kind kind)
    {
        var index = Array.IndexOf(Names, name);
        kind = index < 0 ? default : (Kind)index;
        return index >= 0;
    }

    /// <summary>Finds the kind whose YAML section is <paramref name="section"/>, such as <c>companies</c>.</summary>
    /// <param name="section">The section name.</param>
    /// <param name="kind">The kind when the section is known.</param>
    /// <returns><see langword="true"/> when the section holds entities.</returns>
    public static bool TryParseSection(string section, out Kind kind)
    {
        var index = Array.IndexOf(Sections, section);
        kind = index < 0 ? default : (Kind)index;
        return index >= 0;
    }

    /// <summary>All kind names in declaration order.</summary>
    public static IReadOnlyList<string> All => Names;
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace TechTies;

/// <summary>
/// A node of the graph: a company, agency, contract, protest, group, person, product or source. The concrete
/// classes (<see cref="Company"/>, <see cref="Contract"/>…) add the fields of their kind. Immutable.
/// </summary>
/// <remarks>
/// Relationships are not fields of an entity: they are <see cref="Tie"/>s of the graph, whether written as an
/// entity field (<c>hosts_on: amazon</c>) or in the <c>ties:</c> section. Fields that name other entities and that
/// the format requires (a contract's vendor and agency) are also kept here as ids.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Company), "company")]
[JsonDerivedType(typeof(Agency), "agency")]
[JsonDerivedType(typeof(Contract), "contract")]
[JsonDerivedType(typeof(Protest), "protest")]
[JsonDerivedType(typeof(Group), "group")]
[JsonDerivedType(typeof(Person), "person")]
[JsonDerivedType(typeof(Product), "product")]
[JsonDerivedType(typeof(Source), "source")]
public abstract class Entity
{
    private readonly string? file;
    private readonly int line;
    private readonly int column;

    private protected Entity()
    {
    }

    /// <summary>The kind of this entity (in JSON, the <c>kind</c> discriminator).</summary>
    [JsonIgnore]
    public abstract Kind Kind { get; }

    /// <summary>The stable id: a lowercase slug of <c>a-z</c>, <c>0-9</c> and single hyphens, unique in a graph.</summary>
    public required string Id { get; init; }

    /// <summary>The display name (for contracts and sources, their title).</summary>
    public required string Name { get; init; }

    /// <summary>Other names the entity is known by, such as <c>ICE</c>.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>A free-text description; <see langword="null"/> when none was given.</summary>
    public string? Description { get; init; }

    /// <summary>The sources cited for the entity itself.</summary>
    public ImmutableArray<Citation> Citations { get; init; } = [];

    /// <summary>Fields whose values were given with their own sources, disputed or not (see <see cref="FieldClaims"/>).</summary>
    public ImmutableArray<FieldClaims> FieldClaims { get; init; } = [];

    /// <summary>Where the entity was defined; <see langword="null"/> for entities made in code.</summary>
    public SourceLocation? Location
    {
        // Kept as its parts: a graph holds many entities, and the file name is one string for all of a file's.
        get => file is null ? null : new SourceLocation { File = file, Line = line, Column = column };
        init => (file, line, column) = value is null ? (null, 0, 0) : (value.File, value.Line, value.Column);
    }

    /// <summary>The empty identifier map every company or agency without identifiers shares.</summary>
    internal static ImmutableSortedDictionary<string, string> NoIdentifiers { get; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>The claims given for <paramref name="field"/>, or <see langword="null"/> when it has none.</summary>
    /// <param name="field">The field name as in the YAML format, such as <c>amount</c>.</param>
    /// <returns>The claims or <see langword="null"/>.</returns>
    public FieldClaims? ClaimsFor(string field) => FieldClaims.FirstOrDefault(c => c.Field == field);

    /// <summary>The name, kind and id, such as <c>Palantir Technologies (company palantir)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({Kind.ToName()} {Id})";
}

/// <summary>A company or other business.</summary>
public sealed class Company : Entity
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override Kind Kind => Kind.Company;

    /// <summary>The company's web site; <see langword="null"/> when not given.</summary>
    public string? Url { get; init; }

    /// <summary>When the company was founded; <see langword="null"/> when not given.</summary>
    public PartialDate? Founded { get; init; }

    /// <summary>External identifiers by scheme, such as <c>uei</c> → <c>ABC123DEF456</c>.</summary>
    public ImmutableSortedDictionary<string, string> Identifiers { get; init; } = NoIdentifiers;
}

/// <summary>A government agency, department, sub-agency or office.</summary>
public sealed class Agency : Entity
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override Kind Kind => Kind.Agency;

    /// <summary>The agency's web site; <see langword="null"/> when not given.</summary>
    public string? Url { get; init; }

    /// <summary>When the agency was founded; <see langword="null"/> when not given.</summary>
    public PartialDate? Founded { get; init; }

    /// <summary>External identifiers by scheme, such as a spending-data agency code.</summary>
    public ImmutableSortedDictionary<string, string> Identifiers { get; init; } = NoIdentifiers;
}

/// <summary>An activist group, coalition, union or employee group.</summary>
public sealed class Group : Entity
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override Kind Kind => Kind.Group;

    /// <summary>The group's web site; <see langword="null"/> when not given.</summary>
    public string? Url { get; init; }

    /// <summary>When the group was founded; <see langword="null"/> when not given.</summary>
    public PartialDate? Founded { get; init; }
}

/// <summary>A named person.</summary>
public sealed class Person : Entity
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override Kind Kind => Kind.Person;
}

/// <summary>A product, system or service, such as FALCON.</summary>
public sealed class Product : Entity
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override Kind Kind => Kind.Product;

    /// <summary>The product's web page; <see langword="null"/> when not given.</summary>
    public string? Url { get; init; }
}

/// <summary>
/// A contract or award between a vendor and an agency. It is a node of its own, and the graph also holds a
/// <c>contracts_with</c> tie from the vendor to the agency that carries it.
/// </summary>
public sealed class Contract : Entity
{
    // Spending data gives these three; most contracts have none, so they are kept aside only when given.
    private SpendingValues? values;

    /// <inheritdoc/>
    [JsonIgnore]
    public override Kind Kind => Kind.Contract;

    /// <summary>The title of the contract (the same as <see cref="Entity.Name"/>).</summary>
    [JsonIgnore]
    public string Title => Name;

    /// <summary>The award identifier (such as a federal PIID); <see langword="null"/> when not given.</summary>
    public string? AwardId { get; init; }

    /// <summary>The id of the vendor company.</summary>
    public required string VendorId { get; init; }

    /// <summary>
    /// The id of the parent company that the award record itself names for the vendor (<c>vendor_parent</c>), or
    /// <see langword="null"/>. It is a fact of this award, kept beside (not instead of) the vendor's company-level
    /// <c>subsidiary_of</c> ties: one company's awards may name different parents. Makes no tie.
    /// </summary>
    public string? VendorParentId { get; init; }

    /// <summary>The id of the agency that holds the contract.</summary>
    public required string AgencyId { get; init; }

    /// <summary>The id of the awarding office (an agency); <see langword="null"/> when not given.</summary>
    public string? OfficeId { get; init; }

    /// <summary>The ids of the products the contract covers.</summary>
    public ImmutableArray<string> ProductIds { get; init; } = [];

    /// <summary>The headline value as sources report it (the preferred claim when they disagree).</summary>
    public Money? Amount { get; init; }

    /// <summary>The amount obligated so far, as spending data gives it.</summary>
    public Money? Obligated { get => values?.Obligated; init => values = value is null && values is null ? null : (values ?? SpendingValues.None) with { Obligated = value }; }

    /// <summary>The current total value of the award, as spending data gives it.</summary>
    public Money? CurrentValue { get => values?.CurrentValue; init => values = value is null && values is null ? null : (values ?? SpendingValues.None) with { CurrentValue = value }; }

    /// <summary>The potential total value of the award, options included, as spending data gives it.</summary>
    public Money? PotentialValue { get => values?.PotentialValue; init => values = value is null && values is null ? null : (values ?? SpendingValues.None) with { PotentialValue = value }; }

    /// <summary>When the contract started; <see langword="null"/> when not given.</summary>
    public PartialDate? Start { get; init; }

    /// <summary>The status of the ties the contract makes (its <c>status:</c> field).</summary>
    internal TieStatus TieStatus { get; init; }

    /// <summary>When the contract ended or ends; <see langword="null"/> when not given.</summary>
    public PartialDate? End { get; init; }

    private sealed record SpendingValues(Money? Obligated, Money? CurrentValue, Money? PotentialValue)
    {
        public static SpendingValues None { get; } = new(null, null, null);
    }
}

/// <summary>What form a protest took.</summary>
public enum ProtestKind
{
    /// <summary>A rally, march or demonstration.</summary>
    Rally,

    /// <summary>An open letter.</summary>
    Letter,

    /// <summary>A petition.</summary>
    Petition,

    /// <summary>A walkout.</summary>
    Walkout,

    /// <summary>A campaign or day of action made of several protests.</summary>
    Campaign,

    /// <summary>A strike.</summary>
    Strike,

    /// <summary>A boycott.</summary>
    Boycott,

    /// <summary>Any other form.</summary>
    Other,
}

/// <summary>A rally, letter, petition, walkout or campaign. Its targets, organizers and signatories are ties.</summary>
public sealed class Protest : Entity
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override Kind Kind => Kind.Protest;

    /// <summary>What form the protest took.</summary>
    public required ProtestKind ProtestKind { get; init; }

    /// <summary>The day (or month, or year) it happened; <see langword="null"/> when not given.</summary>
    public PartialDate? Date { get; init; }

    /// <summary>When a protest spanning time began; <see langword="null"/> when not given.</summary>
    public PartialDate? Start { get; init; }

    /// <summary>When a protest spanning time ended; <see langword="null"/> when not given.</summary>
    public PartialDate? End { get; init; }

    /// <summary>Where it happened, such as <c>Palo Alto, California</c>; <see langword="null"/> when not given.</summary>
    public string? Place { get; init; }

    /// <summary>Its size as sources state it, such as <c>more than 650 employees</c>; <see langword="null"/> when not given.</summary>
    public string? Size { get; init; }
}

/// <summary>What kind of document a source is.</summary>
public enum SourceKind
{
    /// <summary>A news article.</summary>
    News,

    /// <summary>A report by a research or advocacy organization.</summary>
    Report,

    /// <summary>A letter.</summary>
    Letter,

    /// <summary>A data set, such as spending data.</summary>
    Dataset,

    /// <summary>One official record, such as an award record.</summary>
    Record,

    /// <summary>A statement by an organization or person.</summary>
    Statement,
}

/// <summary>A source document that facts cite.</summary>
public sealed class Source : Entity
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override Kind Kind => Kind.Source;

    /// <summary>The title of the document (the same as <see cref="Entity.Name"/>).</summary>
    [JsonIgnore]
    public string Title => Name;

    /// <summary>What kind of document it is.</summary>
    public required SourceKind SourceKind { get; init; }

    /// <summary>The publisher, such as <c>The Seattle Times</c>; <see langword="null"/> when not given.</summary>
    public string? Publisher { get; init; }

    /// <summary>The author; <see langword="null"/> when not given.</summary>
    public string? Author { get; init; }

    /// <summary>When it was published; <see langword="null"/> when not given.</summary>
    public PartialDate? Published { get; init; }

    /// <summary>Where to read it; <see langword="null"/> when not given.</summary>
    public string? Url { get; init; }

    /// <summary>Whether the source has a headline of its own, rather than a name made from its publisher and date.</summary>
    public bool HasTitle => Publisher is null || Name != FallbackName(Publisher, Published);

    /// <summary>The name of a source whose headline is not known: its publisher, and its date when known.</summary>
    internal static string FallbackName(string publisher, PartialDate? published) => published is null ? publisher : $"{publisher}, {published}";

    /// <summary>The source as a reference: "Title. Publisher, date, URL", without repeating what the name already says.</summary>
    internal string Reference()
    {
        var details = new[] { HasTitle ? Publisher : null, HasTitle ? Published?.ToString() : null, Url }.OfType<string>().ToList();
        if (!HasTitle)
        {
            return string.Join(", ", details.Prepend(Name));
        }

        return details.Count == 0 ? Name : $"{Name}. {string.Join(", ", details)}";
    }
}

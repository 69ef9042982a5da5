using System.Collections.Immutable;

namespace TechTies.Import;

// The rules a mapping is made of: which columns make a contract, its vendor and agency, and the judgements it carries.
public sealed partial class CsvMapping
{
    /// <summary>
    /// A column the mapping names, with where in the mapping it is named; or, when <see cref="IsConstant"/>, a constant
    /// (<c>{ value: "..." }</c>) whose text <see cref="Name"/> holds and that every row has.
    /// </summary>
    internal sealed record Column(string Name, int Line, int Col)
    {
        public bool IsConstant { get; init; }
    }

    internal sealed record DatasetRule(string IdPrefix, string Title, string? Publisher, string? Url);

    internal sealed record ContractRule(
        bool HashIds,
        ImmutableArray<Column> IdColumns,
        string IdPrefix,
        Column? AwardId,
        Column? Title,
        Column? Obligated,
        Column? CurrentValue,
        Column? PotentialValue,
        string? Headline,
        Column? Start,
        Column? End,
        ImmutableArray<(string Label, Column Column)> Details);

    internal sealed record VendorRule(Column Name, ImmutableArray<(string Scheme, Column Column)> Identifiers, Column? ParentName, ImmutableArray<(string Scheme, Column Column)> ParentIdentifiers);

    internal sealed record AgencyRule(Column Name, Column? SubAgency, Column? Office);

    /// <summary>A name from the CSV that is the entity <paramref name="Id"/> of the graph to merge with.</summary>
    internal sealed record SameAsRule(string Name, string Id, string File, int Line, int Col);

    /// <summary>A name from the CSV that is not the entity <paramref name="Id"/>, whatever its identifiers or name key say.</summary>
    internal sealed record NotSameRule(string Name, string Id, string File, int Line, int Col);
}

using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace TechTies;

/// <summary>
/// The relationship types a graph knows: the built-in ones (embedded in the package) and those its files declare
/// in <c>relationship_types:</c>. Immutable.
/// </summary>
public sealed partial class GraphSchema
{
    private readonly ImmutableDictionary<string, RelationshipType> byName;

    internal GraphSchema(IEnumerable<RelationshipType> types)
    {
        RelationshipTypes = [.. types.OrderBy(t => t.Name, StringComparer.Ordinal)];
        byName = RelationshipTypes.ToImmutableDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The relationship types, in ordinal order of name.</summary>
    public ImmutableArray<RelationshipType> RelationshipTypes { get; }

    /// <summary>Finds a relationship type by name.</summary>
    /// <param name="name">The name, such as <c>hosts_on</c>.</param>
    /// <param name="type">The type when found.</param>
    /// <returns><see langword="true"/> when the schema has the type.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out RelationshipType? type) => byName.TryGetValue(name, out type);

    /// <summary>The relationship type named <paramref name="name"/>.</summary>
    /// <param name="name">The name, such as <c>hosts_on</c>.</param>
    /// <returns>The type.</returns>
    /// <exception cref="KeyNotFoundException">The schema has no such type.</exception>
    public RelationshipType this[string name] => byName.TryGetValue(name, out var type)
        ? type
        : throw new KeyNotFoundException($"The schema has no relationship type '{name}'{DidYouMean(name)}. Known types: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}.");

    private string DidYouMean(string? name) =>
        name is not null && Suggest.DidYouMean(name, byName.Keys) is { } suggestion ? $" ({suggestion})" : string.Empty;

    internal GraphSchema With(IEnumerable<RelationshipType> declared) => new(RelationshipTypes.Concat(declared));
}

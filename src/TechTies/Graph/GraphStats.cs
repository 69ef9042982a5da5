using System.Collections.Immutable;

namespace TechTies;

/// <summary>Counts that describe a graph: entities by kind, ties by type, dated and sourced ties. Immutable.</summary>
public sealed class GraphStats
{
    internal GraphStats(TechTiesGraph graph)
    {
        Entities = graph.Entities.Length;
        Ties = graph.Ties.Length;
        EntitiesByKind = Enum.GetValues<Kind>().ToImmutableSortedDictionary(k => k, k => graph.Entities.Count(e => e.Kind == k));
        TiesByType = graph.Ties.GroupBy(t => t.Type.Name, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        UndatedTies = graph.Ties.Count(t => t.IsUndated);
        UnsourcedTies = graph.Ties.Count(t => t.Citations.IsEmpty);
        DisputedFields = graph.Entities.Sum(e => e.FieldClaims.Count(c => c.IsDisputed)) + graph.Ties.Sum(t => t.FieldClaims.Count(c => c.IsDisputed));
        Warnings = graph.Warnings.Length;
    }

    /// <summary>The number of entities.</summary>
    public int Entities { get; }

    /// <summary>The number of ties.</summary>
    public int Ties { get; }

    /// <summary>The number of entities of each kind (every kind is present, possibly with 0).</summary>
    public ImmutableSortedDictionary<Kind, int> EntitiesByKind { get; }

    /// <summary>The number of ties of each relationship type that occurs, by type name.</summary>
    public ImmutableSortedDictionary<string, int> TiesByType { get; }

    /// <summary>The number of ties with neither a since nor an until date.</summary>
    public int UndatedTies { get; }

    /// <summary>The number of ties that cite no source.</summary>
    public int UnsourcedTies { get; }

    /// <summary>The number of fields, of entities and ties, for which sources give different values.</summary>
    public int DisputedFields { get; }

    /// <summary>The number of load warnings.</summary>
    public int Warnings { get; }

    /// <summary>A one-line summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Entities} entities, {Ties} ties, {UndatedTies} undated, {UnsourcedTies} without a source, {DisputedFields} disputed fields";
}

using System.Collections.Immutable;

namespace TechTies;

/// <summary>
/// A kind of tie, such as <c>hosts_on</c>: which kinds of entity it may join, and how to say it forwards
/// (<see cref="Label"/>, "hosts on") and backwards (<see cref="InverseLabel"/>, "hosts"). Immutable.
/// </summary>
public sealed class RelationshipType
{
    /// <summary>The type name as written in YAML, such as <c>hosts_on</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The kinds the tie may start from.</summary>
    public required ImmutableArray<Kind> From { get; init; }

    /// <summary>The kinds the tie may point to.</summary>
    public required ImmutableArray<Kind> To { get; init; }

    /// <summary>Whether both ends must be of the same kind (as for <c>part_of</c>: agency to agency, protest to protest).</summary>
    public bool SameKind { get; init; }

    /// <summary>The forward label, such as <c>hosts on</c>.</summary>
    public required string Label { get; init; }

    /// <summary>The backward label, such as <c>hosts</c>.</summary>
    public required string InverseLabel { get; init; }

    /// <summary>Whether the ties of this type must not form a cycle (as for <c>part_of</c> and <c>subsidiary_of</c>).</summary>
    public bool Acyclic { get; init; }

    /// <summary>What the type means.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the type comes from the embedded schema rather than a <c>relationship_types:</c> section.</summary>
    public bool IsBuiltIn { get; init; }

    /// <summary>Whether a tie of this type may join <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The kind of the start.</param>
    /// <param name="to">The kind of the end.</param>
    /// <returns><see langword="true"/> when the kinds are allowed.</returns>
    public bool Allows(Kind from, Kind to) => From.Contains(from) && To.Contains(to) && (!SameKind || from == to);

    /// <summary>The type name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name;
}

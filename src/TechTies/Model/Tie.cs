using System.Collections.Immutable;
using System.Text.Json.Serialization;
using QuikGraph;

namespace TechTies;

/// <summary>How well established a tie is, according to its sources.</summary>
public enum TieStatus
{
    /// <summary>Reported by its sources (the default).</summary>
    Reported,

    /// <summary>Confirmed by the parties or by official records.</summary>
    Confirmed,

    /// <summary>Alleged, not established.</summary>
    Alleged,

    /// <summary>Denied by a party.</summary>
    Denied,

    /// <summary>Held once and has ended.</summary>
    Ended,
}

/// <summary>
/// A typed, directed relationship between two entities, with its dates, amount, status and sources. Immutable.
/// </summary>
/// <remarks>
/// A tie holds from <see cref="Since"/> (inclusive, at its precision) until <see cref="Until"/>: at a day d it
/// holds when d is not before the first day of <see cref="Since"/> and not after the last day of
/// <see cref="Until"/>. Ties made from a contract (vendor, agency, product and the <c>contracts_with</c> tie from
/// vendor to agency) carry it in <see cref="Contract"/>.
/// </remarks>
public sealed class Tie : IEdge<Entity>
{
    /// <summary>The stable id: <c>from/type/to</c>, with the contract id appended for ties a contract makes, and <c>#2</c>, <c>#3</c>… for further parallel ties.</summary>
    public required string Id { get; init; }

    /// <summary>The relationship type (in JSON, its name).</summary>
    [JsonConverter(typeof(Serialization.RelationshipTypeNameJsonConverter))]
    public required RelationshipType Type { get; init; }

    /// <summary>The entity the tie starts from (in JSON, its id).</summary>
    [JsonConverter(typeof(Serialization.EntityIdJsonConverter<Entity>))]
    public required Entity From { get; init; }

    /// <summary>The entity the tie points to (in JSON, its id).</summary>
    [JsonConverter(typeof(Serialization.EntityIdJsonConverter<Entity>))]
    public required Entity To { get; init; }

    /// <summary>When the tie began; <see langword="null"/> when not known.</summary>
    public PartialDate? Since { get; init; }

    /// <summary>When the tie ended or ends; <see langword="null"/> when not known or still holding.</summary>
    public PartialDate? Until { get; init; }

    /// <summary>An amount of money the tie involves, such as a contract value or a donation.</summary>
    public Money? Amount { get; init; }

    /// <summary>How well established the tie is.</summary>
    public TieStatus Status { get; init; } = TieStatus.Reported;

    /// <summary>A free-text description; <see langword="null"/> when none was given.</summary>
    public string? Description { get; init; }

    /// <summary>The sources that state the tie.</summary>
    public ImmutableArray<Citation> Citations { get; init; } = [];

    /// <summary>Fields of the tie given with their own sources, disputed or not.</summary>
    public ImmutableArray<FieldClaims> FieldClaims { get; init; } = [];

    /// <summary>The contract this tie was made from, or <see langword="null"/> (in JSON, its id).</summary>
    [JsonConverter(typeof(Serialization.EntityIdJsonConverter<Contract>))]
    public Contract? Contract { get; init; }

    /// <summary>Where the tie was written; <see langword="null"/> for ties made in code.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Whether the tie has no date at all, so date filters cannot tell whether it holds.</summary>
    public bool IsUndated => Since is null && Until is null;

    Entity IEdge<Entity>.Source => From;

    Entity IEdge<Entity>.Target => To;

    /// <summary>Whether the tie holds on <paramref name="date"/> (undated ends are open).</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> unless the date is before <see cref="Since"/> starts or after <see cref="Until"/> ends.</returns>
    public bool HoldsOn(DateOnly date) => (Since is not { } since || since.Start <= date) && (Until is not { } until || date <= until.End);

    /// <summary>The claims given for <paramref name="field"/>, or <see langword="null"/> when it has none.</summary>
    /// <param name="field">The field name as in the YAML format, such as <c>amount</c>.</param>
    /// <returns>The claims or <see langword="null"/>.</returns>
    public FieldClaims? ClaimsFor(string field) => FieldClaims.FirstOrDefault(c => c.Field == field);

    /// <summary>The arrow form, such as <c>Palantir Technologies -> hosts on -> Amazon</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{From.Name} -> {Type.Label} -> {To.Name}";
}

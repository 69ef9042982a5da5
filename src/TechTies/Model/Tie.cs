using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
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
    // A graph holds hundreds of thousands of ties, so a tie keeps only what is its own: its ends, type and place
    // in the file, and one reference to the rest (see Pack). Its id is made from its ends each time it is asked
    // for, and not kept: an export reads every id once, and keeping them would make the graph a third larger for good.
    private object? state = TieFacts.None;
    private string? file;
    private int line;
    private int column;

    /// <summary>Creates a tie; set <see cref="Type"/>, <see cref="From"/> and <see cref="To"/>, and any other property.</summary>
    public Tie()
    {
    }

    [SetsRequiredMembers]
    internal Tie(RelationshipType type, Entity from, Entity to, TieFacts? facts, Contract? contract, string? file, int line, int column, int parallel)
    {
        Type = type;
        From = from;
        To = to;
        state = Pack(facts, contract, null, parallel);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /// <summary>
    /// The stable id: <c>from/type/to</c>, with the contract id appended for the <c>contracts_with</c> tie a contract
    /// makes, and <c>#2</c>, <c>#3</c>… for further parallel ties. Made from the ends unless given.
    /// </summary>
    public string Id
    {
        get => (state as TieExtras)?.Id ?? MakeId(From, Type, To, Contract, Parallel);
        init => state = Pack(OwnFacts, Contract, value, Parallel);
    }

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
    public PartialDate? Since { get => OwnFacts is { } facts ? facts.Since : Contract!.Start; init => WithFacts(Facts with { Since = value }); }

    /// <summary>When the tie ended or ends; <see langword="null"/> when not known or still holding.</summary>
    public PartialDate? Until { get => OwnFacts is { } facts ? facts.Until : Contract!.End; init => WithFacts(Facts with { Until = value }); }

    /// <summary>An amount of money the tie involves, such as a contract value or a donation.</summary>
    public Money? Amount { get => OwnFacts is { } facts ? facts.Amount : Contract!.Amount; init => WithFacts(Facts with { Amount = value }); }

    /// <summary>How well established the tie is.</summary>
    public TieStatus Status { get => OwnFacts is { } facts ? facts.Status : Contract!.TieStatus; init => WithFacts(Facts with { Status = value }); }

    /// <summary>A free-text description; <see langword="null"/> when none was given.</summary>
    public string? Description { get => OwnFacts?.Description; init => WithFacts(Facts with { Description = value }); }

    /// <summary>The sources that state the tie.</summary>
    public ImmutableArray<Citation> Citations { get => OwnFacts is { } facts ? facts.Citations : Contract!.Citations; init => WithFacts(Facts with { Citations = value }); }

    /// <summary>Fields of the tie given with their own sources, disputed or not.</summary>
    public ImmutableArray<FieldClaims> FieldClaims { get => OwnFacts?.FieldClaims ?? []; init => WithFacts(Facts with { FieldClaims = value }); }

    /// <summary>The contract this tie was made from, or <see langword="null"/> (in JSON, its id).</summary>
    [JsonConverter(typeof(Serialization.EntityIdJsonConverter<Contract>))]
    public Contract? Contract
    {
        get => state switch { Contract contract => contract, TieExtras extras => extras.Contract, _ => null };
        init => state = Pack(OwnFacts, value, (state as TieExtras)?.Id, Parallel);
    }

    /// <summary>Where the tie was written; <see langword="null"/> for ties made in code.</summary>
    public SourceLocation? Location
    {
        get => file is null ? null : new SourceLocation { File = file, Line = line, Column = column };
        init => (file, line, column) = value is null ? (null, 0, 0) : (value.File, value.Line, value.Column);
    }

    /// <summary>Which of the parallel ties with the same ends, type and contract this is, from 1; the id ends in <c>#n</c> from 2 on.</summary>
    internal int Parallel
    {
        get => (state as TieExtras)?.Parallel ?? 1;
        init => state = Pack(OwnFacts, Contract, (state as TieExtras)?.Id, value);
    }

    /// <summary>This tie as the <paramref name="parallel"/>th of the parallel ties with its ends, type and contract.</summary>
    internal Tie WithParallel(int parallel) => new(Type, From, To, OwnFacts, Contract, file, line, column, parallel);

    /// <summary>The facts, for ties that share them.</summary>
    internal TieFacts Facts => OwnFacts ?? TieFacts.Of(Contract!);

    // The tie's own facts, or null when it takes them from its contract.
    private TieFacts? OwnFacts => state switch { TieFacts facts => facts, TieExtras extras => extras.Facts, _ => null };

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

    // What a tie holds besides its ends and place, in one reference: its own facts (TieFacts); or its contract, when
    // it takes its facts from it (Contract), as most ties of spending data do; or, for the few ties that also have a
    // given id, another parallel tie before them, or a contract and facts of their own, all of these (TieExtras).
    private static object Pack(TieFacts? facts, Contract? contract, string? id, int parallel) =>
        id is null && parallel == 1 && (contract is null ? facts is not null : facts is null)
            ? (object?)facts ?? contract!
            : new TieExtras(facts, contract, id, parallel);

    private void WithFacts(TieFacts facts) => state = Pack(facts, Contract, (state as TieExtras)?.Id, Parallel);

    /// <summary>The id a tie with these ends gets (see <see cref="Id"/>).</summary>
    internal static string MakeId(Entity from, RelationshipType type, Entity to, Contract? contract, int parallel)
    {
        var id = contract is not null && type.Name == "contracts_with"
            ? string.Concat(from.Id, "/", type.Name, "/", to.Id, "/" + contract.Id)
            : string.Concat(from.Id, "/", type.Name, "/", to.Id);
        return parallel > 1 ? id + "#" + parallel.ToString(CultureInfo.InvariantCulture) : id;
    }
}

/// <summary>What a tie holds when neither its facts nor its contract alone say it all (see <see cref="Tie"/>).</summary>
internal sealed record TieExtras(TieFacts? Facts, Contract? Contract, string? Id, int Parallel);

/// <summary>What a tie states besides its ends: shared by the ties a contract or protest makes. Immutable.</summary>
internal sealed record TieFacts(PartialDate? Since, PartialDate? Until, Money? Amount, TieStatus Status, string? Description, ImmutableArray<Citation> Citations, ImmutableArray<FieldClaims> FieldClaims)
{
    /// <summary>No dates, amount, description or sources; reported.</summary>
    public static TieFacts None { get; } = new(null, null, null, TieStatus.Reported, null, [], []);

    /// <summary>What the ties a contract makes state unless they give their own.</summary>
    public static TieFacts Of(Contract contract) => new(contract.Start, contract.End, contract.Amount, contract.TieStatus, null, contract.Citations, []);
}

using System.Collections.Immutable;

namespace TechTies;

/// <summary>
/// A reference to a source that states a fact: the source's id, and optionally the words that state it and where.
/// Written in YAML as a source id (<c>usareally-2018-08-01</c>) or as <c>{source, quote, page}</c>.
/// </summary>
public sealed record Citation
{
    /// <summary>The id of the cited <see cref="TechTies.Source"/> entity.</summary>
    public required string Source { get; init; }

    /// <summary>The words of the source that state the fact, verbatim; <see langword="null"/> when not given.</summary>
    public string? Quote { get; init; }

    /// <summary>Where in the source (a page, a section), free text; <see langword="null"/> when not given.</summary>
    public string? Page { get; init; }

    /// <summary>The source id, with the quote when there is one.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Quote is null ? Source : $"{Source}: \"{Quote}\"";
}

/// <summary>One value of a field as one or more sources state it.</summary>
/// <remarks>
/// When sources disagree (an amount of $41 million in one report, $53 million in another), a field holds several
/// claims, exactly one of them <see cref="Preferred"/>. Queries use the preferred value; renderings mention the others.
/// </remarks>
public sealed class Claim
{
    /// <summary>The value in its canonical text form, such as <c>USD 53000000</c> or <c>2018-07-31</c>.</summary>
    public required string Value { get; init; }

    /// <summary>The sources that state this value.</summary>
    public ImmutableArray<Citation> Citations { get; init; } = [];

    /// <summary>Whether this is the value that queries use.</summary>
    public bool Preferred { get; init; }

    /// <summary>The value with the ids of the sources that state it.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Value} [{string.Join(", ", Citations.Select(c => c.Source))}]" + (Preferred ? " (preferred)" : string.Empty);
}

/// <summary>The values that sources give for one field of an entity or tie, each with its citations.</summary>
public sealed class FieldClaims
{
    /// <summary>The field, as named in the YAML format, such as <c>amount</c> or <c>date</c>.</summary>
    public required string Field { get; init; }

    /// <summary>The claims, in the order written; exactly one is <see cref="Claim.Preferred"/>.</summary>
    public required ImmutableArray<Claim> Claims { get; init; }

    /// <summary>Whether sources give more than one value.</summary>
    public bool IsDisputed => Claims.Length > 1;

    /// <summary>The preferred claim.</summary>
    public Claim Preferred => Claims.First(c => c.Preferred);

    /// <summary>The field and its claims.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Field}: {string.Join("; ", Claims)}";
}

/// <summary>Where something was written: a file, a 1-based line and a 1-based column.</summary>
public sealed record SourceLocation
{
    /// <summary>The file name as given to the loader (or the name given for a string or stream).</summary>
    public required string File { get; init; }

    /// <summary>The line, counting from 1.</summary>
    public required int Line { get; init; }

    /// <summary>The column, counting from 1.</summary>
    public required int Column { get; init; }

    /// <summary>The <c>file:line:col</c> form used in diagnostics.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{File}:{Line}:{Column}";
}

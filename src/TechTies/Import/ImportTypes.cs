using System.Collections.Immutable;

namespace TechTies.Import;

/// <summary>Options for <see cref="CsvImporter.Import"/>. Immutable.</summary>
public sealed record ImportOptions
{
    /// <summary>The defaults: fail on the first bad row's file (listing every bad row), merge with nothing, no progress.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>
    /// Whether rows with problems are left out, and reported as warnings, instead of failing the import. A missing
    /// column in the header fails the import either way.
    /// </summary>
    public bool SkipInvalid { get; init; }

    /// <summary>
    /// A curated graph to merge with: a CSV company whose identifier (such as <c>uei</c>) a company of this graph
    /// has, or a name the mapping's <c>same_as</c> gives an id of this graph, becomes a reference to that entity
    /// instead of a new one. The output then loads together with this graph's files.
    /// </summary>
    public TechTiesGraph? Existing { get; init; }

    /// <summary>
    /// A person's decisions (<c>same_as</c>, <c>not_same</c>) kept beside the reporting, applied with those of the
    /// mapping; they win over identifiers and name keys. <see cref="ImportJudgements.None"/> by default.
    /// </summary>
    public ImportJudgements Judgements { get; init; } = ImportJudgements.None;

    /// <summary>Receives the rows and bytes read so far, every few thousand rows and at the end; called on the importing thread.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>Stops the import between rows; nothing is written when it stops.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The number of contracts held in memory before they are sorted and written to a temporary file.</summary>
    internal int ChunkSize { get; init; } = 20_000;
}

/// <summary>How far an import has read.</summary>
/// <param name="Rows">The data rows read so far (the header not counted).</param>
/// <param name="Bytes">The bytes of the CSV file read so far.</param>
/// <param name="TotalBytes">The size of the CSV file in bytes.</param>
public readonly record struct ImportProgress(long Rows, long Bytes, long TotalBytes);

/// <summary>What an import read and wrote. Immutable.</summary>
public sealed class ImportResult
{
    /// <summary>The YAML file written.</summary>
    public required string OutputPath { get; init; }

    /// <summary>The data rows read (the header not counted).</summary>
    public required long Rows { get; init; }

    /// <summary>The contracts written.</summary>
    public required long Contracts { get; init; }

    /// <summary>The companies the output defines (those matched to the graph to merge with not counted).</summary>
    public required int Companies { get; init; }

    /// <summary>The agencies, sub-agencies and offices the output defines (those matched not counted).</summary>
    public required int Agencies { get; init; }

    /// <summary>The ids of the entities of the graph to merge with that the output refers to instead of defining its own, in ordinal order.</summary>
    public required ImmutableArray<string> Matched { get; init; }

    /// <summary>
    /// Every match with the graph merged with: each name (or award id) as the CSV file writes it, the id it refers to
    /// and how it was matched; by kind, id and name.
    /// </summary>
    public ImmutableArray<ImportMatch> Matches { get; init; } = [];

    /// <summary>
    /// The candidates left unmerged: a name whose key names several entities, or is near an entity's name; the row's
    /// entity is new (<see cref="ImportCandidate.Id"/>) until a judgement (<c>same_as</c>, <c>not_same</c>) settles it.
    /// </summary>
    public ImmutableArray<ImportCandidate> Candidates { get; init; } = [];

    /// <summary>The contracts of the graph merged with that rows of the file are (by award id or contract id): not written again.</summary>
    public long MatchedContracts { get; init; }

    /// <summary>The rows left out because of problems (only with <see cref="ImportOptions.SkipInvalid"/>).</summary>
    public required long SkippedRows { get; init; }

    /// <summary>The warnings: skipped rows with their problems, unknown <c>same_as</c> ids, ties left out.</summary>
    public required ImmutableArray<Diagnostic> Warnings { get; init; }

    /// <summary>A one-line summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Rows} rows: {Contracts} contracts, {Companies} companies, {Agencies} agencies, {Matched.Length} matched, {Candidates.Length} candidates, {SkippedRows} skipped";
}

/// <summary>How an imported name or award was found to be an entity of the graph merged with.</summary>
public enum MatchedBy
{
    /// <summary>A contract with the row's award identifier (upper case, without spaces or dashes).</summary>
    AwardId,

    /// <summary>A contract with the id the row makes (from the mapping's unique key columns).</summary>
    ContractId,

    /// <summary>An identifier, such as a UEI, of the entity.</summary>
    Identifier,

    /// <summary>The entity's name, by its name key (case, accents, punctuation and legal forms do not matter).</summary>
    Name,

    /// <summary>One of the entity's aliases, by its name key.</summary>
    Alias,

    /// <summary>A <c>same_as</c> judgement of the mapping or the judgements file.</summary>
    SameAs,
}

/// <summary>A name (or award id) of an imported file that is an entity of the graph merged with. Immutable.</summary>
/// <param name="Kind">The kind: company, agency or contract.</param>
/// <param name="Name">The name as the CSV file writes it (for a contract, its award id or id).</param>
/// <param name="Id">The id of the entity it refers to.</param>
/// <param name="By">How it was matched.</param>
public sealed record ImportMatch(Kind Kind, string Name, string Id, MatchedBy By)
{
    /// <summary>The match as text: <c>company 'PALANTIR USG, INC.' -> palantir-usg (name)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind.ToName()} '{Name}' -> {Id} ({By.ToWords()})";
}

/// <summary>
/// A name of an imported file that may be an entity of the graph merged with, left unmerged for a person to judge.
/// Immutable.
/// </summary>
/// <param name="Kind">The kind: company, agency or contract.</param>
/// <param name="Name">The name as the CSV file writes it.</param>
/// <param name="Id">The id the row's entity got instead (a new entity of the output).</param>
/// <param name="CandidateId">The id of the entity of the graph merged with that it may be.</param>
/// <param name="CandidateName">That entity's name.</param>
/// <param name="Reason">Why it may be that entity, and why it was not merged.</param>
public sealed record ImportCandidate(Kind Kind, string Name, string Id, string CandidateId, string CandidateName, string Reason)
{
    /// <summary>The candidate as text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind.ToName()} '{Name}' ({Id}) may be {CandidateId} ({CandidateName}): {Reason}";
}

/// <summary>The words of <see cref="MatchedBy"/> values, as the import's output writes them.</summary>
public static class MatchedByNames
{
    /// <summary>The snake_case word: <c>award_id</c>, <c>contract_id</c>, <c>identifier</c>, <c>name</c>, <c>alias</c>, <c>same_as</c>.</summary>
    /// <param name="by">The value.</param>
    /// <returns>The word.</returns>
    public static string ToWords(this MatchedBy by) => by switch
    {
        MatchedBy.AwardId => "award_id",
        MatchedBy.ContractId => "contract_id",
        MatchedBy.Identifier => "identifier",
        MatchedBy.Name => "name",
        MatchedBy.Alias => "alias",
        MatchedBy.SameAs => "same_as",
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "not a MatchedBy value"),
    };
}

/// <summary>A CSV file to import while loading a graph (see <see cref="LoadOptions.Imports"/>). Immutable.</summary>
/// <param name="Path">The CSV file.</param>
/// <param name="Mapping">How its columns become entities, such as <see cref="CsvMapping.UsaSpending"/>.</param>
public sealed partial record CsvImport(string Path, CsvMapping Mapping)
{
    /// <summary>Whether rows with problems are left out instead of failing the load (their warnings are among the graph's warnings).</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>The judgements (<c>same_as</c>, <c>not_same</c>) to apply with those of the mapping.</summary>
    public ImportJudgements Judgements { get; init; } = ImportJudgements.None;
}

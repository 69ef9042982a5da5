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

    /// <summary>The rows left out because of problems (only with <see cref="ImportOptions.SkipInvalid"/>).</summary>
    public required long SkippedRows { get; init; }

    /// <summary>The warnings: skipped rows with their problems, unknown <c>same_as</c> ids, ties left out.</summary>
    public required ImmutableArray<Diagnostic> Warnings { get; init; }

    /// <summary>A one-line summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Rows} rows: {Contracts} contracts, {Companies} companies, {Agencies} agencies, {Matched.Length} matched, {SkippedRows} skipped";
}

/// <summary>A CSV file to import while loading a graph (see <see cref="LoadOptions.Imports"/>). Immutable.</summary>
/// <param name="Path">The CSV file.</param>
/// <param name="Mapping">How its columns become entities, such as <see cref="CsvMapping.UsaSpending"/>.</param>
public sealed record CsvImport(string Path, CsvMapping Mapping)
{
    /// <summary>Whether rows with problems are left out instead of failing the load (their warnings are among the graph's warnings).</summary>
    public bool SkipInvalid { get; init; }
}

using System.Collections.Immutable;
using System.Text;
using TechTies.Loading;

namespace TechTies.Import;

/// <summary>
/// Imports a CSV file of contract awards into a format-v1 YAML graph file, as a <see cref="CsvMapping"/> says.
/// </summary>
/// <remarks>
/// <para>
/// Rows are streamed: companies and agencies, which repeat, are kept in memory; contracts go to temporary files and
/// are merged back in id order, so a file of any size imports in bounded memory. The output lists sources,
/// companies, agencies and contracts, each by id, so importing the same file again gives the same bytes.
/// </para>
/// <para>
/// A bad row (an amount such as <c>45-12x</c>, a bad date, an empty key column) is reported as a
/// <see cref="Diagnostic"/> with the CSV file, the line the row starts on (counting the lines inside quoted fields),
/// the 1-based column, and the column's name and value in the message. By default the import then fails with every
/// problem and writes nothing; with <see cref="ImportOptions.SkipInvalid"/> it leaves those rows out and reports
/// them as warnings. The output is written to a temporary file beside it and moved into place, so it is never
/// half-written; through a symbolic link, the file it leads to is replaced and the link kept; a device or FIFO (such
/// as <c>/dev/stdout</c>) is written directly.
/// </para>
/// </remarks>
public static class CsvImporter
{
    /// <summary>Imports <paramref name="csvPath"/> and writes the YAML graph to <paramref name="outputPath"/> (replacing it).</summary>
    /// <param name="csvPath">The CSV file (UTF-8, with or without a byte order mark; a header row naming the columns).</param>
    /// <param name="mapping">How its columns become entities, such as <see cref="CsvMapping.UsaSpending"/>.</param>
    /// <param name="outputPath">The YAML file to write; its folder must exist.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="ImportOptions.Default"/>.</param>
    /// <returns>What was read and written, with the warnings.</returns>
    /// <exception cref="GraphLoadException">Rows are invalid (and <see cref="ImportOptions.SkipInvalid"/> is off), or the header lacks a column the mapping needs; nothing is written.</exception>
    /// <exception cref="FileNotFoundException">There is no CSV file at <paramref name="csvPath"/>.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="outputPath"/> does not exist.</exception>
    public static ImportResult Import(string csvPath, CsvMapping mapping, string outputPath, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(csvPath);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(outputPath);
        options ??= ImportOptions.Default;

        using var output = OutputFile.For(outputPath);
        var result = Write(csvPath, mapping, () => output.Open(options.CancellationToken), outputPath, options);
        output.Commit();
        return result;
    }

    /// <summary>Imports into the stream <paramref name="open"/> gives, opened only once every row has been checked; <paramref name="outputPath"/> names the output.</summary>
    internal static ImportResult Write(string csvPath, CsvMapping mapping, Func<Stream> open, string outputPath, ImportOptions options)
    {
        if (!File.Exists(csvPath))
        {
            throw new FileNotFoundException($"No CSV file '{csvPath}' to import.", csvPath);
        }

        using var run = new ImportRun(csvPath, mapping, outputPath, options);
        return run.WriteTo(open);
    }
}

/// <summary>One import: reads the rows, checks them, collects entities and spools contracts, then writes the YAML.</summary>
internal sealed class ImportRun : IDisposable
{
    private const int MaxListed = 1000;
    private const int ProgressEvery = 5000;

    private readonly string csvPath;
    private readonly CsvMapping mapping;
    private readonly string outputPath;
    private readonly ImportOptions options;
    private readonly DiagnosticBag diagnostics = new();
    private readonly EntityRegistry registry;
    private readonly ContractSpool spool;
    private readonly string sourceId;
    private readonly Dictionary<string, SortedDictionary<string, (long Rows, long Line, int Column)>> parentsOf = new(StringComparer.Ordinal);
    private long rows;
    private long matchedContracts;
    private long skipped;
    private long unlisted;
    private bool failed;

    public ImportRun(string csvPath, CsvMapping mapping, string outputPath, ImportOptions options)
    {
        this.csvPath = csvPath;
        this.mapping = mapping;
        this.outputPath = Path.GetFullPath(outputPath);
        this.options = options;
        spool = new ContractSpool(options.ChunkSize);
        registry = new EntityRegistry(options.Existing, Counts, mapping.SameAs.Concat(options.Judgements.SameAs), mapping.NotSame.Concat(options.Judgements.NotSame), (code, file, line, column, message, suggestion) => diagnostics.Warning(code, file, line, column, message, suggestion));
        var fileSlug = NameKeys.Slug(Path.GetFileNameWithoutExtension(csvPath));
        sourceId = registry.Allocate(fileSlug.Length == 0 ? mapping.Dataset.IdPrefix : mapping.Dataset.IdPrefix + "-" + fileSlug, mapping.Dataset.IdPrefix, "source:" + Path.GetFileName(csvPath));
    }

    public void Dispose() => spool.Dispose();

    public ImportResult WriteTo(Func<Stream> open)
    {
        using (var rowReader = new CsvRows(csvPath, mapping, diagnostics))
        {
            if (rowReader.ReadHeader())
            {
                var total = new FileInfo(csvPath).Length;
                while (rowReader.Next(out var row))
                {
                    options.CancellationToken.ThrowIfCancellationRequested();
                    rows++;
                    Import(row);
                    if (rows % ProgressEvery == 0)
                    {
                        options.Progress?.Report(new ImportProgress(rows, rowReader.ByteOffset, total));
                    }
                }

                options.Progress?.Report(new ImportProgress(rows, total, total));
                TieParents();
            }
            else
            {
                failed = true;
            }
        }

        ThrowIfFailed();
        long contracts;
        using (var writer = new StreamWriter(open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: false))
        {
            contracts = WriteYaml(new GraphYamlWriter(writer));
        }

        ThrowIfFailed();
        if (unlisted > 0)
        {
            diagnostics.Warning(DiagnosticCodes.TooManyProblems, csvPath, 1, 1, $"{unlisted} more problems are not listed", "fix the rows listed and import again");
        }

        return new ImportResult
        {
            OutputPath = outputPath,
            Rows = rows,
            Contracts = contracts,
            Companies = registry.Defined.Count(e => e.Kind == Kind.Company),
            Agencies = registry.Defined.Count(e => e.Kind == Kind.Agency),
            Matched = [.. registry.MatchedIds.Concat(registry.Matches.Where(m => m.Kind == Kind.Contract).Select(m => m.Id)).Distinct().Order(StringComparer.Ordinal)],
            Matches = [.. registry.Matches],
            Candidates = [.. registry.Candidates],
            MatchedContracts = matchedContracts,
            SkippedRows = skipped,
            Warnings = [.. diagnostics.Sorted()],
        };
    }

    private void ThrowIfFailed()
    {
        if (failed || diagnostics.HasErrors)
        {
            if (unlisted > 0)
            {
                diagnostics.Error(DiagnosticCodes.TooManyProblems, csvPath, 1, 1, $"{unlisted} more problems are not listed", "fix the rows listed and import again");
                unlisted = 0;
            }

            throw new GraphLoadException(diagnostics.Sorted());
        }
    }

    // The entities of the file being replaced are not part of the graph to merge with: a re-import replaces them.
    private bool Counts(Entity entity) =>
        entity.Location is not { File: var file } || !string.Equals(Path.GetFullPath(file), outputPath, StringComparison.Ordinal);

    private void Import(CsvRow row)
    {
        var problems = new List<Problem>(row.Problems);
        if (problems.Count == 0)
        {
            problems.AddRange(Check(row));
        }

        if (problems.Count > 0)
        {
            Report(row.Line, problems);
            return;
        }

        if (failed)
        {
            // The import fails anyway: later rows are only checked, so that every problem is listed.
            return;
        }

        if (Build(row) is { } contract)
        {
            spool.Add(contract);
        }
    }

    /// <summary>
    /// A company is subsidiary_of the parent its rows name, when they all name one; rows that name different parents
    /// keep each its own (the contract's vendor_parent), and the company gets a warning listing them, not two parents.
    /// </summary>
    private void TieParents()
    {
        foreach (var (vendorId, parents) in parentsOf.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var vendor = registry.Entity(vendorId);
            if (parents.Count == 1)
            {
                var (parentId, (_, line, column)) = parents.First();
                registry.Tie(vendor, "subsidiary_of", registry.Entity(parentId), csvPath, line, column);
                continue;
            }

            var first = parents.Values.MinBy(p => p.Line);
            var list = string.Join(", ", parents.Select(p => $"'{p.Key}' ({p.Value.Rows} {(p.Value.Rows == 1 ? "row" : "rows")}, first on line {p.Value.Line})"));
            diagnostics.Warning(DiagnosticCodes.DifferingParents, csvPath, checked((int)first.Line), first.Column, $"the rows of '{vendorId}' name {parents.Count} different parents: {list}; each contract keeps its own as vendor_parent, and '{vendorId}' gets no subsidiary_of tie", "add the company's parent to the curated graph by hand, citing the source that states it");
        }
    }

    private IEnumerable<Problem> Check(CsvRow row)
    {
        var contract = mapping.Contract;
        foreach (var column in contract.IdColumns)
        {
            if (row[column] is null)
            {
                yield return Missing(row, column, "the contract id is made from it");
            }
        }

        if (row[mapping.Vendor.Name] is null)
        {
            yield return Missing(row, mapping.Vendor.Name, "it names the vendor");
        }

        if (row[mapping.Agency.Name] is null)
        {
            yield return Missing(row, mapping.Agency.Name, "it names the agency");
        }

        // An identifier is one line, as the loader requires of the YAML the import writes (a quoted cell may hold a line break).
        foreach (var (_, column) in mapping.Vendor.Identifiers.Concat(mapping.Vendor.ParentIdentifiers))
        {
            if (row[column] is { } text && text.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                yield return new Problem(DiagnosticCodes.WrongShape, row.ColumnNumber(column), $"column {row.ColumnNumber(column)} '{column.Name}': {DiagnosticText.Quote(text)} holds a line break, but an identifier is one line", "remove the line break from the cell, or leave the cell empty");
            }
        }

        foreach (var column in (CsvMapping.Column?[])[contract.Obligated, contract.CurrentValue, contract.PotentialValue])
        {
            if (column is not null && row[column] is { } text && !Money.TryParse(text, out _, out _, mapping.Currency))
            {
                yield return new Problem(DiagnosticCodes.BadAmount, row.ColumnNumber(column), $"column {row.ColumnNumber(column)} '{column.Name}': {DiagnosticText.Quote(text)} is not an amount of money", "write a number such as 39340900.82, or leave the cell empty");
            }
        }

        PartialDate? start = null;
        PartialDate? end = null;
        foreach (var (column, isStart) in new[] { (contract.Start, true), (contract.End, false) })
        {
            if (column is null || row[column] is not { } text)
            {
                continue;
            }

            if (!PartialDate.TryParse(text, out var date))
            {
                yield return new Problem(DiagnosticCodes.BadDate, row.ColumnNumber(column), $"column {row.ColumnNumber(column)} '{column.Name}': {DiagnosticText.Quote(text)} is not a date", "write YYYY-MM-DD (or YYYY-MM, YYYY), such as 2018-07-31, or leave the cell empty");
            }
            else if (isStart)
            {
                start = date;
            }
            else
            {
                end = date;
            }
        }

        if (start is { } s && end is { } e && s.Start > e.End)
        {
            var column = contract.End!;
            yield return new Problem(DiagnosticCodes.StartAfterEnd, row.ColumnNumber(column), $"column {row.ColumnNumber(column)} '{column.Name}': the end {e} is before the start {s} (column {row.ColumnNumber(contract.Start!)} '{contract.Start!.Name}')", "check both dates");
        }
    }

    private void Report(long line, List<Problem> problems)
    {
        if (options.SkipInvalid)
        {
            skipped++;
        }
        else
        {
            failed = true;
        }

        foreach (var problem in problems)
        {
            if (diagnostics.Items.Count >= MaxListed)
            {
                unlisted++;
                continue;
            }

            if (options.SkipInvalid)
            {
                diagnostics.Warning(problem.Code, csvPath, checked((int)line), problem.Column, problem.Message + "; the row is skipped", problem.Suggestion);
            }
            else
            {
                diagnostics.Error(problem.Code, csvPath, checked((int)line), problem.Column, problem.Message, problem.Suggestion);
            }
        }
    }

    private ContractRecord? Build(CsvRow row)
    {
        var line = row.Line;
        var vendorRule = mapping.Vendor;
        var vendor = registry.Company(row[vendorRule.Name]!, Identifiers(row, vendorRule.Identifiers));
        ImportedEntity? parent = null;
        if (vendorRule.ParentName is not null && row[vendorRule.ParentName] is { } parentName)
        {
            parent = registry.Company(parentName, Identifiers(row, vendorRule.ParentIdentifiers));
            if (!parentsOf.TryGetValue(vendor.Id, out var parents))
            {
                parentsOf[vendor.Id] = parents = new(StringComparer.Ordinal);
            }

            parents[parent.Id] = parents.TryGetValue(parent.Id, out var seen) ? seen with { Rows = seen.Rows + 1 } : (1, line, row.ColumnNumber(vendorRule.ParentName));
        }

        var agencyRule = mapping.Agency;
        var agency = registry.Agency(row[agencyRule.Name]!, within: null);
        var holder = agency;
        if (agencyRule.SubAgency is not null && row[agencyRule.SubAgency] is { } subName && NameKeys.Agency(subName) != NameKeys.Agency(row[agencyRule.Name]!))
        {
            holder = registry.Agency(subName, within: null);
            registry.Tie(holder, "part_of", agency, csvPath, line, row.ColumnNumber(agencyRule.SubAgency));
        }

        ImportedEntity? office = null;
        if (agencyRule.Office is not null && row[agencyRule.Office] is { } officeName && registry.Agency(officeName, within: holder) is var found && found.Id != holder.Id)
        {
            office = found;
            registry.Tie(office, "part_of", holder, csvPath, line, row.ColumnNumber(agencyRule.Office));
        }

        var contract = mapping.Contract;
        var keys = contract.IdColumns.Select(c => row[c]!).ToList();
        var slug = NameKeys.Slug(string.Join("-", keys));
        var id = contract.HashIds || slug.Length == 0
            ? (contract.IdPrefix.Length == 0 ? "contract" : contract.IdPrefix) + "-" + NameKeys.Hash(keys, 16)
            : contract.IdPrefix.Length == 0 ? slug : contract.IdPrefix + "-" + slug;
        var awardId = Cell(row, contract.AwardId);
        if (registry.Contract(id, awardId, awardId ?? string.Join(" ", keys)) is not null)
        {
            // The graph merged with has the award: the output does not define it a second time.
            matchedContracts++;
            return null;
        }

        var amounts = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["obligated"] = Amount(row, contract.Obligated),
            ["current_value"] = Amount(row, contract.CurrentValue),
            ["potential_value"] = Amount(row, contract.PotentialValue),
        };
        var details = contract.Details.Where(d => row[d.Column] is not null).Select(d => $"{d.Label}: {row[d.Column]}").ToList();
        return new ContractRecord
        {
            Id = id,
            Title = Cell(row, contract.Title) ?? (awardId is null ? "Award " + string.Join(" ", keys) : "Award " + awardId),
            AwardId = awardId,
            VendorId = vendor.Id,
            VendorParentId = parent?.Id,
            AgencyId = holder.Id,
            OfficeId = office?.Id,
            Amount = contract.Headline is null ? null : amounts[contract.Headline],
            Obligated = amounts["obligated"],
            CurrentValue = amounts["current_value"],
            PotentialValue = amounts["potential_value"],
            Start = Date(row, contract.Start),
            End = Date(row, contract.End),
            Description = details.Count == 0 ? null : string.Join("; ", details),
            Page = Cell(row, mapping.Page),
            Line = line,
            IdColumn = row.ColumnNumber(contract.IdColumns[0]),
        };
    }

    private static Problem Missing(CsvRow row, CsvMapping.Column column, string why) =>
        new(DiagnosticCodes.MissingValue, row.ColumnNumber(column), $"column {row.ColumnNumber(column)} '{column.Name}' is empty, but the import needs it: {why}", "fill in the cell, or leave the row out");

    private static List<(string, string)> Identifiers(CsvRow row, ImmutableArray<(string Scheme, CsvMapping.Column Column)> rules) =>
        [.. rules.Where(r => row[r.Column] is not null).Select(r => (r.Scheme, row[r.Column]!))];

    private static string? Cell(CsvRow row, CsvMapping.Column? column) => column is null ? null : row[column];

    private string? Amount(CsvRow row, CsvMapping.Column? column) =>
        Cell(row, column) is { } text && Money.TryParse(text, out var money, out _, mapping.Currency) ? money.ToString() : null;

    private static string? Date(CsvRow row, CsvMapping.Column? column) =>
        Cell(row, column) is { } text && PartialDate.TryParse(text, out var date) ? date.ToString() : null;

    private long WriteYaml(GraphYamlWriter writer)
    {
        writer.Start(
        [
            $"Imported from {Path.GetFileName(csvPath)} with the {mapping.Name} mapping by techties import.",
            "Re-import the CSV file rather than editing this file: the same file gives the same output.",
        ]);
        var dataset = mapping.Dataset;
        writer.Source(sourceId, $"{dataset.Title}: {Path.GetFileName(csvPath)}", dataset.Publisher, dataset.Url);
        var defined = registry.Defined.OrderBy(e => e.Kind).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        foreach (var entity in defined)
        {
            writer.Entity(entity, sourceId);
        }

        long written = 0;
        ContractRecord? previous = null;
        foreach (var contract in spool.Sorted())
        {
            if (previous is not null && previous.Id == contract.Id)
            {
                Report(contract, $"the row makes the contract id '{contract.Id}', as the row on line {previous.Line} does", "each row is one award: remove the repeated row, or make the id from more columns");
                continue;
            }

            if (registry.IsTaken(contract.Id))
            {
                Report(contract, $"the row makes the contract id '{contract.Id}', which is already the id of another entity", "make contract ids with a prefix (id: { slug: [...], prefix: award })");
                continue;
            }

            previous = contract;
            writer.Contract(contract, sourceId);
            written++;
        }

        // Ties from entities of the graph merged with cannot be written as their fields: they go to ties:.
        foreach (var entity in registry.Matched.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            foreach (var (type, to) in entity.Ties)
            {
                writer.Tie(entity.Id, type, to, sourceId);
            }
        }

        writer.End();
        return written;
    }

    private void Report(ContractRecord contract, string message, string suggestion) =>
        Report(contract.Line, [new Problem(DiagnosticCodes.DuplicateRecord, contract.IdColumn, message, suggestion)]);
}

using System.CommandLine;
using System.Diagnostics;
using TechTies.Loading;
using TechTies.Import;

namespace TechTies.Cli;

/// <summary><c>techties import</c>: turn a CSV file of contract awards into a YAML graph file.</summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions options)
    {
        var file = new Argument<string>("file.csv") { Description = "The CSV file to import (such as a USAspending.gov award summary download)" };
        var mapping = new Option<string>("--mapping", "-m")
        {
            Description = $"How columns become entities: a built-in mapping ({string.Join(", ", CsvMapping.BuiltInNames)}) or a mapping YAML file",
            DefaultValueFactory = _ => "usaspending",
        };
        var output = new Option<string>("--out", "-o") { Description = "The YAML graph file to write (replaced only when the import succeeds)", Required = true };
        OutputPaths.RequireName(output);
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Leave out rows with problems (reported as warnings) instead of failing" };
        var judgements = new Option<string?>("--judgements") { Description = "A YAML file of decisions (same_as: and not_same: names to ids) applied with the mapping's, kept beside the reporting for every later import" };
        var command = new Command("import", """
            Import a CSV file of contract awards as a format-v1 YAML graph file that a person can review. Columns are
            found by name, as the mapping says (docs/import.md). With --data (and --with-built-in), the import merges with that curated graph:
            an award id the graph holds is not imported again; a company or agency with an identifier (UEI), a name or
            an alias of the graph (by name key: case, punctuation and legal forms do not matter), or one that a same_as
            judgement names, refers to the curated entity. A name that names several entities, or is near a name, is a
            candidate: listed, never merged; same_as and not_same (in the mapping or --judgements) settle it. Bad rows
            are listed on stderr with their line, column and value; without --skip-invalid nothing is written then.

            Examples:
              techties import awards.csv --mapping usaspending --out graphs/awards.yaml
              techties import awards.csv --out awards.yaml --data graphs/ --skip-invalid
              techties import awards.csv --mapping my-mapping.yaml --out awards.yaml
              techties import awards.csv --out awards.yaml --with-built-in --judgements judgements.yaml
            """);
        command.Arguments.Add(file);
        command.Options.Add(mapping);
        command.Options.Add(output);
        command.Options.Add(skipInvalid);
        command.Options.Add(judgements);
        command.SetAction(parse =>
        {
            var context = options.Context(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var data = parse.GetValue(options.Data) ?? [];
            TechTiesGraph? existing = null;
            if (data.Length > 0 || parse.GetValue(options.WithBuiltIn))
            {
                existing = context.Load(out var loadExit);
                if (existing is null)
                {
                    return loadExit;
                }
            }

            var csv = parse.GetValue(file)!;
            var mappingName = parse.GetValue(mapping)!;
            var outputPath = parse.GetValue(output)!;
            var judgementsPath = parse.GetValue(judgements);
            try
            {
                using var target = OutputFile.For(outputPath);
                if (!OutputPaths.CheckNotAnInput(context, target, outputPath, [csv, .. File.Exists(mappingName) ? [mappingName] : Array.Empty<string>(), .. judgementsPath is null ? Array.Empty<string>() : [judgementsPath], .. data]))
                {
                    return ExitCodes.Usage;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Reported by the import itself, which decides the same way where the output goes.
            }

            return Run(context, csv, mappingName, outputPath, parse.GetValue(skipInvalid), existing, judgementsPath);
        });
        return command;
    }

    private static int Run(CommandContext context, string csv, string mappingName, string output, bool skipInvalid, TechTiesGraph? existing, string? judgementsPath)
    {
        try
        {
            var mapping = CsvMapping.Resolve(mappingName);
            var judgements = judgementsPath is null ? ImportJudgements.None : ImportJudgements.Load(judgementsPath);
            using var progress = ProgressLine.Create(context);
            var result = Interruption.Cancellable(token => CsvImporter.Import(csv, mapping, output, new ImportOptions { SkipInvalid = skipInvalid, Existing = existing, Progress = progress, Judgements = judgements, CancellationToken = token }));
            progress?.Dispose();
            if (!context.Quiet)
            {
                context.WriteDiagnostics(result.Warnings);
            }

            if (context.Json)
            {
                context.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("output", output);
                    w.WriteString("mapping", mapping.Name);
                    w.WriteNumber("rows", result.Rows);
                    w.WriteNumber("contracts", result.Contracts);
                    w.WriteNumber("companies", result.Companies);
                    w.WriteNumber("agencies", result.Agencies);
                    w.WriteStartArray("matched");
                    foreach (var id in result.Matched)
                    {
                        w.WriteStringValue(id);
                    }

                    w.WriteEndArray();
                    w.WriteNumber("matchedContracts", result.MatchedContracts);
                    w.WriteStartArray("matches");
                    foreach (var match in result.Matches)
                    {
                        w.WriteStartObject();
                        w.WriteString("kind", match.Kind.ToName());
                        w.WriteString("name", match.Name);
                        w.WriteString("id", match.Id);
                        w.WriteString("by", match.By.ToWords());
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("candidates");
                    foreach (var candidate in result.Candidates)
                    {
                        w.WriteStartObject();
                        w.WriteString("kind", candidate.Kind.ToName());
                        w.WriteString("name", candidate.Name);
                        w.WriteString("id", candidate.Id);
                        w.WriteString("candidate", candidate.CandidateId);
                        w.WriteString("candidateName", candidate.CandidateName);
                        w.WriteString("reason", candidate.Reason);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteNumber("skippedRows", result.SkippedRows);
                    w.WriteNumber("warnings", result.Warnings.Length);
                    w.WriteEndObject();
                });
            }
            else
            {
                var matched = result.Matched.IsEmpty ? string.Empty : $", {Count(result.Matches.Length, "match", "matches")} with the curated graph ({Count(result.MatchedContracts, "award", "awards")} it holds)";
                var candidates = result.Candidates.IsEmpty ? string.Empty : $", {Count(result.Candidates.Length, "candidate", "candidates")} left unmerged";
                var skipped = result.SkippedRows == 0 ? string.Empty : $", skipped {Count(result.SkippedRows, "invalid row", "invalid rows")}";
                context.Out.WriteLine($"imported {csv} -> {output}: {Count(result.Rows, "row", "rows")}, {Count(result.Contracts, "contract", "contracts")}, {Count(result.Companies, "company", "companies")}, {Count(result.Agencies, "agency", "agencies")}{matched}{candidates}{skipped}");
                foreach (var match in result.Matches)
                {
                    context.Out.WriteLine($"  matched {match.Kind.ToName()} {DiagnosticText.Quote(match.Name)} -> {match.Id} (by {match.By.ToWords().Replace('_', ' ')})");
                }

                foreach (var candidate in result.Candidates)
                {
                    context.Out.WriteLine($"  candidate {candidate.Kind.ToName()} {DiagnosticText.Quote(candidate.Name)} ({candidate.Id}) may be {candidate.CandidateId} ({candidate.CandidateName}): {candidate.Reason}; not merged (same_as or not_same decides)");
                }
            }

            return ExitCodes.Success;
        }
        catch (GraphLoadException e)
        {
            context.WriteDiagnostics(e.Diagnostics.Where(d => !context.Quiet || d.Severity == DiagnosticSeverity.Error));
            var errors = e.Errors.Count();
            var hint = skipInvalid || e.Errors.Any(d => d.Code == DiagnosticCodes.MissingColumn) ? string.Empty : " (--skip-invalid imports the other rows)";
            context.WriteError("invalid", $"nothing was written to {output}: {errors} {(errors == 1 ? "problem" : "problems")}{hint}");
            return ExitCodes.InvalidData;
        }
        catch (OperationCanceledException)
        {
            context.WriteError("interrupted", $"interrupted: nothing was written to {output}, and the import's temporary files were removed");
            return ExitCodes.Interrupted;
        }
        catch (FileNotFoundException e)
        {
            context.WriteError("not-found", e.Message);
            return ExitCodes.NotFound;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.WriteError("io", e.Message);
            return ExitCodes.NotFound;
        }
    }

    private static string Count(long n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    /// <summary>Progress on stderr, rewritten in place at most a few times a second; only on a terminal and not with --quiet.</summary>
    private sealed class ProgressLine(TextWriter error) : IProgress<ImportProgress>, IDisposable
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private bool shown;

        public static ProgressLine? Create(CommandContext context) =>
            context.Quiet || Console.IsErrorRedirected ? null : new ProgressLine(context.Error is VisibleWriter visible ? visible.Inner : context.Error);

        public void Report(ImportProgress value)
        {
            if (clock.ElapsedMilliseconds < 250 && value.Bytes < value.TotalBytes)
            {
                return;
            }

            clock.Restart();
            var percent = value.TotalBytes == 0 ? 100 : value.Bytes * 100 / value.TotalBytes;
            error.Write($"\rimporting: {value.Rows:N0} rows, {value.Bytes / 1048576.0:F1} of {value.TotalBytes / 1048576.0:F1} MB ({percent}%)");
            shown = true;
        }

        public void Dispose()
        {
            if (shown)
            {
                error.WriteLine();
                shown = false;
            }
        }
    }
}

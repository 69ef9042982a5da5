using System.Text.Json;
using TechTies.Tests.Cli;

namespace TechTies.Tests.Import;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-import-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Output => Path.Combine(folder, "out.yaml");

    [Fact]
    public void Import_writes_a_graph_file_that_validates_and_says_what_it_imported()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.Falcon()]);

        var result = CliRunner.Run("import", csv, "--mapping", "usaspending", "--out", Output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"imported {csv} -> {Output}: 2 rows, 2 contracts, 2 companies, 3 agencies\n", result.Out.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, result.Error);
        var validate = CliRunner.Run("validate", "--data", Output, "--strict");
        Assert.Equal(0, validate.ExitCode);
        Assert.Equal(string.Empty, validate.Error);
    }

    [Fact]
    public void Invalid_rows_exit_2_with_their_line_column_and_value_on_stderr_and_nothing_written()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.With(AwardCsv.Falcon(), new() { ["total_obligated_amount"] = "45-12x" })]);

        var result = CliRunner.Run("import", csv, "--out", Output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{csv}:3:4: error TT0052: column 4 'total_obligated_amount': '45-12x' is not an amount of money", result.Error);
        Assert.Contains($"nothing was written to {Output}: 1 problem (--skip-invalid imports the other rows)", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Skip_invalid_exits_0_and_lists_the_skipped_rows_as_warnings_unless_quiet()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.With(AwardCsv.Falcon(), new() { ["period_of_performance_start_date"] = "01/01/2015" })]);

        var result = CliRunner.Run("import", csv, "--out", Output, "--skip-invalid");
        var quiet = CliRunner.Run("import", csv, "--out", Output, "--skip-invalid", "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{csv}:3:7: warning TT0050: column 7 'period_of_performance_start_date': '01/01/2015' is not a date; the row is skipped", result.Error);
        Assert.Contains(": 2 rows, 1 contract, ", result.Out, StringComparison.Ordinal);
        Assert.EndsWith(", skipped 1 invalid row\n", result.Out.ReplaceLineEndings("\n"));
        Assert.Equal((0, string.Empty), (quiet.ExitCode, quiet.Error));
    }

    [Fact]
    public void Data_merges_with_the_curated_graph_and_json_lists_the_matched_ids()
    {
        var curated = Path.Combine(folder, "curated.yaml");
        File.WriteAllText(curated, "techties: 1\ncompanies:\n  palantir:\n    name: Palantir Technologies\n    identifiers: { uei: MM4PP2ABCDE9 }\n");
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Falcon()]);

        var result = CliRunner.Run("import", csv, "--out", Output, "--data", curated, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(["palantir"], json.GetProperty("matched").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, json.GetProperty("contracts").GetInt32());
        Assert.Equal(0, CliRunner.Run("validate", "--data", curated, "--data", Output).ExitCode);
    }

    [Fact]
    public void A_missing_csv_file_or_mapping_exits_3_and_a_missing_out_option_exits_1()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm()]);

        var noCsv = CliRunner.Run("import", Path.Combine(folder, "none.csv"), "--out", Output);
        var noMapping = CliRunner.Run("import", csv, "--mapping", "usaspendng", "--out", Output);
        var noOut = CliRunner.Run("import", csv);

        Assert.Equal(3, noCsv.ExitCode);
        Assert.Contains("none.csv", noCsv.Error);
        Assert.Equal(3, noMapping.ExitCode);
        Assert.Contains("the built-in mappings are usaspending", noMapping.Error);
        Assert.Equal(1, noOut.ExitCode);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void A_mapping_file_is_read_from_its_path_and_its_problems_exit_2()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm()]);
        var mapping = Path.Combine(folder, "mine.yaml");
        File.WriteAllText(mapping, "techties_mapping: 1\nname: mine\nvendr: {}\n");

        var result = CliRunner.Run("import", csv, "--mapping", mapping, "--out", Output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{mapping}:3:1: error TT0021: 'vendr' is not a field of a mapping (did you mean 'vendor'?)", result.Error);
    }
}

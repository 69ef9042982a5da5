using System.Text;
using TechTies.Import;

namespace TechTies.Tests.Import;

public sealed class ImportTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-import-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Output => Path.Combine(folder, "out.yaml");

    [Fact]
    public void Awards_become_companies_agencies_and_contracts_with_every_amount_kept_as_the_value_it_is()
    {
        var csv = AwardCsv.Write(folder, "palantir-awards.csv", [AwardCsv.Icm(), AwardCsv.Falcon()]);
        var result = CsvImporter.Import(csv, CsvMapping.UsaSpending, Output);
        var graph = TechTiesGraph.Load(Output);

        Assert.Equal(2, result.Rows);
        Assert.Equal(2, result.Contracts);
        Assert.Empty(graph.Warnings);
        var icm = (Contract)graph["cont-awd-hscetc14c00002-7012-none-none"];
        Assert.Equal("WEB-ENABLED INVESTIGATING CASE MANAGEMENT (ICM) SYSTEM", icm.Title);
        Assert.Equal("HSCETC14C00002", icm.AwardId);
        Assert.Equal("palantir-usg", icm.VendorId);
        Assert.Equal("us-immigration-and-customs-enforcement", icm.AgencyId);
        Assert.Equal("mission-support-washington", icm.OfficeId);
        Assert.Equal(Money.Parse("USD 41000000"), icm.Obligated);
        Assert.Equal(Money.Parse("USD 41000000"), icm.CurrentValue);
        Assert.Equal(Money.Parse("USD 53148388.39"), icm.PotentialValue);
        Assert.Null(icm.Amount);
        Assert.Equal(PartialDate.Parse("2014-09-26"), icm.Start);
        Assert.Equal(PartialDate.Parse("2019-09-25"), icm.End);
        var citation = Assert.Single(icm.Citations);
        Assert.Equal("usaspending-palantir-awards", citation.Source);
        Assert.Equal("https://www.usaspending.gov/award/CONT_AWD_HSCETC14C00002_7012_-NONE-_-NONE-/", citation.Page);
        Assert.Equal(SourceKind.Dataset, ((Source)graph["usaspending-palantir-awards"]).SourceKind);
    }

    [Fact]
    public void PyYAML_reads_the_imported_text_as_text_and_only_the_dates_as_dates()
    {
        // Names and ids that a plain YAML 1.1 scalar would turn into a boolean, a number or a date.
        var row = AwardCsv.With(AwardCsv.Icm(), new()
        {
            ["award_id_piid"] = "007",
            ["recipient_name"] = "YES",
            ["recipient_parent_name"] = "ON",
            ["awarding_office_name"] = "2018-08-01",
            ["prime_award_base_transaction_description"] = "1e3",
        });
        var csv = AwardCsv.Write(folder, "awards.csv", [row]);
        CsvImporter.Import(csv, CsvMapping.UsaSpending, Output);

        var script = Path.Combine(Export.ExportTestSupport.RepoRoot, "tests", "consumers", "python", "read_yaml.py");
        var read = System.Text.Json.JsonDocument.Parse(Export.ConsumerSupport.Run("/usr/bin/python3", [script, Output], Export.ConsumerSupport.AptHint)).RootElement;
        var typed = read.GetProperty("typed").EnumerateArray().Select(p => p.GetString()!.Split('/')[^1]).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["end", "start", "techties"], typed);
        var text = read.GetProperty("doc").ToString();
        Assert.Contains("\"award_id\": \"007\"", text, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"YES\"", text, StringComparison.Ordinal);
        Assert.Contains("\"title\": \"1e3\"", text, StringComparison.Ordinal);
        Assert.Equal("007", ((Contract)TechTiesGraph.Load(Output).Entities.Single(e => e is Contract)).AwardId);
    }

    [Fact]
    public void Importing_through_a_symbolic_link_replaces_the_file_it_leads_to_and_keeps_the_link()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm()]);
        var target = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "real")).FullName, "awards.yaml");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(Output, target);

        CsvImporter.Import(csv, CsvMapping.UsaSpending, Output);

        Assert.Equal(target, new FileInfo(Output).LinkTarget);
        Assert.StartsWith("# Imported from awards.csv", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public async Task Importing_into_a_fifo_writes_into_it_and_leaves_it_a_fifo()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm()]);
        var fifo = Path.Combine(folder, "awards.fifo");
        System.Diagnostics.Process.Start("mkfifo", [fifo]).WaitForExit();
        var read = Task.Run(() => File.ReadAllText(fifo));

        CsvImporter.Import(csv, CsvMapping.UsaSpending, fifo);

        Assert.StartsWith("# Imported from awards.csv", await read.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["awards.csv", "awards.fifo"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(IsFifo(fifo));
    }

    private static bool IsFifo(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%F", path]) { RedirectStandardOutput = true })!;
        return stat.StandardOutput.ReadToEnd().Trim() == "fifo";
    }

    [Fact]
    public void Offices_are_part_of_their_sub_agency_sub_agencies_part_of_their_agency_and_a_recipient_subsidiary_of_a_different_parent()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.Falcon()]);
        CsvImporter.Import(csv, CsvMapping.UsaSpending, Output);
        var graph = TechTiesGraph.Load(Output);

        string[] Ties(string id, string type) => [.. graph.TiesFrom(graph[id]).Where(t => t.Type.Name == type).Select(t => t.To.Id)];
        Assert.Equal(["us-immigration-and-customs-enforcement"], Ties("mission-support-washington", "part_of"));
        Assert.Equal(["department-of-homeland-security"], Ties("us-immigration-and-customs-enforcement", "part_of"));
        Assert.Equal(["palantir-technologies"], Ties("palantir-usg", "subsidiary_of"));
        Assert.Empty(Ties("palantir-technologies", "subsidiary_of"));
        Assert.All(graph.Ties, t => Assert.NotEmpty(t.Citations));
        Assert.Equal(2, graph.TiesFrom(graph["palantir-usg"]).Concat(graph.TiesFrom(graph["palantir-technologies"])).Count(t => t.Type.Name == "contracts_with"));
    }

    [Fact]
    public void Spellings_of_one_name_meet_under_the_first_spelling_and_the_others_become_aliases()
    {
        var rows = new[] { "PALANTIR USG INC", "Palantir USG, Inc.", "PALANTIR USG, L.L.C.", "Palantir USG LLC" }
            .Select((name, i) => AwardCsv.With(AwardCsv.Icm(), new() { ["contract_award_unique_key"] = $"KEY-{i}", ["recipient_name"] = name, ["recipient_uei"] = "" }));
        CsvImporter.Import(AwardCsv.Write(folder, "awards.csv", rows), CsvMapping.UsaSpending, Output);
        var graph = TechTiesGraph.Load(Output);

        var company = graph["palantir-usg"];
        Assert.Equal("PALANTIR USG INC", company.Name);
        Assert.Equal(["PALANTIR USG, L.L.C.", "Palantir USG LLC", "Palantir USG, Inc."], company.Aliases.ToArray());
        Assert.All(graph.EntitiesOf<Contract>(), c => Assert.Equal("palantir-usg", c.VendorId));
        Assert.Same(company, graph.Find("Palantir USG, Inc."));
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_line_breaks_and_later_rows_report_their_physical_line()
    {
        var title = "CASE MANAGEMENT, \"ICM\"\nSECOND LINE\nTHIRD LINE";
        var rows = new[]
        {
            AwardCsv.With(AwardCsv.Icm(), new() { ["prime_award_base_transaction_description"] = title }),
            AwardCsv.With(AwardCsv.Falcon(), new() { ["total_obligated_amount"] = "45-12x" }),
        };
        var csv = AwardCsv.Write(folder, "awards.csv", rows);

        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => CsvImporter.Import(csv, CsvMapping.UsaSpending, Output)).Errors);
        Assert.Equal(5, error.Line);

        CsvImporter.Import(AwardCsv.Write(folder, "awards.csv", rows.Take(1)), CsvMapping.UsaSpending, Output);
        Assert.Equal(title, TechTiesGraph.Load(Output)["cont-awd-hscetc14c00002-7012-none-none"].Name);
    }

    [Fact]
    public void A_bad_amount_is_reported_with_file_line_column_name_and_value_and_nothing_is_written()
    {
        File.WriteAllText(Output, "previous output\n");
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.With(AwardCsv.Falcon(), new() { ["total_obligated_amount"] = "45-12x" })]);

        var e = Assert.Throws<GraphLoadException>(() => CsvImporter.Import(csv, CsvMapping.UsaSpending, Output));

        var error = Assert.Single(e.Diagnostics);
        Assert.Equal(DiagnosticCodes.BadAmount, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(csv, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(4, error.Column);
        Assert.Equal("column 4 'total_obligated_amount': '45-12x' is not an amount of money", error.Message);
        Assert.Equal("previous output\n", File.ReadAllText(Output));
        Assert.Equal(["awards.csv", "out.yaml"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_bad_date_a_missing_key_and_a_start_after_the_end_are_each_reported_and_all_rows_are_checked()
    {
        var rows = new[]
        {
            AwardCsv.With(AwardCsv.Icm(), new() { ["period_of_performance_start_date"] = "2014-13-01" }),
            AwardCsv.With(AwardCsv.Falcon(), new() { ["contract_award_unique_key"] = "" }),
            AwardCsv.With(AwardCsv.Falcon(), new() { ["contract_award_unique_key"] = "K3", ["period_of_performance_start_date"] = "2019-01-01", ["period_of_performance_current_end_date"] = "2018-07-31" }),
        };
        var csv = AwardCsv.Write(folder, "awards.csv", rows);

        var errors = Assert.Throws<GraphLoadException>(() => CsvImporter.Import(csv, CsvMapping.UsaSpending, Output)).Errors.ToList();

        Assert.Equal(3, errors.Count);
        Assert.Equal((DiagnosticCodes.BadDate, 2, 7), (errors[0].Code, errors[0].Line, errors[0].Column));
        Assert.Equal("column 7 'period_of_performance_start_date': '2014-13-01' is not a date", errors[0].Message);
        Assert.Equal((DiagnosticCodes.MissingValue, 3, 2), (errors[1].Code, errors[1].Line, errors[1].Column));
        Assert.Contains("'contract_award_unique_key' is empty", errors[1].Message);
        Assert.Equal((DiagnosticCodes.StartAfterEnd, 4, 8), (errors[2].Code, errors[2].Line, errors[2].Column));
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void An_identifier_cell_with_a_line_break_is_a_row_problem_not_a_file_that_fails_to_load()
    {
        var uei = Array.IndexOf(AwardCsv.Columns, "recipient_uei") + 1;
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.With(AwardCsv.Falcon(), new() { ["recipient_uei"] = "MM4PP2\nABCDE9" })]);

        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => CsvImporter.Import(csv, CsvMapping.UsaSpending, Output)).Errors);

        Assert.Equal((DiagnosticCodes.WrongShape, 3, uei), (error.Code, error.Line, error.Column));
        Assert.Equal($"column {uei} 'recipient_uei': 'MM4PP2\nABCDE9' holds a line break, but an identifier is one line", error.Message);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void A_missing_header_column_fails_even_when_invalid_rows_are_skipped()
    {
        var columns = AwardCsv.Columns.Where(c => c != "recipient_uei").ToList();
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm()], columns);

        var e = Assert.Throws<GraphLoadException>(() => CsvImporter.Import(csv, CsvMapping.UsaSpending, Output, new ImportOptions { SkipInvalid = true }));

        var error = Assert.Single(e.Errors);
        Assert.Equal(DiagnosticCodes.MissingColumn, error.Code);
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("'recipient_uei'", error.Message);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Skip_invalid_imports_the_other_rows_and_reports_the_skipped_ones_as_warnings()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.With(AwardCsv.Icm(), new() { ["total_obligated_amount"] = "45-12x" }), AwardCsv.Falcon()]);

        var result = CsvImporter.Import(csv, CsvMapping.UsaSpending, Output, new ImportOptions { SkipInvalid = true });

        Assert.Equal((2L, 1L, 1L), (result.Rows, result.Contracts, result.SkippedRows));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((DiagnosticCodes.BadAmount, DiagnosticSeverity.Warning, 2, 4), (warning.Code, warning.Severity, warning.Line, warning.Column));
        Assert.EndsWith("; the row is skipped", warning.Message);
        var graph = TechTiesGraph.Load(Output);
        Assert.Equal(["cont-awd-hscetc15c00001-7012-none-none"], graph.EntitiesOf<Contract>().Select(c => c.Id));
    }

    [Fact]
    public void Empty_optional_cells_give_no_fields_and_a_missing_sub_agency_leaves_the_contract_with_the_agency()
    {
        var row = AwardCsv.With(AwardCsv.Icm(), new()
        {
            ["total_obligated_amount"] = "", ["current_total_value_of_award"] = "", ["potential_total_value_of_award"] = "",
            ["period_of_performance_start_date"] = "", ["period_of_performance_current_end_date"] = "", ["awarding_sub_agency_name"] = "",
            ["awarding_office_name"] = "", ["recipient_parent_name"] = "", ["recipient_uei"] = "", ["prime_award_base_transaction_description"] = "",
            ["usaspending_permalink"] = "",
        });
        CsvImporter.Import(AwardCsv.Write(folder, "awards.csv", [row]), CsvMapping.UsaSpending, Output);
        var graph = TechTiesGraph.Load(Output);

        var contract = Assert.Single(graph.EntitiesOf<Contract>());
        Assert.Equal("Award HSCETC14C00002", contract.Title);
        Assert.Equal("department-of-homeland-security", contract.AgencyId);
        Assert.Null(contract.OfficeId);
        Assert.Null(contract.Obligated);
        Assert.Null(contract.Start);
        Assert.Null(Assert.Single(contract.Citations).Page);
        Assert.Empty(((Company)graph["palantir-usg"]).Identifiers);
        Assert.Equal(2, graph.Entities.Count(e => e.Kind is Kind.Company or Kind.Agency));
    }

    [Fact]
    public void A_byte_order_mark_extra_columns_and_another_column_order_give_the_same_output()
    {
        var rows = new[] { AwardCsv.Icm(), AwardCsv.Falcon() };
        var plain = Directory.CreateDirectory(Path.Combine(folder, "plain")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(folder, "other")).FullName;
        CsvImporter.Import(AwardCsv.Write(plain, "awards.csv", rows), CsvMapping.UsaSpending, Path.Combine(plain, "out.yaml"));

        string[] columns = ["generated_internal_id", .. AwardCsv.Columns.Reverse(), "recipient_country_name"];
        var extra = rows.Select(r => AwardCsv.With(r, new() { ["generated_internal_id"] = "x, \"y\"", ["recipient_country_name"] = "UNITED STATES" }));
        var csv = AwardCsv.Write(other, "awards.csv", extra, columns, bom: true);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(csv).Take(3));
        CsvImporter.Import(csv, CsvMapping.UsaSpending, Path.Combine(other, "out.yaml"));

        Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "out.yaml")), File.ReadAllBytes(Path.Combine(other, "out.yaml")));
    }

    [Fact]
    public void Importing_the_same_file_twice_gives_a_byte_identical_file_even_when_contracts_spill_to_several_chunks()
    {
        var rows = Enumerable.Range(0, 60).Select(i => AwardCsv.With(i % 2 == 0 ? AwardCsv.Icm() : AwardCsv.Falcon(), new()
        {
            ["contract_award_unique_key"] = $"CONT_AWD_{(i * 37) % 60:D3}",
            ["recipient_name"] = $"VENDOR {i % 7} INC",
            ["recipient_uei"] = $"UEI{i % 7:D9}",
            ["awarding_office_name"] = $"OFFICE {i % 3}",
        })).ToList();
        var csv = AwardCsv.Write(folder, "awards.csv", rows);
        var second = Path.Combine(folder, "second.yaml");

        CsvImporter.Import(csv, CsvMapping.UsaSpending, Output, new ImportOptions { ChunkSize = 7 });
        CsvImporter.Import(csv, CsvMapping.UsaSpending, second);

        Assert.Equal(File.ReadAllBytes(Output), File.ReadAllBytes(second));
        var ids = TechTiesGraph.Load(Output).EntitiesOf<Contract>().Select(c => c.Id).ToList();
        Assert.Equal(60, ids.Count);
        var text = File.ReadAllText(Output);
        var positions = ids.Select(id => text.IndexOf("\n  " + id + ":\n", StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Two_rows_with_one_award_key_are_a_duplicate_reported_on_the_second_row()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.Falcon(), AwardCsv.Icm()]);

        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => CsvImporter.Import(csv, CsvMapping.UsaSpending, Output)).Errors);

        Assert.Equal((DiagnosticCodes.DuplicateRecord, 4, 2), (error.Code, error.Line, error.Column));
        Assert.Contains("as the row on line 2 does", error.Message);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Malformed_quoting_and_a_wrong_number_of_fields_are_reported_as_bad_rows()
    {
        var text = AwardCsv.Text([AwardCsv.Icm()]) + "A,B\"C,D\r\n" + "ONLY,THREE,FIELDS\r\n";
        var csv = Path.Combine(folder, "awards.csv");
        File.WriteAllText(csv, text);

        var errors = Assert.Throws<GraphLoadException>(() => CsvImporter.Import(csv, CsvMapping.UsaSpending, Output)).Errors.ToList();

        Assert.Equal([(DiagnosticCodes.BadCsvRow, 3), (DiagnosticCodes.BadCsvRow, 4)], errors.Select(e => (e.Code, e.Line)));
        Assert.Contains("a quote inside a field that is not quoted", errors[0].Message);
        Assert.Equal("the row has 3 fields, but the header has 18", errors[1].Message);
    }

    [Fact]
    public void Contract_ids_can_be_hashes_of_key_columns_and_the_headline_amount_is_the_one_the_mapping_names()
    {
        var yaml = CsvMapping.BuiltInText("usaspending")
            .Replace("name: usaspending", "name: hashed", StringComparison.Ordinal)
            .Replace("id: { slug: [contract_award_unique_key] }", "id: { hash: [award_id_piid, contract_award_unique_key], prefix: award }\n  amount: current_value", StringComparison.Ordinal);
        var mapping = CsvMapping.Parse(yaml, "hashed.yaml");
        CsvImporter.Import(AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm()]), mapping, Output);
        var graph = TechTiesGraph.Load(Output);

        var contract = Assert.Single(graph.EntitiesOf<Contract>());
        Assert.Matches("^award-[0-9a-f]{16}$", contract.Id);
        Assert.Equal(Money.Parse("USD 41000000"), contract.Amount);
        Assert.Equal(Money.Parse("USD 41000000"), graph.Ties.Single(t => t.Type.Name == "contracts_with").Amount);
    }

    [Fact]
    public void Ids_never_clash_across_kinds_and_ties_that_would_close_a_cycle_are_left_out_with_a_warning()
    {
        var rows = new[]
        {
            AwardCsv.With(AwardCsv.Icm(), new() { ["recipient_name"] = "Homeland Security", ["awarding_agency_name"] = "HOMELAND SECURITY", ["awarding_sub_agency_name"] = "Border Office" }),
            AwardCsv.With(AwardCsv.Falcon(), new() { ["awarding_agency_name"] = "Border Office", ["awarding_sub_agency_name"] = "Homeland Security" }),
        };
        var result = CsvImporter.Import(AwardCsv.Write(folder, "awards.csv", rows), CsvMapping.UsaSpending, Output);
        var graph = TechTiesGraph.Load(Output);

        Assert.Equal(Kind.Company, graph["homeland-security"].Kind);
        Assert.Matches("^homeland-security-[0-9a-f]{6}$", graph.EntitiesOf<Agency>().Single(a => a.Name == "HOMELAND SECURITY").Id);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((DiagnosticCodes.TieLeftOut, 3), (warning.Code, warning.Line));
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void Progress_reports_the_rows_and_ends_with_every_byte_read()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.Falcon()]);
        var reports = new List<ImportProgress>();
        CsvImporter.Import(csv, CsvMapping.UsaSpending, Output, new ImportOptions { Progress = new Collect(reports) });

        var last = reports[^1];
        Assert.Equal(new ImportProgress(2, new FileInfo(csv).Length, new FileInfo(csv).Length), last);
    }

    [Fact]
    public void A_missing_csv_file_is_a_file_not_found_error_naming_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => CsvImporter.Import(Path.Combine(folder, "none.csv"), CsvMapping.UsaSpending, Output));
        Assert.Contains("none.csv", e.Message);
    }

    [Fact]
    public void Values_that_yaml_would_misread_are_quoted_so_they_load_as_written()
    {
        var names = new[] { "null", "~", "- LIST CO", "KEY: VALUE INC", "#HASH LLC", "'QUOTED' CORP", "  ", "TRUE", "yes" };
        var rows = names.Select((n, i) => AwardCsv.With(AwardCsv.Icm(), new() { ["contract_award_unique_key"] = $"K{i}", ["prime_award_base_transaction_description"] = n, ["recipient_name"] = n.Trim().Length == 0 ? "BLANK" : n, ["recipient_uei"] = "" }));
        CsvImporter.Import(AwardCsv.Write(folder, "awards.csv", rows), CsvMapping.UsaSpending, Output);
        var graph = TechTiesGraph.Load(Output);

        var titles = graph.EntitiesOf<Contract>().OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Title).ToList();
        Assert.Equal(["null", "~", "- LIST CO", "KEY: VALUE INC", "#HASH LLC", "'QUOTED' CORP", "Award HSCETC14C00002", "TRUE", "yes"], titles);
        Assert.Contains(graph.EntitiesOf<Company>(), c => c.Name == "null");
    }

    [Fact]
    public void Control_characters_and_characters_yaml_reads_as_line_breaks_survive_the_round_trip()
    {
        var titles = new[] { "NEXT\u0085LINE", "LINE\u2028SEPARATOR", "PARA\u2029GRAPH", "NUL\0BELL\a", "BOM\ufeffINSIDE", "EMOJI 😀 \"Q\"" };
        var rows = titles.Select((t, i) => AwardCsv.With(AwardCsv.Icm(), new() { ["contract_award_unique_key"] = $"K{i}", ["prime_award_base_transaction_description"] = t }));
        CsvImporter.Import(AwardCsv.Write(folder, "awards.csv", rows), CsvMapping.UsaSpending, Output);

        var graph = TechTiesGraph.Load(Output);

        Assert.Equal(titles, graph.EntitiesOf<Contract>().OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Title));
    }

    [Fact]
    public void An_empty_file_has_no_header_and_fails()
    {
        var csv = Path.Combine(folder, "empty.csv");
        File.WriteAllText(csv, string.Empty);

        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => CsvImporter.Import(csv, CsvMapping.UsaSpending, Output)).Diagnostics);

        Assert.Equal((DiagnosticCodes.MissingColumn, 1, 1), (error.Code, error.Line, error.Column));
        Assert.StartsWith("the file has no header row", error.Message);
    }

    [Fact]
    public void Past_a_thousand_problems_the_rest_are_counted_in_one_diagnostic()
    {
        var rows = Enumerable.Range(0, 1003).Select(i => AwardCsv.With(AwardCsv.Icm(), new() { ["contract_award_unique_key"] = $"K{i}", ["total_obligated_amount"] = "45-12x" }));

        var errors = Assert.Throws<GraphLoadException>(() => CsvImporter.Import(AwardCsv.Write(folder, "awards.csv", rows), CsvMapping.UsaSpending, Output)).Errors.ToList();

        Assert.Equal(1001, errors.Count);
        Assert.Equal(1000, errors.Count(e => e.Code == DiagnosticCodes.BadAmount));
        Assert.Equal("3 more problems are not listed", errors.Single(e => e.Code == DiagnosticCodes.TooManyProblems).Message);
    }

    private sealed class Collect(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}

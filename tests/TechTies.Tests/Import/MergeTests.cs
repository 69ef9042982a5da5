using TechTies.Import;
using TechTies.Tests.Cli;

namespace TechTies.Tests.Import;

public sealed class MergeTests : IDisposable
{
    private const string Curated = """
        techties: 1
        sources:
          torn-apart:
            title: Torn Apart / Separados
            publisher: Torn Apart
            kind: report
        companies:
          palantir:
            name: Palantir Technologies
            identifiers: { uei: MM4PP2ABCDE9 }
            sources: [torn-apart]
          palantir-usg:
            name: Palantir USG
            sources: [torn-apart]
            subsidiary_of:
              - to: palantir
                sources: [torn-apart]
        agencies:
          ice:
            name: U.S. Immigration and Customs Enforcement
            aliases: [ICE]
            sources: [torn-apart]
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("techties-merge-").FullName;

    public MergeTests()
    {
        Directory.CreateDirectory(Path.Combine(folder, "curated"));
        File.WriteAllText(CuratedFile, Curated);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string CuratedFile => Path.Combine(folder, "curated", "palantir.yaml");

    private string Output => Path.Combine(folder, "out.yaml");

    private static CsvMapping WithSameAs(string sameAs) => CsvMapping.Parse(CsvMapping.BuiltInText("usaspending") + "\nsame_as:\n" + sameAs, "same-as.yaml");

    [Fact]
    public void A_company_whose_uei_a_curated_company_has_and_names_the_curated_graph_has_become_references_to_them()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.Falcon()]);
        var curated = TechTiesGraph.Load(CuratedFile);

        var result = CsvImporter.Import(csv, CsvMapping.UsaSpending, Output, new ImportOptions { Existing = curated });
        var graph = TechTiesGraph.Load(CuratedFile, Output);

        Assert.Equal(["ice", "palantir", "palantir-usg"], result.Matched.ToArray());
        Assert.Contains(new ImportMatch(Kind.Company, "Palantir Technologies Inc.", "palantir", MatchedBy.Identifier), result.Matches);
        Assert.Contains(new ImportMatch(Kind.Company, "PALANTIR USG INC", "palantir-usg", MatchedBy.Name), result.Matches);
        Assert.Contains(new ImportMatch(Kind.Agency, "U.S. Immigration and Customs Enforcement", "ice", MatchedBy.Name), result.Matches);
        Assert.DoesNotContain("\n  palantir:", File.ReadAllText(Output), StringComparison.Ordinal);
        Assert.DoesNotContain("\n  palantir-usg", File.ReadAllText(Output), StringComparison.Ordinal);
        Assert.Equal("palantir", ((Contract)graph["cont-awd-hscetc15c00001-7012-none-none"]).VendorId);
        Assert.Equal(("palantir-usg", "palantir"), (((Contract)graph["cont-awd-hscetc14c00002-7012-none-none"]).VendorId, ((Contract)graph["cont-awd-hscetc14c00002-7012-none-none"]).VendorParentId));
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void Names_the_mapping_says_are_the_same_as_curated_ids_refer_to_them_and_their_new_ties_go_to_the_ties_section()
    {
        var mapping = WithSameAs("""
              "PALANTIR USG INC": palantir-usg
              "U.S. Immigration and Customs Enforcement": ice
            """);
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm()]);

        var result = CsvImporter.Import(csv, mapping, Output, new ImportOptions { Existing = TechTiesGraph.Load(CuratedFile) });
        var graph = TechTiesGraph.Load(CuratedFile, Output);

        Assert.Equal(["ice", "palantir", "palantir-usg"], result.Matched.ToArray());
        Assert.Empty(result.Warnings);
        var contract = (Contract)graph["cont-awd-hscetc14c00002-7012-none-none"];
        Assert.Equal(("palantir-usg", "ice"), (contract.VendorId, contract.AgencyId));
        Assert.Single(graph.TiesFrom(graph["palantir-usg"]), t => t.Type.Name == "subsidiary_of");
        var partOf = Assert.Single(graph.TiesFrom(graph["ice"]), t => t.Type.Name == "part_of");
        Assert.Equal("department-of-homeland-security", partOf.To.Id);
        Assert.Equal(Output, partOf.Location!.File);
        Assert.Contains("\nties:\n  - from: ice\n    type: part_of\n    to: department-of-homeland-security\n", File.ReadAllText(Output), StringComparison.Ordinal);
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void Palantir_usg_from_the_csv_meets_the_built_in_curated_entity()
    {
        var graphs = Path.Combine(RepoRoot.Path, "graphs");
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.With(AwardCsv.Icm(), new() { ["contract_award_unique_key"] = "CONT_AWD_TEST_ONLY", ["award_id_piid"] = "TESTONLY1" })]);
        var builtIn = TechTiesGraph.Load(graphs);

        var result = CsvImporter.Import(csv, CsvMapping.UsaSpending, Output, new ImportOptions { Existing = builtIn });
        var graph = TechTiesGraph.Load(LoadOptions.Default with { Strict = true }, graphs, Output);

        var contract = (Contract)graph["cont-awd-test-only"];
        Assert.Equal(("palantir-usg", "ice", "ice-mission-support-washington"), (contract.VendorId, contract.AgencyId, contract.OfficeId));
        Assert.Equal(["dhs", "ice", "ice-mission-support-washington", "palantir", "palantir-usg"], result.Matched.ToArray());
        Assert.Empty(result.Candidates);
        // The source and the contract; every company and agency of the row is the curated one.
        Assert.Equal(builtIn.Entities.Length + 2, graph.Entities.Length);
        Assert.Equal(builtIn.Warnings.Length, graph.Warnings.Length);
    }

    [Fact]
    public void The_built_in_graph_loads_with_an_import_merged_into_it()
    {
        var mapping = WithSameAs("""
              "PALANTIR USG INC": palantir-usg
              "U.S. Immigration and Customs Enforcement": ice
            """);
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.With(AwardCsv.Icm(), new() { ["contract_award_unique_key"] = "CONT_AWD_TEST_ONLY", ["award_id_piid"] = "TESTONLY1" })]);

        var graph = TechTiesGraph.LoadBuiltIn(new LoadOptions { Imports = [new CsvImport(csv, mapping)] });

        Assert.Equal("palantir-usg", ((Contract)graph["cont-awd-test-only"]).VendorId);
        Assert.Same(TechTiesGraph.LoadBuiltIn(), TechTiesGraph.LoadBuiltIn(LoadOptions.Default));
        Assert.False(TechTiesGraph.LoadBuiltIn().TryGet("cont-awd-test-only", out _));
    }

    [Fact]
    public void A_same_as_id_the_curated_graph_lacks_is_a_warning_and_the_name_gets_an_entity_of_its_own()
    {
        var mapping = WithSameAs("""  "PALANTIR USG INC": palantir-usa""");
        var result = CsvImporter.Import(AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm()]), mapping, Output, new ImportOptions { Existing = TechTiesGraph.Load(CuratedFile) });

        var warning = Assert.Single(result.Warnings);
        Assert.Equal((DiagnosticCodes.UnknownSameAs, "same-as.yaml", "did you mean 'palantir-usg' or 'palantir'?"), (warning.Code, warning.File, warning.Suggestion));
        Assert.Empty(TechTiesGraph.Load(CuratedFile, Output).Warnings);
    }

    [Fact]
    public void Re_importing_into_a_file_of_the_curated_folder_replaces_it_with_the_same_bytes()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.Falcon()]);
        var inside = Path.Combine(folder, "curated", "awards.yaml");
        CsvImporter.Import(csv, CsvMapping.UsaSpending, inside, new ImportOptions { Existing = TechTiesGraph.Load(Path.Combine(folder, "curated")) });
        var first = File.ReadAllBytes(inside);

        CsvImporter.Import(csv, CsvMapping.UsaSpending, inside, new ImportOptions { Existing = TechTiesGraph.Load(Path.Combine(folder, "curated")) });

        Assert.Equal(first, File.ReadAllBytes(inside));
        Assert.Empty(TechTiesGraph.Load(Path.Combine(folder, "curated")).Warnings);
    }

    [Fact]
    public void Load_takes_csv_files_with_their_mapping_and_merges_them_with_the_yaml_files()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Falcon(), AwardCsv.With(AwardCsv.Icm(), new() { ["total_obligated_amount"] = "45-12x" })]);

        var graph = TechTiesGraph.Load(new LoadOptions { Imports = [new CsvImport(csv, CsvMapping.UsaSpending) { SkipInvalid = true }] }, CuratedFile);

        Assert.Equal("palantir", ((Contract)graph["cont-awd-hscetc15c00001-7012-none-none"]).VendorId);
        Assert.Equal(csv + " (imported)", graph["cont-awd-hscetc15c00001-7012-none-none"].Location!.File);
        var warning = Assert.Single(graph.Warnings);
        Assert.Equal((DiagnosticCodes.BadAmount, csv, 3), (warning.Code, warning.File, warning.Line));
    }

    [Fact]
    public void Load_with_an_import_and_no_yaml_files_gives_the_imported_graph_and_fails_with_the_row_problems()
    {
        var good = AwardCsv.Write(folder, "good.csv", [AwardCsv.Icm()]);
        var bad = AwardCsv.Write(folder, "bad.csv", [AwardCsv.With(AwardCsv.Icm(), new() { ["period_of_performance_start_date"] = "someday" })]);

        Assert.Single(TechTiesGraph.Load(new LoadOptions { Imports = [new CsvImport(good, CsvMapping.UsaSpending)] }).EntitiesOf<Contract>());
        var e = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Load(new LoadOptions { Imports = [new CsvImport(bad, CsvMapping.UsaSpending)] }));
        Assert.Equal((DiagnosticCodes.BadDate, bad), (Assert.Single(e.Diagnostics).Code, e.Diagnostics[0].File));
    }
}

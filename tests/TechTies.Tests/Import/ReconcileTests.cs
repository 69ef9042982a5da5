using TechTies.Import;
using TechTies.Tests.Cli;

namespace TechTies.Tests.Import;

/// <summary>Imports join the built-in graph: awards, companies, agencies and offices it has are its own, doubtful names are candidates.</summary>
public sealed class ReconcileTests : IDisposable
{
    private static readonly string[] CuratedAwards = ["HSCETC15C00001", "HSCETC14C00002", "70CMSD18FR0000094", "70CMSD18FR0000022", "HSCEMD17F00008", "70CDCR18P00000017"];

    private readonly string folder = Directory.CreateTempSubdirectory("techties-reconcile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Output => Path.Combine(folder, "out.yaml");

    private static string Fixture(string name) => Path.Combine(RepoRoot.Path, "tests", "TechTies.Tests", "Import", "Fixtures", name);

    private static string Graphs => Path.Combine(RepoRoot.Path, "graphs");

    private static CsvMapping TornApart => CsvMapping.Load(Fixture("torn-apart-layout.yaml"));

    [Fact]
    public void A_file_in_torn_apart_layout_reconciles_with_the_built_in_graph_without_any_same_as()
    {
        var builtIn = TechTiesGraph.Load(Graphs);

        var result = CsvImporter.Import(Fixture("torn-apart-layout.csv"), TornApart, Output, new ImportOptions { Existing = builtIn });
        var graph = TechTiesGraph.Load(LoadOptions.Default with { Strict = true }, Graphs, Output);

        Assert.Equal(
            ["four-points-technology", "ice", "ice-mission-support-dallas", "ice-mission-support-washington", "microsoft", "palantir", "palantir-usg", "west-publishing"],
            result.Matched.Where(id => builtIn[id] is not Contract).ToArray());
        Assert.Contains(new ImportMatch(Kind.Company, "PALANTIR USG, INC.", "palantir-usg", MatchedBy.Name), result.Matches);
        Assert.Contains(new ImportMatch(Kind.Company, "WEST PUBLISHING CORP", "west-publishing", MatchedBy.Name), result.Matches);
        Assert.Contains(new ImportMatch(Kind.Agency, "U.S. Immigration and Customs Enforcement", "ice", MatchedBy.Name), result.Matches);
        Assert.Contains(new ImportMatch(Kind.Contract, "70CMSD18FR0000094", "palantir-ice-gotham", MatchedBy.AwardId), result.Matches);

        // Every award the curated graph holds is its contract: none is defined again.
        Assert.Equal(CuratedAwards.Length, result.MatchedContracts);
        foreach (var award in CuratedAwards)
        {
            Assert.Single(graph.EntitiesOf<Contract>(), c => c.AwardId == award);
        }

        static int PalantirIce(TechTiesGraph g) => g.Ties.Count(t => t.Type.Name == "contracts_with" && t.From.Id == "palantir" && t.To.Id == "ice");
        Assert.Equal((3, 3), (PalantirIce(builtIn), PalantirIce(graph)));

        // No entity of the output has a name key of a curated entity of its kind.
        var curatedKeys = builtIn.Entities.Where(e => e.Kind is Kind.Company or Kind.Agency)
            .SelectMany(e => e.Aliases.Append(e.Name).Select(n => (e.Kind, NameKeys.Of(e.Kind, n)))).ToHashSet();
        var defined = graph.Entities.Where(e => e.Location?.File == Output && e.Kind is Kind.Company or Kind.Agency).ToList();
        Assert.DoesNotContain(defined, e => curatedKeys.Contains((e.Kind, NameKeys.Of(e.Kind, e.Name))));

        // Amazon.com is a candidate for amazon, never merged.
        var amazon = Assert.Single(result.Candidates, c => c.CandidateId == "amazon");
        Assert.Equal(("AMAZON.COM, INC.", "amazoncom"), (amazon.Name, amazon.Id));
        Assert.Contains(".com", amazon.Reason, StringComparison.Ordinal);
        Assert.Equal("amazoncom", ((Contract)graph["award-fixture0000000002"]).VendorId);
    }

    [Fact]
    public void The_import_docs_show_the_torn_apart_mapping_of_the_fixture()
    {
        var mapping = string.Concat(File.ReadAllLines(Fixture("torn-apart-layout.yaml")).SkipWhile(l => l.StartsWith('#')).Select(l => l + "\n"));
        var docs = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "import.md")).ReplaceLineEndings("\n");

        Assert.Contains("```yaml\n" + mapping + "```", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_agency_gives_every_row_that_agency()
    {
        var result = CsvImporter.Import(Fixture("torn-apart-layout.csv"), TornApart, Output);
        var graph = TechTiesGraph.Load(Output);

        Assert.Equal(11, result.Rows);
        Assert.All(graph.EntitiesOf<Contract>(), c => Assert.Equal("us-immigration-and-customs-enforcement", c.AgencyId));
        Assert.Equal("mission-support-dallas", ((Contract)graph["award-70cmsd18fr0000094"]).OfficeId);
        Assert.Contains(graph.Ties, t => t.Type.Name == "part_of" && t.From.Id == "mission-support-dallas" && t.To.Id == "us-immigration-and-customs-enforcement");
    }

    [Fact]
    public void A_company_whose_rows_name_different_parents_gets_a_warning_and_each_award_keeps_its_own_parent()
    {
        var result = CsvImporter.Import(Fixture("torn-apart-layout.csv"), TornApart, Output);
        var graph = TechTiesGraph.Load(Output);

        var warning = Assert.Single(result.Warnings, w => w.Code == DiagnosticCodes.DifferingParents);
        Assert.Contains("'csra' name 2 different parents: 'csra' (2 rows, first on line 11), 'general-dynamics' (1 row, first on line 10)", warning.Message, StringComparison.Ordinal);
        Assert.Equal(10, warning.Line);
        Assert.Equal("general-dynamics", ((Contract)graph["award-fixture0000000003"]).VendorParentId);
        Assert.Equal("csra", ((Contract)graph["award-fixture0000000004"]).VendorParentId);
        Assert.DoesNotContain(graph.Ties, t => t.Type.Name == "subsidiary_of" && t.From.Id == "csra");
        Assert.Contains(graph.Ties, t => t.Type.Name == "subsidiary_of" && t.From.Id == "palantir-usg" && t.To.Id == "palantir-technologies");
    }

    [Fact]
    public void Not_same_settles_a_candidate_and_same_as_merges_it()
    {
        var builtIn = TechTiesGraph.Load(Graphs);
        var notSame = ImportJudgements.Parse("not_same:\n  \"Amazon.com Inc\": amazon\n");
        var sameAs = ImportJudgements.Parse("same_as:\n  \"AMAZON.COM, INC.\": amazon\n");

        var settled = CsvImporter.Import(Fixture("torn-apart-layout.csv"), TornApart, Output, new ImportOptions { Existing = builtIn, Judgements = notSame });
        Assert.DoesNotContain(settled.Candidates, c => c.CandidateId == "amazon");
        Assert.DoesNotContain("amazon", settled.Matched);

        var merged = CsvImporter.Import(Fixture("torn-apart-layout.csv"), TornApart, Output, new ImportOptions { Existing = builtIn, Judgements = sameAs });
        Assert.Contains(new ImportMatch(Kind.Company, "AMAZON.COM, INC.", "amazon", MatchedBy.SameAs), merged.Matches);
        Assert.Equal("amazon", ((Contract)TechTiesGraph.Load(Graphs, Output)["award-fixture0000000002"]).VendorId);
    }

    [Fact]
    public void Not_same_wins_over_an_exact_name_key()
    {
        var builtIn = TechTiesGraph.Load(Graphs);
        var judgements = ImportJudgements.Parse("not_same:\n  \"MICROSOFT CORPORATION\": [microsoft]\n");

        var result = CsvImporter.Import(Fixture("torn-apart-layout.csv"), TornApart, Output, new ImportOptions { Existing = builtIn, Judgements = judgements });

        Assert.DoesNotContain("microsoft", result.Matched);
        Assert.StartsWith("microsoft-", ((Contract)TechTiesGraph.Load(Graphs, Output)["award-fixture0000000001"]).VendorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_names_two_curated_entities_is_a_candidate_for_each_and_a_new_entity()
    {
        var curated = Path.Combine(folder, "curated.yaml");
        File.WriteAllText(curated, """
            techties: 1
            sources:
              s: { title: S, kind: record }
            companies:
              acme-one: { name: Acme, sources: [s] }
              acme-two: { name: Other, aliases: ["ACME, INC."], sources: [s] }
            agencies:
              bureau: { name: The Bureau, sources: [s] }
            """);
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.With(AwardCsv.Icm(), new() { ["recipient_name"] = "ACME INC", ["recipient_uei"] = "", ["recipient_parent_name"] = "", ["recipient_parent_uei"] = "" })]);

        var result = CsvImporter.Import(csv, CsvMapping.UsaSpending, Output, new ImportOptions { Existing = TechTiesGraph.Load(curated) });

        Assert.Equal(["acme-one", "acme-two"], result.Candidates.Where(c => c.Kind == Kind.Company).Select(c => c.CandidateId).ToArray());
        Assert.All(result.Candidates.Where(c => c.Kind == Kind.Company), c => Assert.Equal("acme", c.Id));
        Assert.DoesNotContain("acme-one", result.Matched);
        Assert.DoesNotContain("acme-two", result.Matched);
    }

    [Fact]
    public void Eight_usaspending_rows_define_nothing_the_built_in_graph_has()
    {
        static Dictionary<string, string> Row(string award, string recipient, string parent, string office, string title) => AwardCsv.With(AwardCsv.Icm(), new()
        {
            ["award_id_piid"] = award,
            ["contract_award_unique_key"] = $"CONT_AWD_{award}_7012_-NONE-_-NONE-",
            ["recipient_name"] = recipient,
            ["recipient_uei"] = "",
            ["recipient_parent_name"] = parent,
            ["recipient_parent_uei"] = "",
            ["awarding_office_name"] = office,
            ["prime_award_base_transaction_description"] = title,
            ["usaspending_permalink"] = $"https://www.usaspending.gov/award/CONT_AWD_{award}_7012_-NONE-_-NONE-/",
        });
        var csv = AwardCsv.Write(folder, "awards.csv",
        [
            Row("HSCETC15C00001", "PALANTIR TECHNOLOGIES INC.", "PALANTIR TECHNOLOGIES INC.", "MISSION SUPPORT WASHINGTON", "FALCON O&M"),
            Row("HSCETC14C00002", "PALANTIR USG, INC.", "PALANTIR TECHNOLOGIES INC.", "MISSION SUPPORT WASHINGTON", "ICM"),
            Row("70CMSD18FR0000094", "PALANTIR TECHNOLOGIES INC", "", "MISSION SUPPORT DALLAS", "PALANTIR GOTHAM SOFTWARE"),
            Row("70CMSD18FR0000022", "FOUR POINTS TECHNOLOGY, L.L.C.", "", "MISSION SUPPORT DALLAS", "AMAZON WEB SERVICES PUBLIC CLOUD"),
            Row("HSCEMD17F00008", "WEST PUBLISHING CORPORATION", "", "", "CLEAR"),
            Row("FIXTURE1", "MICROSOFT CORPORATION", "MICROSOFT CORPORATION", "MISSION SUPPORT DALLAS", "FIXTURE ROW"),
            Row("FIXTURE2", "PALANTIR USG INC", "PALANTIR TECHNOLOGIES INC", "MISSION SUPPORT WASHINGTON", "FIXTURE ROW"),
            Row("FIXTURE3", "West Publishing Corp.", "", "", "FIXTURE ROW"),
        ]);
        var builtIn = TechTiesGraph.Load(Graphs);

        var result = CsvImporter.Import(csv, CsvMapping.UsaSpending, Output, new ImportOptions { Existing = builtIn });
        var graph = TechTiesGraph.Load(LoadOptions.Default with { Strict = true }, Graphs, Output);

        Assert.Equal((0, 0, 3L, 5L), (result.Companies, result.Agencies, result.Contracts, result.MatchedContracts));
        Assert.Empty(result.Candidates);
        Assert.Equal(builtIn.Entities.Length + 4, graph.Entities.Length);
        Assert.Contains(new ImportMatch(Kind.Agency, "Department of Homeland Security", "dhs", MatchedBy.Alias), result.Matches);
    }

    [Fact]
    public void Importing_the_output_again_into_the_merged_graph_adds_nothing()
    {
        var first = CsvImporter.Import(Fixture("torn-apart-layout.csv"), TornApart, Output, new ImportOptions { Existing = TechTiesGraph.Load(Graphs) });
        var second = Path.Combine(folder, "again.yaml");

        var again = CsvImporter.Import(Fixture("torn-apart-layout.csv"), TornApart, second, new ImportOptions { Existing = TechTiesGraph.Load(Graphs, Output) });

        Assert.True(first.Contracts > 0);
        Assert.Equal((0L, 0, 0), (again.Contracts, again.Companies, again.Agencies));
        Assert.Equal(11, again.MatchedContracts);
    }
}

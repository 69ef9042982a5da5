using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TechTies.Import;

namespace TechTies.Tests.Import;

/// <summary>Random award files, valid or not: an import either gives a graph that loads cleanly or fails with import diagnostics only.</summary>
public sealed class ImportPropertyTests
{
    private const string Curated = """
        techties: 1
        sources:
          curated-source: { title: Curated, kind: report }
        companies:
          acme: { name: Acme, identifiers: { uei: UEI000000001 }, sources: [curated-source] }
          acme-federal:
            name: Acme Federal
            sources: [curated-source]
            subsidiary_of: [{ to: acme, sources: [curated-source] }]
        agencies:
          dhs: { name: Homeland Security, sources: [curated-source] }
          ice:
            name: ICE
            sources: [curated-source]
            part_of: [{ to: dhs, sources: [curated-source] }]
        """;

    private static readonly HashSet<string> ImportCodes =
    [
        DiagnosticCodes.InvalidUtf8, DiagnosticCodes.WrongShape, DiagnosticCodes.BadDate, DiagnosticCodes.StartAfterEnd, DiagnosticCodes.BadAmount,
        DiagnosticCodes.MissingColumn, DiagnosticCodes.MissingValue, DiagnosticCodes.BadCsvRow, DiagnosticCodes.DuplicateRecord,
        DiagnosticCodes.TooManyProblems,
    ];

    private static readonly CsvMapping Mapping = CsvMapping.Parse(
        CsvMapping.BuiltInText("usaspending") + "\nsame_as:\n  \"ACME FEDERAL INC\": acme-federal\n  ICE: ice\n  \"HOMELAND SECURITY\": dhs\n",
        "property.yaml");

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public void An_import_gives_a_graph_that_loads_without_errors_or_unsourced_ties_or_fails_with_import_diagnostics_only(AwardFile file)
    {
        var folder = Directory.CreateTempSubdirectory("techties-property-").FullName;
        try
        {
            var curated = Path.Combine(folder, "curated.yaml");
            File.WriteAllText(curated, Curated);
            var csv = Path.Combine(folder, "awards.csv");
            File.WriteAllText(csv, AwardCsv.Text(file.Rows));
            var output = Path.Combine(folder, "out.yaml");
            var options = new ImportOptions { SkipInvalid = file.SkipInvalid, Existing = TechTiesGraph.Load(curated), ChunkSize = 3 };
            try
            {
                var result = CsvImporter.Import(csv, Mapping, output, options);
                var graph = TechTiesGraph.Load(curated, output);
                Assert.Empty(graph.Warnings);
                Assert.Equal(result.Contracts, graph.EntitiesOf<Contract>().Count());
                Assert.Equal(file.Rows.Count, result.Rows);
                Assert.All(result.Warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
            }
            catch (GraphLoadException e)
            {
                Assert.False(file.SkipInvalid, e.Message);
                Assert.All(e.Errors, d => Assert.Contains(d.Code, ImportCodes));
                Assert.All(e.Errors, d => Assert.Equal(csv, d.File));
                Assert.All(e.Errors, d => Assert.InRange(d.Line, 2, int.MaxValue));
                Assert.False(File.Exists(output));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public sealed record AwardFile(List<Dictionary<string, string>> Rows, bool SkipInvalid)
    {
        public override string ToString() => (SkipInvalid ? "--skip-invalid\n" : string.Empty) + AwardCsv.Text(Rows);
    }

    public static class Generators
    {
        private static readonly string[] Pieces =
        [
            "A", "b", "Z", "é", " ", ",", "\"", "\n", "\r\n", "\r", ".", "&", "'", "-", ":", "#", "\t", "?", "{", "[", "*", "!", "%", "@",
            "INC", "LLC", "L.L.C.", "\u0085", "\u2028", "\u00a0", "\ufeff", "\u0001", "\0", "😀", "null", "~", "true", "yes", "1",
        ];

        public static Arbitrary<AwardFile> AwardFiles() =>
            (from rows in Row().ListOf()
             from skip in Gen.Elements(true, false)
             select new AwardFile([.. rows], skip)).ToArbitrary();

        private static Gen<string> Text() => Gen.Elements(Pieces).ListOf().Select(string.Concat);

        private static Gen<string> Pick(params string[] values) => Gen.Frequency((9, Gen.Elements(values)), (1, Text()));

        private static Gen<Dictionary<string, string>> Row() =>
            from key in Pick("K1", "K2", "k-1", "K3", "", "CONT_AWD_X_1")
            from name in Pick("ACME INC", "Acme, Inc.", "ACME FEDERAL INC", "Acme Federal L.L.C.", "BETA CORP", "Beta", "ICE", "")
            from uei in Pick("UEI000000001", "uei000000001", "UEI000000002", "")
            from parent in Pick("ACME INC", "ACME FEDERAL INC", "BETA CORP", "")
            from parentUei in Pick("UEI000000001", "UEI000000002", "UEI000000003", "")
            from agency in Pick("HOMELAND SECURITY", "ICE", "Department of Defense", "")
            from sub in Pick("ICE", "HOMELAND SECURITY", "Army", "Department of Defense", "")
            from office in Pick("MISSION SUPPORT", "ICE", "Army", "")
            from amounts in Pick("39340900.82", "-1200", "1,200.50", "45-12x", "", "1e5", "USD 5", "99999999999999999999999999999999").Three()
            from dates in Pick("2018-07-31", "2015-01-01", "2018", "2018-02-30", "31/07/2018", "", "2019-12").Two()
            from title in Text()
            from page in Pick("https://www.usaspending.gov/award/X/", "")
            select new Dictionary<string, string>
            {
                ["contract_award_unique_key"] = key,
                ["award_id_piid"] = key.Length > 0 ? key + "P" : string.Empty,
                ["recipient_name"] = name,
                ["recipient_uei"] = uei,
                ["recipient_parent_name"] = parent,
                ["recipient_parent_uei"] = parentUei,
                ["awarding_agency_name"] = agency,
                ["awarding_sub_agency_name"] = sub,
                ["awarding_office_name"] = office,
                ["total_obligated_amount"] = amounts.Item1,
                ["current_total_value_of_award"] = amounts.Item2,
                ["potential_total_value_of_award"] = amounts.Item3,
                ["period_of_performance_start_date"] = dates.Item1,
                ["period_of_performance_current_end_date"] = dates.Item2,
                ["prime_award_base_transaction_description"] = title,
                ["usaspending_permalink"] = page,
            };
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TechTies.Import;

namespace TechTies.Tests.Import;

/// <summary>Random files of awards, with names spelled many ways and no identifiers (as Torn Apart's files have), against a curated graph.</summary>
public sealed class ReconcilePropertyTests
{
    // An ambiguous key (ACME: two companies), a near name (Beta and Betta), a .com form, an agency with an alias.
    private const string Curated = """
        techties: 1
        sources:
          s: { title: Curated, kind: report }
        companies:
          acme: { name: Acme, sources: [s] }
          acme-holdings: { name: Acme Holdings, aliases: ["ACME, INC."], sources: [s] }
          betta: { name: Betta Systems, sources: [s] }
          gamma: { name: Gamma, sources: [s] }
        agencies:
          ice: { name: U.S. Immigration and Customs Enforcement, aliases: [ICE], sources: [s] }
        contracts:
          curated-award: { title: Curated, award_id: K-1, vendor: gamma, agency: ice, sources: [s] }
        """;

    private static readonly CsvMapping Mapping = CsvMapping.Parse("""
        techties_mapping: 1
        name: property
        dataset: { id: test, title: Test }
        contract:
          id: { slug: [award], prefix: award }
          award_id: award
          title: title
          current_value: value
        vendor:
          name: recipient
          parent: { name: parent }
        agency:
          name: { value: U.S. Immigration and Customs Enforcement }
          office: office
        """);

    private static readonly string[] Columns = ["award", "recipient", "parent", "office", "title", "value"];

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40)]
    public void Importing_a_file_twice_adds_nothing_the_second_time(List<Dictionary<string, string>> rows)
    {
        var folder = Directory.CreateTempSubdirectory("techties-twice-").FullName;
        try
        {
            var curated = Write(folder, "curated.yaml", Curated);
            var csv = AwardCsv.Write(folder, "awards.csv", rows, Columns);
            var first = Path.Combine(folder, "first.yaml");
            var second = Path.Combine(folder, "second.yaml");

            CsvImporter.Import(csv, Mapping, first, new ImportOptions { Existing = TechTiesGraph.Load(curated), SkipInvalid = true });
            var again = CsvImporter.Import(csv, Mapping, second, new ImportOptions { Existing = TechTiesGraph.Load(curated, first), SkipInvalid = true });

            Assert.Equal((0L, 0, 0), (again.Contracts, again.Companies, again.Agencies));
            Assert.Equal(TechTiesGraph.Load(curated, first).Entities.Length + 1, TechTiesGraph.Load(curated, first, second).Entities.Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40)]
    public void Matching_does_not_depend_on_the_order_of_the_rows(List<Dictionary<string, string>> rows, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("techties-order-").FullName;
        try
        {
            var existing = TechTiesGraph.Load(Write(folder, "curated.yaml", Curated));
            var random = new Random(seed);
            var shuffled = rows.OrderBy(_ => random.Next()).ToList();
            var a = CsvImporter.Import(AwardCsv.Write(folder, "a.csv", rows, Columns), Mapping, Path.Combine(folder, "a.yaml"), new ImportOptions { Existing = existing, SkipInvalid = true });
            var b = CsvImporter.Import(AwardCsv.Write(folder, "b.csv", shuffled, Columns), Mapping, Path.Combine(folder, "b.yaml"), new ImportOptions { Existing = existing, SkipInvalid = true });

            Assert.Equal(string.Join("; ", a.Matched), string.Join("; ", b.Matched));
            Assert.Equal(string.Join("; ", a.Matches.Select(m => m.ToString()).Order()), string.Join("; ", b.Matches.Select(m => m.ToString()).Order()));
            Assert.Equal(string.Join("; ", Keys(a.Candidates)), string.Join("; ", Keys(b.Candidates)));
            Assert.Equal((a.Contracts, a.Companies, a.Agencies), (b.Contracts, b.Companies, b.Agencies));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40)]
    public void A_not_same_judgement_always_wins_over_the_name_key(List<Dictionary<string, string>> rows)
    {
        var folder = Directory.CreateTempSubdirectory("techties-not-same-").FullName;
        try
        {
            var existing = TechTiesGraph.Load(Write(folder, "curated.yaml", Curated));
            var names = rows.Select(r => r["recipient"]).Concat(rows.Select(r => r["parent"])).Where(n => n.Length > 0).Distinct().ToList();
            var judgements = ImportJudgements.Parse("not_same:\n" + string.Concat(names.Select(n => $"  \"{n}\": [acme, acme-holdings, betta, gamma]\n")));

            var result = CsvImporter.Import(AwardCsv.Write(folder, "a.csv", rows, Columns), Mapping, Path.Combine(folder, "a.yaml"), new ImportOptions { Existing = existing, SkipInvalid = true, Judgements = judgements });

            Assert.DoesNotContain(result.Matches, m => m.Kind == Kind.Company);
            Assert.DoesNotContain(result.Candidates, c => c.Kind == Kind.Company);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<(Kind, string, string)> Keys(IEnumerable<ImportCandidate> candidates) =>
        [.. candidates.Select(c => (c.Kind, NameKeys.Of(c.Kind, c.Name), c.CandidateId)).Order()];

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static class Generators
    {
        public static Arbitrary<List<Dictionary<string, string>>> Rows() => Row().ListOf().Select(r => r.ToList()).ToArbitrary();

        private static Gen<Dictionary<string, string>> Row() =>
            from award in Gen.Elements("K1", "K-1", "k 1", "K2", "K3", "K4", "")
            from recipient in Gen.Elements("ACME INC", "Acme, Inc.", "ACME HOLDINGS LLC", "BETA SYSTEMS", "Betta Systems Inc", "GAMMA.COM", "Gamma", "Delta Corp", "DELTA CORPORATION", "")
            from parent in Gen.Elements("ACME INC", "GAMMA", "Delta Corp", "")
            from office in Gen.Elements("MISSION SUPPORT DALLAS", "Mission Support Dallas", "ICE", "")
            from value in Gen.Elements("1000", "2,500.50", "x", "")
            select new Dictionary<string, string>
            {
                ["award"] = award,
                ["recipient"] = recipient,
                ["parent"] = parent,
                ["office"] = office,
                ["title"] = "Award " + award,
                ["value"] = value,
            };
    }
}

using TechTies.Tests.Cli;

namespace TechTies.Tests.Graph;

public sealed class DuplicateTests : IDisposable
{
    private const string Planted = """
        techties: 1
        sources:
          s: { title: S, kind: record }
        companies:
          acme: { name: Acme Inc., sources: [s] }
          acme-2: { name: "ACME, INC.", sources: [s] }
          globex: { name: Globex, identifiers: { uei: AB12 }, sources: [s] }
          globex-federal: { name: Globex Federal, identifiers: { uei: ab12 }, sources: [s] }
          initech: { name: Initech.com, sources: [s] }
          initech-2: { name: Initech, sources: [s] }
        agencies:
          bureau: { name: The Bureau, sources: [s] }
          dept-a: { name: Department A, sources: [s] }
          dept-b: { name: Department B, sources: [s] }
          office-a: { name: Field Office, part_of: [{ to: dept-a, sources: [s] }], sources: [s] }
          office-b: { name: Field Office, part_of: [{ to: dept-b, sources: [s] }], sources: [s] }
        contracts:
          one: { title: One, award_id: HSCE-15-C-00001, vendor: acme, agency: bureau, sources: [s] }
          two: { title: Two, award_id: hsce15c00001, vendor: globex, agency: bureau, sources: [s] }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("techties-duplicates-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_built_in_graph_has_no_probable_duplicates()
    {
        Assert.Empty(TechTiesGraph.LoadBuiltIn().FindDuplicates());
    }

    [Fact]
    public void Planted_duplicates_are_found_with_their_evidence_and_offices_of_different_agencies_are_not()
    {
        var found = TechTiesGraph.Parse(Planted).FindDuplicates();

        Assert.Equal(
            [
                "acme and acme-2: the same name key 'ACME'",
                "globex and globex-federal: the same uei AB12",
                "initech and initech-2: near names 'INITECHCOM' and 'INITECH': one name is the .com form of the other",
                "one and two: the same award id HSCE15C00001",
            ],
            found.Select(d => d.ToString()).ToArray());
        Assert.Equal([DuplicateEvidence.NameKey, DuplicateEvidence.Identifier, DuplicateEvidence.NearName, DuplicateEvidence.AwardId], found.Select(d => d.Evidence).ToArray());
    }

    [Fact]
    public void The_duplicates_command_lists_them_in_text_and_json_and_strict_validation_fails_on_them()
    {
        var file = Path.Combine(folder, "planted.yaml");
        File.WriteAllText(file, Planted);

        var text = CliRunner.Run("duplicates", "--data", file);
        var json = CliRunner.Run("duplicates", "--data", file, "--format", "json");
        var validate = CliRunner.Run("validate", "--data", file);
        var strict = CliRunner.Run("validate", "--data", file, "--strict");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("4 probable duplicates:", text.Out, StringComparison.Ordinal);
        Assert.Contains("  company acme (Acme Inc.) and acme-2 (ACME, INC.): the same name key 'ACME'", text.Out, StringComparison.Ordinal);
        Assert.Equal("valid", CliSchema.Check(json.Out));
        Assert.Contains("\"evidence\": \"award_id\"", json.Out, StringComparison.Ordinal);
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("4 warnings", validate.Out, StringComparison.Ordinal);
        Assert.Contains("warning TT0078: 'acme-2' is probably 'acme' (Acme Inc.)", validate.Error, StringComparison.Ordinal);
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("error TT0078", strict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_falls_back_to_the_name_key_and_an_ambiguous_key_lists_the_candidates()
    {
        var graph = TechTiesGraph.Parse("""
            techties: 1
            companies:
              palantir-usg-inc: { name: "PALANTIR USG, INC." }
              acme: { name: Acme Inc. }
              acme-2: { name: "ACME, L.L.C." }
            """);

        Assert.Equal("palantir-usg-inc", graph.Find("Palantir USG").Id);
        Assert.True(graph.TryFind("palantir usg llc", out var found));
        Assert.Equal("palantir-usg-inc", found.Id);
        var ambiguous = Assert.Throws<EntityLookupException>(() => graph.Find("ACME Incorporated"));
        Assert.Equal(LookupFailure.Ambiguous, ambiguous.Failure);
        Assert.Equal(["acme", "acme-2"], ambiguous.Candidates.Select(c => c.Id).ToArray());
    }
}

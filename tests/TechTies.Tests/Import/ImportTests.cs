using TechTies.Import;

namespace TechTies.Tests.Import;

public sealed class ImportTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-import-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Two_awards_import_as_companies_agencies_and_contracts_that_load()
    {
        var csv = AwardCsv.Write(folder, "palantir-awards.csv", [AwardCsv.Icm(), AwardCsv.Falcon()]);
        var output = Path.Combine(folder, "out.yaml");
        var result = CsvImporter.Import(csv, CsvMapping.UsaSpending, output);
        var graph = TechTiesGraph.Load(output);
        Assert.Equal(2, result.Contracts);
        Assert.Empty(graph.Warnings);
        Assert.Equal("PALANTIR USG INC", graph["palantir-usg"].Name);
        Assert.Contains(graph.TiesFrom(graph["palantir-usg"]), t => t.Type.Name == "subsidiary_of" && t.To.Id == "palantir-technologies");
    }
}

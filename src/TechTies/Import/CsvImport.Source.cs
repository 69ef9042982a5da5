using TechTies.Loading;

namespace TechTies.Import;

// A CSV import is a source of a load: it merges with the files before it (so their ids never clash) and hands the
// loader one more file, named "<csv path> (imported)", made in memory.
public sealed partial record CsvImport : ILoadSource
{
    GraphFile ILoadSource.Read(IReadOnlyList<GraphFile> before, LoadOptions options, List<Diagnostic> warnings)
    {
        var existing = before.Count == 0 ? null : TechTiesGraph.Read(before, options with { Imports = [] });
        var name = Path + " (imported)";
        // The importer closes the stream when it is done; a closed MemoryStream still gives its bytes.
        var output = new MemoryStream();
        var result = CsvImporter.Write(Path, Mapping, () => output, name, new ImportOptions { Existing = existing, SkipInvalid = SkipInvalid, Judgements = Judgements });
        warnings.AddRange(result.Warnings);
        return new GraphFile(name, output.ToArray());
    }
}

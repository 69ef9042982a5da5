using TechTies.Loading;

namespace TechTies.Import;

/// <summary>Loads YAML files together with the CSV files of <see cref="LoadOptions.Imports"/>.</summary>
internal static class ImportLoader
{
    public static TechTiesGraph Read(IReadOnlyList<GraphFile> files, LoadOptions options)
    {
        if (options.Imports.IsEmpty)
        {
            return GraphReader.Read(files, options);
        }

        var plain = options with { Imports = [] };
        var all = files.ToList();
        var warnings = new List<Diagnostic>();
        foreach (var import in options.Imports)
        {
            // Each import merges with the YAML files and the imports before it, so their ids never clash.
            var existing = all.Count == 0 ? null : GraphReader.Read(all, plain);
            var name = import.Path + " (imported)";
            var temp = Path.Combine(Path.GetTempPath(), $"techties-import-{Guid.NewGuid():N}.yaml");
            try
            {
                var result = CsvImporter.Write(import.Path, import.Mapping, temp, name, new ImportOptions { Existing = existing, SkipInvalid = import.SkipInvalid, Judgements = import.Judgements });
                warnings.AddRange(result.Warnings);
                all.Add(new GraphFile(name, File.ReadAllBytes(temp)));
            }
            finally
            {
                File.Delete(temp);
            }
        }

        var graph = GraphReader.Read(all, plain);
        return warnings.Count == 0 ? graph : new TechTiesGraph(graph.Schema, graph.Entities, graph.Ties, warnings.Concat(graph.Warnings), graph.Datasets);
    }
}

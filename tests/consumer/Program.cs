using TechTies;

// A plain NuGet consumer of TechTies. CI runs it twice: with `dotnet run`, and published with native AOT (which
// trims), so the main calls are proven to work in trimmed and AOT apps. Exit 1 on any wrong answer.
var failures = new List<string>();
void Check(bool ok, string what)
{
    if (!ok)
    {
        failures.Add(what);
    }
}

var graph = TechTiesGraph.LoadBuiltIn();
var ice = graph.Find("ICE");
Check(ice.Id == "ice", "Find(\"ICE\") is the agency ice");

var contracts = graph.Query("palantir -[contracts_with]-> ice asof 2018-08-01");
Check(contracts.Count == 1 && contracts[0].Steps[0].Contracts.Any(c => c.Id == "palantir-ice-icm"), "the ICM contract holds on 2018-08-01");
Check(contracts.ToSentences().Contains("$53 million", StringComparison.Ordinal), "sentences give the amount");

var connections = graph.Connect("salesforce", "ice");
Check(connections.Count > 0, "Salesforce connects to ICE");

// Export to canonical JSON (source-generated, no reflection) and load it back.
var json = Path.Combine(Path.GetTempPath(), $"techties-consumer-{Environment.ProcessId}.json");
using (var file = File.Create(json))
{
    graph.Export(ExportFormat.Json, file);
}

var reloaded = TechTiesGraph.Load(json);
File.Delete(json);
Check(reloaded.Entities.Length == graph.Entities.Length && reloaded.Ties.Length == graph.Ties.Length, "the JSON export loads back with the same counts");

using (var graphml = new MemoryStream())
{
    graph.Export(ExportFormat.GraphML, graphml);
    Check(graphml.Length > 0, "GraphML export writes something");
}

Check(graph.Card(ice).ToHtml().Contains("U.S. Immigration and Customs Enforcement", StringComparison.Ordinal), "the card renders as HTML");

Console.WriteLine($"{graph}; {contracts.Count} contract path on 2018-08-01; {connections.Count} connections from Salesforce to ICE; {failures.Count} failures");

// A digest of answers and exports, one line each, that CI compares between runs of this program on .NET 10, on
// .NET 8 (the package's net8.0 build) and published with native AOT: the same package must answer the same everywhere.
var digest = new List<string>
{
    "entities " + Hash(string.Join("\n", graph.Entities.Select(e => $"{e.Id}|{e.Kind}|{e.Name}"))),
    "ties " + Hash(string.Join("\n", graph.Ties.Select(t => $"{t.Id}|{t.Since}|{t.Until}|{t.Amount}|{t.Status}|{string.Join(",", t.Citations.Select(c => c.Source))}"))),
    "query " + Hash(graph.Query("palantir -[hosts_on]-> (:company) -[contracts_with]-> ice").ToSentences(new DateOnly(2026, 1, 1))),
    "count " + graph.Count("(:company) -[contracts_with]-> (:agency)").Count,
    "connect " + Hash(graph.Connect("salesforce", "ice", new ConnectOptions { AllShortest = true }).ToMarkdown()),
    "neighbors " + Hash(string.Join(",", graph.Neighbors("ice", 2).Entities.Select(e => e.Id))),
};
foreach (var format in Enum.GetValues<ExportFormat>())
{
    using var bytes = new MemoryStream();
    graph.Export(format, bytes);
    digest.Add($"export {format} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Content(bytes)))[..16]}");
}

foreach (var line in digest)
{
    Console.WriteLine(line);
}

// A zip's entries (names and bytes), not its compressed bytes, which differ between runtimes' deflate libraries.
static byte[] Content(MemoryStream bytes)
{
    var raw = bytes.ToArray();
    if (raw is not [(byte)'P', (byte)'K', ..])
    {
        return raw;
    }

    using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(raw));
    using var content = new MemoryStream();
    foreach (var entry in zip.Entries)
    {
        content.Write(System.Text.Encoding.UTF8.GetBytes(entry.FullName + "\n"));
        using var data = entry.Open();
        data.CopyTo(content);
    }

    return content.ToArray();
}

static string Hash(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
foreach (var failure in failures)
{
    Console.Error.WriteLine($"failed: {failure}");
}

return failures.Count == 0 ? 0 : 1;

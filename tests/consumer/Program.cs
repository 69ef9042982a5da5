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
foreach (var failure in failures)
{
    Console.Error.WriteLine($"failed: {failure}");
}

return failures.Count == 0 ? 0 : 1;

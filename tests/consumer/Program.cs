using TechTies;

// Fails (exit 1) unless the package's built-in graph, lookup and rendering work from a plain NuGet reference.
var graph = TechTiesGraph.LoadBuiltIn();
var palantir = graph.Find("Palantir");
var ice = graph.Find("ICE");
var contracts = graph.TiesFrom(palantir).Where(t => t.Type.Name == "contracts_with" && t.To == ice).ToList();
Console.WriteLine($"{graph}; Palantir has {contracts.Count} contracts_with ties to ICE");
var html = graph.Card(ice).ToHtml();
if (contracts.Count == 0 || !html.Contains("U.S. Immigration and Customs Enforcement", StringComparison.Ordinal))
{
    Console.Error.WriteLine("consumer check failed");
    return 1;
}

return 0;

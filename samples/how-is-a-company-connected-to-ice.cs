// How is a company connected to ICE? The shortest connections in the built-in graph, told as sentences with
// footnoted sources, plus a picture to take away.
// Run:  dotnet run how-is-a-company-connected-to-ice.cs -- Salesforce
// Copy this file anywhere and edit it: it needs only the .NET 10 SDK.
#:package TechTies@0.1.0
#:property ManagePackageVersionsCentrally=false
using TechTies;

var company = args.Length > 0 ? args[0] : "Salesforce";
var graph = TechTiesGraph.LoadBuiltIn();

var connections = graph.Connect(company, "ICE");   // shortest first, whichever way each tie points
foreach (var path in connections)
{
    Console.WriteLine(path);                      // Salesforce -> contracts with -> U.S. Customs and Border Protection -> ...
}

Console.WriteLine();
Console.WriteLine(connections.ToSentences());     // the same paths as sentences, with the sources as footnotes

File.WriteAllText("connections.svg", connections.ToSvg());
Console.WriteLine($"{connections.Count} connections; picture written to connections.svg");

// Which of Palantir's contracts with ICE held on a given day? Pattern queries with an as-of date.
// Run:  dotnet run contracts-on-a-date.cs -- 2016-06-01
// Copy this file anywhere and edit it: it needs only the .NET 10 SDK.
#:package TechTies@0.1.0
#:property ManagePackageVersionsCentrally=false
using TechTies;

var day = args.Length > 0 ? args[0] : "2018-08-01";
var graph = TechTiesGraph.LoadBuiltIn();

var paths = graph.Query($"palantir -[contracts_with]-> ice asof {day}");
foreach (var step in paths.SelectMany(p => p.Steps))
{
    foreach (var contract in step.Contracts)
    {
        var dates = $"{contract.Start?.ToString() ?? "?"} to {contract.End?.ToString() ?? "?"}";
        Console.WriteLine($"{contract.Title}: {contract.Amount?.ToString() ?? "amount not reported"} ({dates})");
    }
}

foreach (var warning in paths.Warnings)
{
    Console.WriteLine($"note: {warning}");
}

// Everything the built-in graph says about one entity, with its sources as footnotes.
// Run:  dotnet run profile-of-an-agency.cs -- ICE
// Copy this file anywhere and edit it: it needs only the .NET 10 SDK.
#:package TechTies@0.1.0
#:property ManagePackageVersionsCentrally=false
using TechTies;

var name = args.Length > 0 ? args[0] : "ICE";
var graph = TechTiesGraph.LoadBuiltIn();
var entity = graph.Find(name);   // an id, a name or an alias, in any case
var card = graph.Card(entity);

Console.WriteLine(card);
Console.WriteLine($"{card.Outgoing.Length + card.Incoming.Length} ties, {card.Sources.Length} sources.");

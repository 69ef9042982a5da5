using System.Reflection;
using System.Runtime.CompilerServices;
using TechTies.Import;
using TechTies.Querying;

namespace TechTies.Tests.Model;

/// <summary>What the public records print: their lists' elements, not the list's type name.</summary>
public class RecordPrintingTests
{
    [Fact]
    public void Connect_options_print_their_relationship_types_and_date()
    {
        var options = new ConnectOptions { Types = ["hosts_on", "contracts_with"], AsOf = new PartialDate(2018, 8), TimeLimit = TimeSpan.FromSeconds(2) };

        Assert.Equal(
            "ConnectOptions { MaxHops = 4, Count = 10, AllShortest = False, Directed = False, Types = [hosts_on, contracts_with], AsOf = 2018-08, MaxExpansions = 1000000, TimeLimit = 00:00:02 }",
            options.ToString());
    }

    [Fact]
    public void Load_options_print_their_imports()
    {
        var options = new LoadOptions { Strict = true, Imports = [new CsvImport("awards.csv", CsvMapping.UsaSpending)] };

        Assert.Equal(
            "LoadOptions { Strict = True, Imports = [CsvImport { Path = awards.csv, Mapping = mapping usaspending, SkipInvalid = False, Judgements = 0 same_as, 0 not_same }], IncludeBuiltIn = False }",
            options.ToString());
        Assert.Equal("LoadOptions { Strict = False, Imports = [], IncludeBuiltIn = False }", LoadOptions.Default.ToString());
    }

    [Fact]
    public void Node_and_edge_patterns_print_their_filters_and_types()
    {
        var node = new NodePattern { Variable = "x", Kind = Kind.Protest, Properties = [new PropertyFilter("place", "Palo Alto")] };
        var edge = new EdgePattern { Types = ["made_by", "hosts_on"], Direction = EdgeDirection.In, MaxHops = 3 };

        Assert.Equal(
            "NodePattern { Variable = x, EntityId = , Kind = Protest, Properties = [PropertyFilter { Name = place, Value = Palo Alto }], Predicate =  }",
            node.ToString());
        Assert.Equal("EdgePattern { Types = [made_by, hosts_on], Direction = In, MinHops = 1, MaxHops = 3, Predicate =  }", edge.ToString());
    }

    [Fact]
    public void No_public_record_prints_a_list_as_its_type_name()
    {
        // The records that print with the compiler's ToString (which calls PrintMembers) and can be made empty.
        var records = typeof(TechTiesGraph).Assembly.GetExportedTypes()
            .Where(t => t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null && t.GetConstructor(Type.EmptyTypes) is not null)
            .Where(t => t.GetMethod(nameof(ToString), Type.EmptyTypes)!.IsDefined(typeof(CompilerGeneratedAttribute)))
            .ToList();

        var printed = records.Select(t => Activator.CreateInstance(t)!.ToString()!).ToList();

        Assert.Contains(typeof(ConnectOptions), records);
        Assert.Contains(typeof(EdgePattern), records);
        Assert.DoesNotContain(printed, text => text.Contains("System.Collections.Immutable", StringComparison.Ordinal));
    }
}

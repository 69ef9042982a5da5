using BenchmarkDotNet.Attributes;
using TechTies;

namespace TechTies.Benchmarks;

/// <summary>Pattern matching, connection search and neighbourhoods on a generated graph.</summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private TechTiesGraph graph = null!;

    [Params(2_000, 20_000)]
    public int Ties { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        graph = GeneratedGraph.Build(Ties);

        // Warm the lazily built index so that the benchmarks measure queries only.
        _ = graph.Query("c0 --> ?");
    }

    [Benchmark]
    public int PatternFromFixedStart() => graph.Query("c0 -[hosts_on]-> ? -[contracts_with]-> ?").Count;

    [Benchmark]
    public int PatternToFixedEndAsOf() => graph.Query("(:company) -[hosts_on]-> ? -[contracts_with]-> a1 asof 2015-06-01").Count;

    [Benchmark]
    public int PatternVariableLength() => graph.Query("a40 -[part_of*1..4]-> ?").Count;

    [Benchmark]
    public int Connect() => graph.Connect("c1", "a2", new ConnectOptions { Count = 10 }).Count;

    [Benchmark]
    public int Neighbors() => graph.Neighbors("c0", 2).Entities.Length;

    [Benchmark]
    public bool CanReach() => graph.CanReach("g0", "a3", new ConnectOptions { MaxHops = 10 });
}

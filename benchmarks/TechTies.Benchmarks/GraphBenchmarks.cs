using BenchmarkDotNet.Attributes;
using TechTies.Querying;

namespace TechTies.Benchmarks;

/// <summary>
/// The BenchmarkDotNet suite on generated graphs: one graph per size, written once to a temporary file in the
/// global setup, then loaded and queried.
/// </summary>
[MemoryDiagnoser]
public class GraphBenchmarks
{
    private string file = string.Empty;
    private string jsonFile = string.Empty;
    private TechTiesGraph graph = null!;
    private PathQuery pattern = null!;
    private PathQuery patternAsOf = null!;
    private PathQuery patternLimited = null!;
    private string[] ids = [];

    /// <summary>About how many ties the generated graph has.</summary>
    [Params(10_000, 100_000)]
    public int Ties { get; set; }

    /// <summary>Writes the graph, loads it and picks the entities the workloads use.</summary>
    [GlobalSetup]
    public void Setup()
    {
        file = Path.Combine(Path.GetTempPath(), $"techties-bench-{Ties}-{Environment.ProcessId}.yaml");
        using (var writer = new StreamWriter(file))
        {
            GraphGenerator.Write(writer, Ties, seed: 42);
        }

        graph = TechTiesGraph.Load(file);
        jsonFile = Path.ChangeExtension(file, ".json");
        using (var json = File.Create(jsonFile))
        {
            graph.Export(ExportFormat.Json, json);
        }

        pattern = PathQuery.Parse(Measurement.Pattern, graph) with { Limit = int.MaxValue, MaxExpansions = int.MaxValue };
        patternLimited = PathQuery.Parse(Measurement.Pattern, graph) with { MaxExpansions = int.MaxValue };
        patternAsOf = PathQuery.Parse(Measurement.Pattern + " asof 2018-06-01", graph) with { Limit = int.MaxValue, MaxExpansions = int.MaxValue };
        var random = new Random(7);
        var candidates = graph.Entities.Where(e => e.Kind != Kind.Source).Select(e => e.Id).ToArray();
        ids = [.. Enumerable.Range(0, 20).Select(_ => candidates[random.Next(candidates.Length)])];
    }

    /// <summary>Deletes the temporary graph file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(file);
        File.Delete(jsonFile);
    }

    /// <summary>YAML file to a queryable graph (the compact index included).</summary>
    /// <returns>The graph.</returns>
    [Benchmark]
    public TechTiesGraph LoadYaml()
    {
        var loaded = TechTiesGraph.Load(file);
        _ = loaded.Neighbors(ids[0], 1);
        return loaded;
    }

    /// <summary>The same graph from its canonical JSON export to a queryable graph.</summary>
    /// <returns>The graph.</returns>
    [Benchmark]
    public TechTiesGraph LoadJson()
    {
        var loaded = TechTiesGraph.Load(jsonFile);
        _ = loaded.Neighbors(ids[0], 1);
        return loaded;
    }

    /// <summary>Exports the whole graph as canonical JSON (to a stream that keeps no bytes).</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    public long ExportJson() => ExportTo(ExportFormat.Json);

    /// <summary>Exports the whole graph as GraphML.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    public long ExportGraphML() => ExportTo(ExportFormat.GraphML);

    /// <summary>Counts every match of the company-hosts-on-company-contracts-with-agency pattern (<c>graph.Count</c>).</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark]
    public long PatternMatch() => graph.Count(pattern).Count;

    /// <summary>Counts the same pattern with every tie holding on 2018-06-01.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark]
    public long PatternAsOf() => graph.Count(patternAsOf).Count;

    /// <summary>Every match of the same pattern as paths (<c>graph.Query</c> with no limit): found, sorted and built.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark]
    public int PatternQuery() => graph.Query(pattern).Count;

    /// <summary>
    /// The first 1000 matches of the same pattern as paths (<c>graph.Query</c> with its default limit), the count of all
    /// of them in the truncation.
    /// </summary>
    /// <returns>The number of paths returned.</returns>
    [Benchmark]
    public int PatternQueryLimited() => graph.Query(patternLimited).Count;

    /// <summary>The same pattern explained: the candidates each of its steps keeps.</summary>
    /// <returns>The number of steps.</returns>
    [Benchmark]
    public int Explain() =>
        graph.From(Kind.Company).Out("hosts_on").To(Kind.Company).Out("contracts_with").To(Kind.Agency).Explain().Steps.Length;

    /// <summary>All shortest connections of at most 4 hops for 10 pairs.</summary>
    /// <returns>The number of paths.</returns>
    [Benchmark]
    public int Connect()
    {
        var options = new ConnectOptions { MaxHops = 4, AllShortest = true };
        var total = 0;
        for (var i = 0; i + 1 < ids.Length; i += 2)
        {
            total += graph.Connect(ids[i], ids[i + 1], options).Count;
        }

        return total;
    }

    /// <summary>The first 10 connections of at most 4 hops (the default options: shortest first, then longer) for 10 pairs.</summary>
    /// <returns>The number of paths.</returns>
    [Benchmark]
    public int ConnectCount()
    {
        var total = 0;
        for (var i = 0; i + 1 < ids.Length; i += 2)
        {
            total += graph.Connect(ids[i], ids[i + 1]).Count;
        }

        return total;
    }

    /// <summary>Shortest connections as of a day for 10 pairs.</summary>
    /// <returns>The number of paths.</returns>
    [Benchmark]
    public int ConnectAsOf()
    {
        var options = new ConnectOptions { MaxHops = 4, AllShortest = true, AsOf = PartialDate.Parse("2018-06-01") };
        var total = 0;
        for (var i = 0; i + 1 < ids.Length; i += 2)
        {
            total += graph.Connect(ids[i], ids[i + 1], options).Count;
        }

        return total;
    }

    /// <summary>The sizes of the 2-hop ego networks of 20 entities.</summary>
    /// <returns>The number of entities in them.</returns>
    [Benchmark]
    public int Neighbors()
    {
        var total = 0;
        foreach (var id in ids)
        {
            total += graph.Neighbors(id, 2).Count;
        }

        return total;
    }

    /// <summary>The 2-hop ego networks of 20 entities, their members listed in order.</summary>
    /// <returns>The number of entities in them.</returns>
    [Benchmark]
    public int NeighborsListed()
    {
        var total = 0;
        foreach (var id in ids)
        {
            total += graph.Neighbors(id, 2).Entities.Length;
        }

        return total;
    }

    /// <summary>Interlocks of 20 entities.</summary>
    /// <returns>The number of interlocks.</returns>
    [Benchmark]
    public int Interlocks()
    {
        var total = 0;
        foreach (var id in ids)
        {
            total += graph.Interlocks(id).Length;
        }

        return total;
    }

    /// <summary>Totals of every contract's amount grouped by parent (the top of the subsidiary_of chain), as compare times them against pandas.</summary>
    /// <returns>The number of parents.</returns>
    [Benchmark]
    public int TotalsByParent() => graph.Totals(Measurement.TotalsByParent).Groups.Length;

    /// <summary>Totals by parent, then every group's contracts listed (each total traced to its awards).</summary>
    /// <returns>The number of contracts listed.</returns>
    [Benchmark]
    public int TotalsByParentWithContracts()
    {
        var total = 0;
        foreach (var group in graph.Totals(Measurement.TotalsByParent).Groups)
        {
            total += group.Contracts.Length;
        }

        return total;
    }

    private long ExportTo(ExportFormat format)
    {
        using var sink = new CountingStream();
        graph.Export(format, sink);
        return sink.Length;
    }

    // Counts the bytes written and keeps none, so an export is measured without the cost of holding its output.
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
    }
}

using System.Text.Json;
using TechTies.Cli;
using TechTies.Querying;
using TechTies.Tests.Cli;

namespace TechTies.Tests.Hostile;

/// <summary>
/// Results stay bounded in memory and in output, whatever the count, limit or "all shortest" asked for: a 3.6 KB graph
/// with ten million shortest paths (11 layers of 5 companies, each hosted on every company of the next) ran out of
/// memory. The command runs as a process with its heap capped at 768 MB, where the unbounded search died (exit 70).
/// </summary>
public sealed class HugeResultTests : IDisposable
{
    private static readonly Dictionary<string, string> SmallHeap = new() { ["DOTNET_GCHeapHardLimit"] = "0x30000000" };

    private readonly string folder = Directory.CreateTempSubdirectory("techties-hostile-result-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Connect_all_shortest_over_millions_of_paths_keeps_at_most_the_cap_and_says_so()
    {
        var data = HostileGraphs.Write(folder, "layers.yaml", HostileGraphs.Layers());

        var result = CliRunner.RunWith(folder, SmallHeap, "connect", "s", "t", "--data", data, "--max-hops", "10", "--all-shortest", "--format", "json", "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(result.Out), 1, PathOutput.DefaultMaxOutputBytes + 2);
        var answer = JsonDocument.Parse(result.Out).RootElement;
        Assert.True(answer.GetProperty("truncated").GetBoolean());
        Assert.InRange(answer.GetProperty("count").GetInt32(), 1000, PathQuery.MaxPathsKept);
        Assert.Contains("100000 is the most a connection search keeps", answer.GetProperty("truncationReason").GetString(), StringComparison.Ordinal);
        Assert.Contains($"the output limit of 67108864 bytes kept {answer.GetProperty("count").GetInt32()} of the 100000 paths", answer.GetProperty("truncationReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_limit_of_two_billion_keeps_at_most_the_cap_and_says_so()
    {
        var data = HostileGraphs.Write(folder, "layers.yaml", HostileGraphs.Layers());

        var result = CliRunner.RunWith(folder, SmallHeap, "query", "s -[*10]-> t limit 2000000000", "--data", data, "--format", "json", "--quiet");

        Assert.Equal(0, result.ExitCode);
        var answer = JsonDocument.Parse(result.Out).RootElement;
        Assert.InRange(answer.GetProperty("count").GetInt32(), 1000, PathQuery.MaxPathsKept);
        Assert.Contains("(the limit of 2000000000 is cut to 100000, the most paths a query keeps)", answer.GetProperty("truncationReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_connect_asking_for_more_than_the_cap_keeps_the_cap()
    {
        var graph = HostileGraphs.Load(HostileGraphs.Layers(layers: 8));
        PathQuery.PathsKeptForTests.Value = 1000;

        var paths = graph.Connect("s", "t", new ConnectOptions { MaxHops = 7, Count = int.MaxValue });
        var all = graph.Connect("s", "t", new ConnectOptions { MaxHops = 7, AllShortest = true });

        Assert.Equal(1000, paths.Count);
        Assert.Equal("kept the 1000 shortest connections (1000 is the most a connection search keeps); 14625 more of 7 steps were left out", paths.TruncationReason);
        Assert.Equal(1000, all.Count);
    }
}

/// <summary>
/// The bytes an answer writes on stdout are capped too (64 MiB; lowered here): paths past the cap are left out and
/// the answer says so, in text and in a JSON document that stays whole. In process, with the cap set for the test.
/// </summary>
public sealed class OutputCapTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-hostile-cap-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void An_answer_longer_than_the_output_cap_keeps_the_paths_that_fit_and_says_so(string format)
    {
        var data = HostileGraphs.Write(folder, "layers.yaml", HostileGraphs.Layers(layers: 6, cited: true));
        PathOutput.MaxOutputBytesForTests.Value = 20_000;
        var stdout = new StringWriter();

        var exit = CliApp.Run(["connect", "s", "t", "--data", data, "--max-hops", "5", "--count", "500", "--format", format, "--quiet"], stdout, new StringWriter());

        Assert.Equal(0, exit);
        var output = stdout.ToString();
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(output), 1000, 20_000 + 2);
        if (format == "json")
        {
            var answer = JsonDocument.Parse(output).RootElement;
            Assert.InRange(answer.GetProperty("count").GetInt32(), 1, 499);
            Assert.Contains($"the output limit of 20000 bytes kept {answer.GetProperty("count").GetInt32()} of the 500 paths", answer.GetProperty("truncationReason").GetString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches(@"the output limit of 20000 bytes kept \d+ of the 500 paths", output);
        }
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace TechTies.Tests.Hostile;

/// <summary>
/// Inputs that once took minutes: each must now finish within a bound far above what it takes (a fraction of a
/// second) and far below what it took. These are guards against hangs, not measurements of speed (the benchmarks
/// measure that).
/// </summary>
public sealed class SlowInputTests
{
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(10);

    [Fact]
    public void Minified_json_with_an_unknown_member_is_reported_without_recounting_the_line_for_every_token()
    {
        // About 800 KB on one line, which took 33 s when each token's column was counted from the start of the line.
        using var writer = new StringWriter();
        TechTies.Benchmarks.GraphGenerator.Write(writer, 2_500, 5);
        using var json = new MemoryStream();
        TechTiesGraph.Parse(writer.ToString()).Export(ExportFormat.Json, json);
        var tree = JsonNode.Parse(json.ToArray())!.AsObject();
        tree["entities"]!.AsArray()[^1]!.AsObject()["bogus"] = 1;
        var minified = Encoding.UTF8.GetBytes(tree.ToJsonString());
        Assert.InRange(minified.Length, 600_000, 2_000_000);
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Load(new MemoryStream(minified), "minified.json"));

        Assert.True(clock.Elapsed < HangBound, $"took {clock.Elapsed}");
        var error = Assert.Single(e.Errors);
        Assert.Equal((DiagnosticCodes.UnknownField, 1), (error.Code, error.Line));
        Assert.Equal(Encoding.UTF8.GetString(minified).IndexOf("\"bogus\"", StringComparison.Ordinal) + 1, error.Column);
    }
}

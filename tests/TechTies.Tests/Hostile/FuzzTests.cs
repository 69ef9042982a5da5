using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TechTies.Loading;
using TechTies.Querying;
using TechTies.Tests.Loading;

namespace TechTies.Tests.Hostile;

/// <summary>
/// Mutated valid files (truncated, bytes flipped or inserted, lines duplicated, deleted or repeated thousands of
/// times) and mutated valid patterns: the loader and the query parser either succeed or fail with their documented
/// exception, whose diagnostics name the file, a line and a column; and each case stays within the bounds stated here
/// (a few seconds, and memory in proportion to the input). A few hundred cases in all, so the suite stays fast.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>The most one case may take: far more than any takes, far less than a hang.</summary>
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(10);

    /// <summary>The most one load may allocate: 64 MB, and 200 bytes for every byte of input.</summary>
    private static long MemoryBound(long inputBytes) => (64L << 20) + (200 * inputBytes);

    private static readonly Lazy<IReadOnlyList<GraphFile>> Seeds = new(() =>
    {
        var files = Repository.BuiltInGraphFiles().Select(f => new GraphFile(f.Name, f.Bytes)).ToList();
        using var json = new MemoryStream();
        TechTiesGraph.LoadBuiltIn().Export(ExportFormat.Json, json);
        files.Add(new GraphFile("graph.json", json.ToArray()));
        return files;
    });

    private static readonly string[] Patterns =
    [
        "palantir -[hosts_on]-> amazon",
        "palantir -[hosts_on]-> (:company) -[contracts_with]-> ice",
        "ice -[part_of*1..3]-> ?",
        "? <-[targets]- (:protest) <-[organized]- (:group) asof 2018-08-01",
        "salesforce -[contracts_with|hosts_on]- ? limit 5 mode trail",
        "(:company {name: 'Palantir Technologies'}) -- ?",
    ];

    // Random seeds, so that every run tries new cases; a failure prints its seed, which Replay = "(…)" here repeats.
    [Property(Arbitrary = [typeof(FuzzGenerators)], MaxTest = 120)]
    public void A_mutated_graph_file_loads_or_fails_with_located_diagnostics_in_bounded_time_and_memory(NonNegativeInt which, Mutation mutation)
    {
        var seeds = Seeds.Value;
        var seed = seeds[which.Get % seeds.Count];
        var file = seed with { Bytes = mutation.Apply(seed.Bytes) };
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        try
        {
            TechTiesGraph.Read([file], LoadOptions.Default);
        }
        catch (GraphLoadException e)
        {
            Assert.NotEmpty(e.Errors);
            Assert.All(e.Diagnostics, d =>
            {
                Assert.Equal(file.Name, d.File);
                Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString());
                Assert.Matches("^TT00[0-6][0-9]$", d.Code);
                Assert.DoesNotContain("   at ", d.Message, StringComparison.Ordinal);
            });
        }

        Assert.True(clock.Elapsed < TimeBound, $"{mutation} of {seed.Name} took {clock.Elapsed}");
        var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(used < MemoryBound(file.Bytes.Length), $"{mutation} of {seed.Name} allocated {used} bytes for {file.Bytes.Length} bytes of input");
    }

    [Property(Arbitrary = [typeof(FuzzGenerators)], MaxTest = 300)]
    public void A_mutated_pattern_parses_or_fails_with_its_column_in_bounded_time(NonNegativeInt which, Mutation mutation)
    {
        var graph = TechTiesGraph.LoadBuiltIn();
        var text = Encoding.UTF8.GetString(mutation.Apply(Encoding.UTF8.GetBytes(Patterns[which.Get % Patterns.Length])));
        var clock = Stopwatch.StartNew();

        try
        {
            var query = PathQuery.Parse(text, graph);
            graph.Query(query with { MaxExpansions = 20_000 });
        }
        catch (QueryParseException e)
        {
            Assert.InRange(e.Column, 1, text.Length + 1);
            Assert.False(string.IsNullOrWhiteSpace(e.Problem));
        }
        catch (EntityLookupException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }

        Assert.True(clock.Elapsed < TimeBound, $"{mutation} took {clock.Elapsed}");
    }
}

/// <summary>One mutation of a valid input: what, where (a fraction of its length), and with which bytes or how many times.</summary>
public sealed record Mutation(string What, double Where, byte[] Bytes, int Times)
{
    public byte[] Apply(byte[] input)
    {
        var at = Math.Min((int)(Where * input.Length), Math.Max(input.Length - 1, 0));
        var lines = Encoding.UTF8.GetString(input).Split('\n').ToList();
        var line = Math.Min((int)(Where * lines.Count), lines.Count - 1);
        switch (What)
        {
            case "truncate":
                return input[..at];
            case "flip bit" when input.Length > 0:
                var flipped = (byte[])input.Clone();
                flipped[at] ^= (byte)(1 << (Times % 8));
                return flipped;
            case "insert bytes":
                return [.. input[..at], .. Bytes, .. input[at..]];
            case "delete line":
                lines.RemoveAt(line);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case "duplicate line":
                lines.Insert(line, lines[line]);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case "repeat line":
                // At most about 2 MB of repetition, whatever the line's length (a JSON file may be one line).
                lines.InsertRange(line, Enumerable.Repeat(lines[line], Math.Min(Times, Math.Max(1, (2 << 20) / (lines[line].Length + 1)))));
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case "repeat bytes":
                var chunk = input[at..Math.Min(input.Length, at + 1 + (Times % 64))];
                return [.. input[..at], .. Enumerable.Repeat(chunk, Times).SelectMany(c => c), .. input[at..]];
            default:
                return input;
        }
    }

    public override string ToString() => $"{What} at {Where:0.###} x{Times} [{Convert.ToHexString(Bytes)}]";
}

public static class FuzzGenerators
{
    private static readonly string[] Kinds = ["truncate", "flip bit", "insert bytes", "delete line", "duplicate line", "repeat line", "repeat bytes"];

    // Bytes that mean something to a YAML, JSON or pattern reader, and some that are not UTF-8.
    private static readonly byte[][] Interesting =
    [
        "\""u8.ToArray(), "'"u8.ToArray(), "{"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ":"u8.ToArray(), "- "u8.ToArray(),
        "&a "u8.ToArray(), "*a"u8.ToArray(), "!!int "u8.ToArray(), "\t"u8.ToArray(), "\u00a0"u8.ToArray(), [0], [0xFF], [0xC3],
        [0xEF, 0xBB, 0xBF], "\r"u8.ToArray(), "\\"u8.ToArray(), "-[*1..9]->"u8.ToArray(), "|"u8.ToArray(), "?"u8.ToArray(),
        "\u0430"u8.ToArray(), "\ud83d\ude00"u8.ToArray(), "9999999999999999999999999999999"u8.ToArray(),
    ];

    public static Arbitrary<Mutation> Mutation() =>
        (from what in Gen.Elements(Kinds)
         from at in Gen.Choose(0, 1000).Select(i => i / 1000.0)
         from bytes in Gen.Elements(Interesting)
         from times in Gen.OneOf(Gen.Choose(1, 10), Gen.Choose(1000, 20_000))
         select new Mutation(what, at, bytes, times)).ToArbitrary();
}

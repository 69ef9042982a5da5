using System.Text;
using TechTies.Loading;

namespace TechTies.Tests.Hostile;

/// <summary>
/// One bad line repeated thousands of times (found by the fuzz test: a tie to an id the file does not define, repeated
/// 19,000 times) fails with one diagnostic a line, in memory in proportion to the file: each diagnostic once made its
/// own copy of the message and its "load the built-in graph" hint, and the exception's message held the text of every
/// diagnostic, about 6.6 KB a tie line of 19 bytes.
/// </summary>
public sealed class RepeatedLineTests
{
    private const int Times = 20_000;

    private static GraphFile File() =>
        new("repeated.yaml", Encoding.UTF8.GetBytes("techties: 1\ncompanies:\n  acme:\n    name: Acme\n    hosts_on:\n" + string.Concat(Enumerable.Repeat("      - to: amazon\n", Times))));

    [Fact]
    public void A_tie_to_an_unknown_id_repeated_twenty_thousand_times_allocates_less_than_200_bytes_a_byte_of_input()
    {
        var file = File();
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Read([file], LoadOptions.Default));

        var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Equal(Times, e.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnknownReference));
        Assert.True(used < 200L * file.Bytes.Length, $"allocated {used} bytes for {file.Bytes.Length} bytes of input");
    }

    [Fact]
    public void The_message_of_a_load_with_thousands_of_errors_lists_the_first_hundred_and_counts_the_rest()
    {
        var e = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Read([File()], LoadOptions.Default));

        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal(102, lines.Length);
        Assert.Equal($"The graph did not load: {Times} errors.", lines[0]);
        Assert.Equal(e.Diagnostics[99].ToString(), lines[100]);
        Assert.Equal($"… and {Times - 100} more diagnostics (see Diagnostics).", lines[101]);
    }
}

namespace TechTies.Tests.Cli;

/// <summary>
/// Every example in the help texts runs on the built-in graph and finds something: an example that prints "No paths"
/// or an empty picture teaches nothing, unless it is there to show the explanation and says so. Examples that name the user's own files (my-graphs/, awards.csv) or write
/// files are left out.
/// </summary>
public sealed class HelpExamplesTests
{
    public static TheoryData<string> Examples()
    {
        // The overview's examples reappear in the commands' help: each runs once (xunit would skip the repeats).
        var data = new TheoryData<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in (string[])["", "validate", "stats", "show", "query", "path", "connect", "neighbors", "export", "totals"])
        {
            var help = CliRunner.Run(command.Length == 0 ? ["--help"] : [command, "--help"]).Out.ReplaceLineEndings("\n");
            var examples = help.Split('\n').Select(l => l.Trim()).SkipWhile(l => l != "Examples:").Skip(1).TakeWhile(l => l.Length > 0);
            foreach (var line in examples.Where(l => !l.Contains("my-", StringComparison.Ordinal) && !l.Contains("--out", StringComparison.Ordinal)))
            {
                if (seen.Add(line))
                {
                    data.Add(line);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_help_example_finds_something_on_the_built_in_graph(string example)
    {
        // An example meant to find nothing says so in a comment ("# no path: ..."), and shows the explanation.
        var comment = example.IndexOf(" # ", StringComparison.Ordinal);
        var result = CliRunner.Run([.. ShellWords.Split(example["techties ".Length..(comment < 0 ? example.Length : comment)])]);

        Assert.Equal(0, result.ExitCode);
        if (comment >= 0 && example[comment..].StartsWith(" # no path", StringComparison.Ordinal))
        {
            Assert.StartsWith("No paths", result.Out, StringComparison.Ordinal);
            Assert.Contains("Nearest miss: ", result.Out, StringComparison.Ordinal);
            return;
        }

        Assert.DoesNotContain("No paths", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"count\": 0,", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("matched no paths", result.Error, StringComparison.Ordinal);
        if (example.StartsWith("techties export ", StringComparison.Ordinal))
        {
            // A picture or document of more than a header.
            Assert.True(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 2, $"little output: {result.Out}");
        }
    }

    [Fact]
    public void The_help_texts_have_examples_to_check()
    {
        Assert.True(Examples().Count >= 15);
    }
}

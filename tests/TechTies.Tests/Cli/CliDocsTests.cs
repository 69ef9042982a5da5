using System.Text.RegularExpressions;

namespace TechTies.Tests.Cli;

public sealed partial class CliDocsTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var block in Blocks())
        {
            data.Add(block.Split('\n')[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_examples_in_docs_cli_md_print_what_the_page_shows(string commandLine)
    {
        var block = Blocks().Single(b => b.Split('\n')[0] == commandLine);
        var expected = block[(block.IndexOf('\n') + 1)..].TrimEnd();
        var result = CliRunner.Run([.. ShellWords.Split(commandLine["$ techties ".Length..])]);
        Assert.Equal(expected, (result.Out + result.Error).ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void The_page_has_complete_examples_to_check()
    {
        Assert.True(Blocks().Count() >= 4);
    }

    /// <summary>The code blocks of docs/cli.md that show one whole run: one command line, then its output in full (no ellipsis).</summary>
    private static IEnumerable<string> Blocks() =>
        CodeBlock().Matches(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "cli.md")).ReplaceLineEndings("\n"))
            .Select(m => m.Groups[1].Value)
            .Where(b => b.StartsWith("$ techties ", StringComparison.Ordinal) && b.Split('\n').Count(l => l.StartsWith("$ ", StringComparison.Ordinal)) == 1 && !b.Contains('…'));

    [GeneratedRegex("```\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}

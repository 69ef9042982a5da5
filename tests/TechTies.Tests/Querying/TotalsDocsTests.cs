using System.Globalization;
using System.Text.RegularExpressions;
using TechTies.Tests.Cli;

namespace TechTies.Tests.Querying;

/// <summary>
/// docs/totals.md: every <c>$ techties totals</c> block prints what the page shows, and the C# form after it (a
/// <c>graph.Contracts()…Totals()</c> chain, read call by call here) prints the same text.
/// </summary>
public sealed partial class TotalsDocsTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "totals.md")).ReplaceLineEndings("\n");

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (Match m in Example().Matches(Page))
        {
            data.Add(m.Groups["command"].Value);
        }

        return data;
    }

    [Fact]
    public void The_page_answers_each_question_with_a_command_and_its_csharp_form()
    {
        Assert.Equal(4, Example().Matches(Page).Count);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_command_and_its_csharp_form_print_what_the_page_shows(string commandLine)
    {
        var m = Example().Matches(Page).Single(x => x.Groups["command"].Value == commandLine);
        var expected = m.Groups["output"].Value;

        var result = CliRunner.Run([.. ShellWords.Split(commandLine)]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, (result.Out + result.Error).ReplaceLineEndings("\n"));

        var totals = Run(TechTiesGraph.LoadBuiltIn().Contracts(), m.Groups["calls"].Value);
        var printed = m.Groups["print"].Value == "totals" ? totals.ToString() : totals.ToText(withContracts: true);
        Assert.Equal(expected, printed);
    }

    [Fact]
    public void The_sentence_the_page_quotes_is_the_one_totals_write()
    {
        var quoted = Page.Split('\n').Single(l => l.StartsWith("1. Palantir Technologies received", StringComparison.Ordinal));

        var totals = TechTiesGraph.LoadBuiltIn().Contracts().Vendor("palantir").Agency("ice").Value(MoneyField.CurrentValue).Totals();

        Assert.Equal(quoted, totals.ToSentences().Split('\n')[0]);
    }

    // The calls of a fluent chain, such as .Agency("ice").By(TotalsGrouping.Parent).Top(10), applied in order.
    private static MoneyTotals Run(TotalsBuilder builder, string calls)
    {
        foreach (Match call in Call().Matches(calls))
        {
            var argument = call.Groups["argument"].Value;
            var text = argument.Trim('"');
            builder = call.Groups["name"].Value switch
            {
                "Vendor" => builder.Vendor(text),
                "Agency" => builder.Agency(text),
                "WithSubsidiaries" => builder.WithSubsidiaries(),
                "By" => builder.By(Enum.Parse<TotalsGrouping>(argument["TotalsGrouping.".Length..])),
                "Value" => builder.Value(Enum.Parse<MoneyField>(argument["MoneyField.".Length..])),
                "Top" => builder.Top(int.Parse(argument, CultureInfo.InvariantCulture)),
                var other => throw new FormatException($"docs/totals.md calls {other}, which this test does not read."),
            };
        }

        return builder.Totals();
    }

    [GeneratedRegex("```\n\\$ techties (?<command>totals[^\n]*)\n(?<output>.*?)```\n\n```csharp\nvar totals = graph\\.Contracts\\(\\)(?<calls>.*?)\\.Totals\\(\\);\nConsole\\.Write\\((?<print>totals|totals\\.ToText\\(withContracts: true\\))\\);\n```", RegexOptions.Singleline)]
    private static partial Regex Example();

    [GeneratedRegex("\\.(?<name>\\w+)\\((?<argument>\"[^\"]*\"|[^)]*)\\)")]
    private static partial Regex Call();
}

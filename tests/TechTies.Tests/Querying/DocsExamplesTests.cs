using System.Text.RegularExpressions;

namespace TechTies.Tests.Querying;

public partial class DocsExamplesTests
{
    private static readonly TechTiesGraph Graph = TechTiesGraph.LoadBuiltIn();

    public static TheoryData<string, string, string> Examples()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "queries.md")).ReplaceLineEndings("\n");
        var data = new TheoryData<string, string, string>();
        foreach (Match m in ExampleBlock().Matches(text))
        {
            data.Add(m.Groups["kind"].Value, m.Groups["query"].Value.Trim(), m.Groups["expected"].Value.TrimEnd());
        }

        return data;
    }

    [Fact]
    public void The_query_guide_has_examples_of_patterns_and_connections()
    {
        var examples = Examples().Select(row => (string)row[0]).ToList();

        Assert.True(examples.Count(k => k == "query") >= 12);
        Assert.Contains("connect", examples);
    }

    [Fact]
    public void The_counting_example_in_the_query_guide_gives_the_numbers_it_states()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "queries.md")).ReplaceLineEndings("\n");
        var m = CountExample().Match(text);
        Assert.True(m.Success, "docs/queries.md has no graph.Count example with its numbers");

        var count = Graph.Count(m.Groups["pattern"].Value);

        Assert.Equal(long.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture), count.Count);
        Assert.Equal(m.Groups["text"].Value, count.ToString());
    }

    [GeneratedRegex(@"graph\.Count\(""(?<pattern>[^""]+)""\);\nConsole\.WriteLine\(count\.Count\);\s*// every match, as a long: (?<count>\d+) on the built-in graph; count\.ToString\(\) reads ""(?<text>[^""]+)""")]
    private static partial Regex CountExample();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_in_the_query_guide_gives_its_documented_answer(string kind, string query, string expected)
    {
        var result = kind == "query" ? Graph.Query(query) : Connect(query);

        var lines = new List<string> { result.ToString() };
        lines.AddRange(result.Warnings.Where(w => kind == "query").Select(w => "warning: " + w));
        Assert.Equal(expected, string.Join("\n", lines).ReplaceLineEndings("\n"));
    }

    private static PathSet Connect(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var options = new ConnectOptions();
        foreach (var option in words.Skip(2))
        {
            options = option switch
            {
                "all-shortest" => options with { AllShortest = true },
                "directed" => options with { Directed = true },
                _ when option.StartsWith("count=", StringComparison.Ordinal) => options with { Count = int.Parse(option[6..], System.Globalization.CultureInfo.InvariantCulture) },
                _ when option.StartsWith("max-hops=", StringComparison.Ordinal) => options with { MaxHops = int.Parse(option[9..], System.Globalization.CultureInfo.InvariantCulture) },
                _ => throw new FormatException($"Unknown connect option '{option}' in docs/queries.md."),
            };
        }

        return Graph.Connect(words[0], words[1], options);
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TechTies.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder above the test binaries holds TechTies.sln.");
    }

    [GeneratedRegex("```techties-(?<kind>query|connect)\\n(?<query>.*?)```\\s*```expected\\n(?<expected>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}

using System.Text.Json;

namespace TechTies.Tests.Cli;

/// <summary>
/// <c>--format</c> may come before the command as well as after it: <c>techties --format json stats</c> is
/// <c>techties stats --format json</c>, and before export it names the export format. Given twice, or with a value
/// the command does not take, it is a usage error that says where it goes.
/// </summary>
public sealed class FormatOptionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-cli-format-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("validate")]
    [InlineData("stats")]
    [InlineData("show", "palantir")]
    [InlineData("query", "palantir -[hosts_on]-> amazon")]
    [InlineData("path", "palantir", "ice", "--max-hops", "2")]
    [InlineData("connect", "salesforce", "ice", "--count", "1")]
    [InlineData("neighbors", "ice", "--types", "part_of")]
    public void Format_json_before_the_command_prints_what_it_prints_after_the_command(params string[] command)
    {
        var before = CliRunner.Run(["--format", "json", .. command]);
        var after = CliRunner.Run([.. command, "--format", "json"]);

        Assert.Equal(0, before.ExitCode);
        Assert.Equal(after.Out, before.Out);
        Assert.Equal(after.Error, before.Error);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(before.Out).RootElement.ValueKind);
    }

    [Fact]
    public void Format_before_export_names_the_export_format()
    {
        var before = CliRunner.Run("--format", "mermaid", "export", "--query", "palantir -[hosts_on]-> amazon");
        var after = CliRunner.Run("export", "--format", "mermaid", "--query", "palantir -[hosts_on]-> amazon");

        Assert.Equal(0, before.ExitCode);
        Assert.StartsWith("flowchart LR\n", before.Out.ReplaceLineEndings("\n"));
        Assert.Equal(after.Out, before.Out);
    }

    [Fact]
    public void Format_json_before_import_makes_its_errors_json_objects()
    {
        var csv = Path.Combine(folder, "missing.csv");

        var result = CliRunner.Run("--format", "json", "import", csv, "--out", Path.Combine(folder, "awards.yaml"));

        Assert.Equal(3, result.ExitCode);
        var error = JsonDocument.Parse(result.Error).RootElement;
        Assert.Equal("not-found", error.GetProperty("code").GetString());
        Assert.Contains(csv, error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("--format json stats --format text", "--format is given both before and after 'stats' ('json' and 'text'); give it once, before or after the command.")]
    [InlineData("--format json export --format csv", "--format is given both before and after 'export' ('json' and 'csv'); give it once, before or after the command.")]
    [InlineData("--format graphml stats", "--format 'graphml' is not a format of stats, which takes text or json ('graphml' is a format of export: techties export --format graphml).")]
    [InlineData("--format xml query palantir", "--format 'xml' is not a format of query, which takes text, json, svg or html.")]
    [InlineData("--format text stats --format xml", "--format is given both before and after 'stats' ('text' and 'xml'); give it once, before or after the command.")]
    [InlineData("--format text --format text stats", "--format is given twice before 'stats' ('text' and 'text'); give it once.")]
    [InlineData("--format xml export --format dot", "--format is given both before and after 'export' ('xml' and 'dot'); give it once, before or after the command.")]
    [InlineData("--format text export", "--format 'text' is not a format of export, which takes json, yaml, graphml, gexf, node-link, cytoscape, dot, mermaid, csv or neo4j.")]
    [InlineData("export", "export needs --format, one of: json, yaml, graphml, gexf, node-link, cytoscape, dot, mermaid, csv, neo4j (techties export --format json).")]
    public void A_format_given_twice_or_that_the_command_does_not_take_is_a_usage_error_saying_what_to_write(string commandLine, string message)
    {
        var result = CliRunner.Run(commandLine.Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"techties: error: {message}", result.Error.ReplaceLineEndings("\n").Split('\n')[0]);
        Assert.Equal(string.Empty, result.Out);
    }

    [Theory]
    [InlineData("--format json stats --format xml", "--format is given both before and after 'stats' ('json' and 'xml'); give it once, before or after the command.")]
    [InlineData("--format json show ice --format bogus", "--format is given both before and after 'show' ('json' and 'bogus'); give it once, before or after the command.")]
    [InlineData("--format json --format json stats", "--format is given twice before 'stats' ('json' and 'json'); give it once.")]
    [InlineData("--format xml --format json stats", "--format is given twice before 'stats' ('xml' and 'json'); give it once.")]
    public void A_format_given_twice_with_json_among_the_values_is_a_usage_error_in_json(string commandLine, string message)
    {
        var result = CliRunner.Run(commandLine.Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var error = JsonDocument.Parse(line).RootElement;
        Assert.Equal("usage", error.GetProperty("code").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal("valid", CliSchema.Check(line, "diagnostic"));
    }
}

using System.Text.Json;

namespace TechTies.Tests.Cli;

/// <summary>
/// A command line that does not parse (a missing argument, an unknown option or command) exits 1 with the error on
/// stderr and nothing on stdout, in either format: a program reading stdout gets a result or nothing, and help goes to
/// stdout only when it is asked for.
/// </summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("query", "techties: error: Required argument missing for command: 'query'.\nSee 'techties query --help'.")]
    [InlineData("stats --bogus", "techties: error: Unrecognized command or argument '--bogus'.\nSee 'techties stats --help'.")]
    [InlineData("frobnicate", "techties: error: Required command was not provided.\ntechties: error: Unrecognized command or argument 'frobnicate'.\nSee 'techties --help'.")]
    public void A_usage_error_in_text_writes_the_errors_and_where_the_help_is_on_stderr_and_nothing_on_stdout(string commandLine, string error)
    {
        var result = CliRunner.Run(commandLine.Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(error, result.Error.ReplaceLineEndings("\n").TrimEnd());
    }

    [Theory]
    [InlineData("query --format json", "Required argument missing for command: 'query'.")]
    [InlineData("--format json query", "Required argument missing for command: 'query'.")]
    [InlineData("stats --bogus --format json", "Unrecognized command or argument '--bogus'.")]
    [InlineData("--format json stats --bogus", "Unrecognized command or argument '--bogus'.")]
    [InlineData("frobnicate --format json", "Required command was not provided. Unrecognized command or argument 'frobnicate'.")]
    [InlineData("--format json frobnicate", "Required command was not provided. Unrecognized command or argument 'frobnicate'.")]
    public void A_usage_error_in_json_is_one_json_object_with_code_usage_on_stderr_and_nothing_on_stdout(string commandLine, string message)
    {
        var result = CliRunner.Run(commandLine.Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        var error = JsonDocument.Parse(result.Error).RootElement;
        Assert.Equal(["code", "severity", "message"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal("usage", error.GetProperty("code").GetString());
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public void A_mistyped_option_in_text_is_followed_by_what_was_meant()
    {
        var result = CliRunner.Run("neighbors", "ice", "--hop", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(
            """
            techties: error: Unrecognized command or argument '--hop'.
            techties: error: Unrecognized command or argument '2'.
            '--hop' was not matched. Did you mean one of the following?
            --hops
            See 'techties neighbors --help'.
            """.ReplaceLineEndings("\n"),
            result.Error.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void A_mistyped_command_in_json_gives_what_was_meant_as_the_suggestion_of_a_schema_valid_diagnostic()
    {
        var result = CliRunner.Run("--format", "json", "stat");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var error = JsonDocument.Parse(line).RootElement;
        Assert.Equal("usage", error.GetProperty("code").GetString());
        Assert.Equal("'stat' was not matched. Did you mean one of the following? stats", error.GetProperty("suggestion").GetString());
        Assert.Equal("valid", CliSchema.Check(line, "diagnostic"));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("query", "--help")]
    [InlineData("stats", "-h")]
    [InlineData("query", "--format", "json", "--help")]
    public void Help_asked_for_is_printed_on_stdout_and_exits_0(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Description:", result.Out);
        Assert.Contains("Usage:", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }
}

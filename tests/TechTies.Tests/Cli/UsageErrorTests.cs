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
    [InlineData("query", "techties: error: query needs <pattern>: techties query <pattern>.\nSee 'techties query --help'.")]
    [InlineData("path", "techties: error: path needs <from> and <to>: techties path <from> <to>.\nSee 'techties path --help'.")]
    [InlineData("connect salesforce", "techties: error: connect needs <b>: techties connect <a> <b>.\nSee 'techties connect --help'.")]
    [InlineData("connect salesforce ice --max-hops abc", "techties: error: --max-hops is 'abc'; it must be a whole number.\nSee 'techties connect --help'.")]
    [InlineData("neighbors ice --hops 1.5", "techties: error: --hops is '1.5'; it must be a whole number.\nSee 'techties neighbors --help'.")]
    [InlineData("stats --bogus", "techties: error: Unrecognized command or argument '--bogus'.\nSee 'techties stats --help'.")]
    [InlineData("frobnicate", "techties: error: unknown command 'frobnicate'.\nSee 'techties --help'.")]
    [InlineData("qurey x", "techties: error: unknown command 'qurey'; did you mean 'query'?\nSee 'techties --help'.")]
    [InlineData("--quiet stat", "techties: error: unknown command 'stat'; did you mean 'stats'?\nSee 'techties --help'.")]
    [InlineData("--bogus", "techties: error: Unrecognized command or argument '--bogus'.\nSee 'techties --help'.")]
    public void A_usage_error_in_text_writes_the_errors_and_where_the_help_is_on_stderr_and_nothing_on_stdout(string commandLine, string error)
    {
        var result = CliRunner.Run(commandLine.Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(error, result.Error.ReplaceLineEndings("\n").TrimEnd());
    }

    [Theory]
    [InlineData("query --format json", "query needs <pattern>: techties query <pattern>.")]
    [InlineData("--format json query", "query needs <pattern>: techties query <pattern>.")]
    [InlineData("stats --bogus --format json", "Unrecognized command or argument '--bogus'.")]
    [InlineData("--format json stats --bogus", "Unrecognized command or argument '--bogus'.")]
    [InlineData("frobnicate --format json", "unknown command 'frobnicate'")]
    [InlineData("--format json frobnicate", "unknown command 'frobnicate'")]
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
        Assert.Equal("unknown command 'stat'", error.GetProperty("message").GetString());
        Assert.Equal("did you mean 'stats'?", error.GetProperty("suggestion").GetString());
        Assert.Equal("valid", CliSchema.Check(line, "diagnostic"));
    }

    [Theory]
    [InlineData("frobnicate", "unknown command 'frobnicate'.")]
    [InlineData("qurey x", "unknown command 'qurey'; did you mean 'query'?")]
    [InlineData("stat", "unknown command 'stat'; did you mean 'stats'?")]
    [InlineData("exprot --format dot", "unknown command 'exprot'; did you mean 'export'?")]
    [InlineData("neighbours ice", "unknown command 'neighbours'; did you mean 'neighbors'?")]
    [InlineData("x", "unknown command 'x'.")]
    [InlineData("--data graphs connnect", "unknown command 'connnect'; did you mean 'connect'?")]
    public void An_unknown_command_is_one_error_that_suggests_only_a_command_close_to_it(string commandLine, string error)
    {
        var result = CliRunner.Run(commandLine.Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal($"techties: error: {error}\nSee 'techties --help'.", result.Error.ReplaceLineEndings("\n").TrimEnd());
    }

    [Theory]
    [InlineData]
    [InlineData("--quiet")]
    public void No_command_prints_the_help_with_the_commands_on_stderr_and_exits_1(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("Description:", result.Error);
        Assert.Contains("Usage:\n  techties [command] [options]", result.Error.ReplaceLineEndings("\n"));
        Assert.Contains("Commands:", result.Error);
        Assert.Contains("  connect <a> <b>", result.Error);
        Assert.DoesNotContain("techties: error", result.Error);
    }

    [Fact]
    public void No_command_in_json_is_one_usage_object_that_lists_the_commands()
    {
        var result = CliRunner.Run("--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var error = JsonDocument.Parse(line).RootElement;
        Assert.Equal("No command was given.", error.GetProperty("message").GetString());
        Assert.Equal("give one of the commands: validate, stats, show, query, path, connect, neighbors, export, import, totals, duplicates", error.GetProperty("suggestion").GetString());
        Assert.Equal("valid", CliSchema.Check(line, "diagnostic"));
    }

    [Theory]
    [InlineData("techties [command] [options]", "--help")]
    [InlineData("techties query <pattern> [options]", "query", "--help")]
    [InlineData("techties connect <a> <b> [options]", "connect", "-h")]
    public void Help_names_the_command_techties_in_its_usage_lines(string usage, params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Usage:\n  {usage}\n", result.Out.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("TechTies.Cli", result.Out);
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

    [Theory]
    [InlineData("validate --data")]
    [InlineData("validate --strict --data")]
    [InlineData("stats --data")]
    [InlineData("show palantir --data")]
    public void Data_without_a_path_is_a_usage_error_and_never_loads_the_built_in_graph(string commandLine)
    {
        var result = CliRunner.Run(commandLine.Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(
            $"techties: error: Required argument missing for option: '--data'.\nSee 'techties {commandLine.Split(' ')[0]} --help'.",
            result.Error.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void Data_before_the_command_without_a_path_says_it_took_the_command_as_its_path()
    {
        var result = CliRunner.Run("--data", "stats");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(
            """
            techties: error: --data took 'stats' as its file or folder, so no command was given.
            give --data a path: techties --data PATH stats
            See 'techties --help'.
            """.ReplaceLineEndings("\n"),
            result.Error.ReplaceLineEndings("\n").TrimEnd());
    }

    [Theory]
    [InlineData("--max-hops 2 connect salesforce ice", "'--max-hops' is an option of connect: write it after the command; only --format, --data, --with-built-in and --quiet (-q) may come before it.", "techties connect salesforce ice --max-hops 2")]
    [InlineData("--directed --max-hops=3 --data graphs connect salesforce ice", "'--directed' and '--max-hops' are options of connect: write them after the command; only --format, --data, --with-built-in and --quiet (-q) may come before it.", "techties --data graphs connect salesforce ice --directed --max-hops=3")]
    [InlineData("--via hosts_on,contracts_with path palantir ice", "'--via' is an option of path: write it after the command; only --format, --data, --with-built-in and --quiet (-q) may come before it.", "techties path palantir ice --via hosts_on,contracts_with")]
    public void A_commands_option_before_the_command_says_where_it_goes_and_never_suggests_itself(string commandLine, string error, string meant)
    {
        var text = CliRunner.Run(commandLine.Split(' '));
        var json = CliRunner.Run(["--format", "json", .. commandLine.Split(' ')]);

        Assert.Equal(1, text.ExitCode);
        Assert.Equal(string.Empty, text.Out);
        Assert.Equal($"techties: error: {error}\n{meant}\nSee 'techties {commandLine.Split(' ').First(w => w is "connect" or "path")} --help'.", text.Error.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal(1, json.ExitCode);
        var diagnostic = JsonDocument.Parse(json.Error).RootElement;
        Assert.Equal(error, diagnostic.GetProperty("message").GetString());
        Assert.Equal(meant.Replace("techties ", "techties --format json ", StringComparison.Ordinal), diagnostic.GetProperty("suggestion").GetString());
    }

    [Theory]
    [InlineData("show {0}", "No entity is called {1}.")]
    [InlineData("{0}", "unknown command {1}.")]
    [InlineData("path ice dhs --asof {0}", "--asof is {1}; it must be a date such as 2018, 2018-08 or 2018-08-01.")]
    [InlineData("stats --{0}", "Unrecognized command or argument {2}.")]
    public void A_long_argument_is_quoted_in_a_message_as_its_first_80_characters_and_its_length(string commandLine, string message)
    {
        var value = new string('x', 100_000);
        var cut = $"'{new string('x', 80)}…' (100000 characters)";
        var cutOption = $"'--{new string('x', 78)}…' (100002 characters)";

        var result = CliRunner.Run([.. commandLine.Split(' ').Select(w => string.Format(System.Globalization.CultureInfo.InvariantCulture, w, value))]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal($"techties: error: {string.Format(System.Globalization.CultureInfo.InvariantCulture, message, null, cut, cutOption)}", result.Error.ReplaceLineEndings("\n").Split('\n')[0]);
        Assert.True(result.Error.Length < 1000);
    }
}

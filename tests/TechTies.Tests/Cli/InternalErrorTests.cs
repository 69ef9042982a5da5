using System.Text;
using System.Text.Json;
using TechTies.Cli;

namespace TechTies.Tests.Cli;

/// <summary>
/// An exception that no command expects (here, from an output stream that fails) exits 70 with one line on stderr
/// that names the failure, and never a stack trace. The command runs in process, with streams of the test's making.
/// </summary>
public class InternalErrorTests
{
    [Theory]
    [InlineData("stats")]
    [InlineData("show", "palantir")]
    [InlineData("query", "palantir -[hosts_on]-> amazon")]
    public void An_unexpected_exception_in_a_command_exits_70_with_one_line_and_no_stack_trace(params string[] args)
    {
        var stderr = new StringWriter();

        var exit = CliApp.Run(args, new FailingWriter(), stderr);

        Assert.Equal(70, exit);
        Assert.Equal(
            "techties: internal error: InvalidOperationException: the output stream failed on purpose; twice (a bug in techties: please report it)\n",
            stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_unexpected_exception_in_json_mode_is_one_json_object_on_stderr()
    {
        var stderr = new StringWriter();

        var exit = CliApp.Run(["stats", "--format", "json"], new FailingWriter(), stderr);

        Assert.Equal(70, exit);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var error = JsonDocument.Parse(line).RootElement;
        Assert.Equal("internal", error.GetProperty("code").GetString());
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Equal("internal error: InvalidOperationException: the output stream failed on purpose; twice (a bug in techties: please report it)", error.GetProperty("message").GetString());
    }

    [Fact]
    public void The_same_command_with_a_working_output_succeeds()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(["stats"], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.StartsWith("the built-in graph: ", stdout.ToString());
        Assert.Equal(string.Empty, stderr.ToString());
    }

    // Everything a TextWriter writes ends in Write(char); the message has a line break, which the error line must not.
    private sealed class FailingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new InvalidOperationException("the output stream failed on purpose;\ntwice");
    }
}

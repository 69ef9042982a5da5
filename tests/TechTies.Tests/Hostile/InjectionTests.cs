using TechTies.Tests.Export;

namespace TechTies.Tests.Hostile;

/// <summary>
/// Text from the data never becomes markup or terminal control: a source URL stays a link in Markdown, as a real
/// CommonMark renderer (markdown-it, from tests/consumers/node) reads it.
/// </summary>
public sealed class InjectionTests
{
    private const string Graph = """
        techties: 1
        sources:
          evil:
            title: Evil
            kind: news
            url: "https://example.com/<img src=x onerror=alert(1)//>"
        companies:
          acme: { name: Acme, sources: [evil] }
        """;

    [Fact]
    public void A_source_url_with_html_in_it_stays_one_link_when_commonmark_renders_the_card()
    {
        var graph = HostileGraphs.Load(Graph);
        var file = Path.Combine(Path.GetTempPath(), $"techties-card-{Guid.NewGuid():N}.md");
        File.WriteAllText(file, graph.Card(graph.Find("acme")).ToMarkdown());
        try
        {
            var html = ConsumerSupport.Run("node", [Path.Combine(ConsumerSupport.NodeFolder, "render-markdown.js"), file], ConsumerSupport.NodeHint);

            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"https://example.com/%3Cimg%20src=x%20onerror=alert(1)//%3E\">", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>
/// Text output never carries control characters from the data or the command line to the terminal: ESC, CR, BEL and
/// the rest are shown as their Control Pictures symbols, in results and in messages that echo an argument.
/// </summary>
public sealed class TerminalControlTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-hostile-terminal-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_name_with_escape_sequences_and_a_carriage_return_is_shown_with_visible_symbols()
    {
        var data = HostileGraphs.Write(folder, "evil.yaml", "techties: 1\ncompanies:\n  palantir:\n    name: \"Palantir Technologies\\rInnocent Bakery\\e]0;pwned\\a\\e[2K\\x7f\\u009b\"\n");
        var stdout = new StringWriter();

        var exit = TechTies.Cli.CliApp.Run(["show", "palantir", "--data", data, "--quiet"], stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("Palantir Technologies\u240dInnocent Bakery\u241b]0;pwned\u2407\u241b[2K\u2421\ufffd", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stdout.ToString(), c => c is '\u001b' or '\r' or '\a' or '\u007f' or '\u009b');
    }

    [Fact]
    public void An_argument_echoed_in_an_error_is_shown_with_visible_symbols()
    {
        var stderr = new StringWriter();

        var exit = TechTies.Cli.CliApp.Run(["show", "nobody\u001b]0;pwned\u0007"], new StringWriter(), stderr);

        Assert.Equal(3, exit);
        Assert.Contains("nobody\u241b]0;pwned\u2407", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stderr.ToString(), c => c is '\u001b' or '\a');
    }
}

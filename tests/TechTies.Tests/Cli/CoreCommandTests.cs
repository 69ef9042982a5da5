using System.Text.Json;

namespace TechTies.Tests.Cli;

public sealed class CoreCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Validate_on_the_built_in_graph_succeeds_and_says_what_it_checked()
    {
        var result = CliRunner.Run("validate");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("valid: the built-in graph: ", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_a_folder_without_graph_files_is_not_found_instead_of_valid(bool withReadme)
    {
        if (withReadme)
        {
            File.WriteAllText(Path.Combine(folder, "readme.txt"), "notes");
        }

        var result = CliRunner.Run("validate", "--data", folder);
        var json = CliRunner.Run("validate", "--data", folder, "--format", "json");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal($"techties: error: The folder '{folder}' holds no graph files: no .yaml, .yml or .json file in it or its subfolders.\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Equal(3, json.ExitCode);
        Assert.Equal("not-found", JsonDocument.Parse(json.Error).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public void With_built_in_loads_the_data_into_the_built_in_graph_before_or_after_the_command()
    {
        var mine = Path.Combine(folder, "mine.yaml");
        File.WriteAllText(mine, """
            techties: 1
            sources:
              my-notes: { title: My reporting notes, kind: report }
            companies:
              acme-cloud: { name: Acme Cloud, hosts_on: { to: amazon, sources: [my-notes] } }
            """);

        var alone = CliRunner.Run("validate", "--data", mine);
        var with = CliRunner.Run("validate", "--data", mine, "--with-built-in");
        var before = CliRunner.Run("--with-built-in", "--data", mine, "connect", "acme-cloud", "ice", "--count", "1");

        Assert.Equal(2, alone.ExitCode);
        Assert.Contains("TT0040", alone.Error);
        Assert.Equal(0, with.ExitCode);
        Assert.StartsWith($"valid: the built-in graph with {mine}: ", with.Out);
        Assert.Equal(0, before.ExitCode);
        Assert.Contains("Acme Cloud -> hosts on -> Amazon", before.Out);
    }

    [Fact]
    public void Validate_strict_on_the_built_in_graph_succeeds_because_every_tie_has_a_source()
    {
        Assert.Equal(0, CliRunner.Run("validate", "--strict").ExitCode);
    }

    [Theory]
    [InlineData(".", "palantir-ice-2018/people.yaml")]
    [InlineData("palantir-ice-2018/people.yaml", "./palantir-ice-2018//people.yaml")]
    public void Validate_loads_a_file_named_twice_once_instead_of_reporting_its_ids_as_duplicates(string first, string second)
    {
        var graphs = Path.Combine(RepoRoot.Path, "graphs");
        var once = CliRunner.RunIn(graphs, "validate", "--data", first, "--format", "json");
        var twice = CliRunner.RunIn(graphs, "validate", "--data", first, "--data", second, "--format", "json");

        Assert.Equal(once.ExitCode, twice.ExitCode);
        Assert.Equal(once.Out, twice.Out);
        Assert.Equal(once.Error, twice.Error);
        Assert.DoesNotContain("TT0031", twice.Error);
    }

    [Fact]
    public void Invalid_data_exits_2_with_compiler_style_diagnostics_on_stderr()
    {
        var file = Write("bad.yaml", "techties: 1\ncompanies:\n  acme:\n    nme: Acme\n");
        var result = CliRunner.Run("validate", "--data", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}:4:5: error TT0021: 'nme' is not a field of a company (did you mean 'name'?)", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Invalid_data_in_json_mode_gives_one_json_object_per_diagnostic_on_stderr()
    {
        var file = Write("bad.yaml", "techties: 1\ncompanies:\n  acme:\n    nme: Acme\n");
        var result = CliRunner.Run("validate", "--data", file, "--format", "json");
        Assert.All(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("{", line));
        Assert.Equal(2, result.ExitCode);
        var diagnostics = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var error = diagnostics.First(d => d.GetProperty("code").GetString() == "TT0021");
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Equal(5, error.GetProperty("column").GetInt32());
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.False(JsonDocument.Parse(result.Out).RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void A_missing_data_path_exits_3()
    {
        var result = CliRunner.Run("stats", "--data", Path.Combine(folder, "nowhere.yaml"));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("nowhere.yaml", result.Error);
    }

    [Fact]
    public void A_data_folder_with_a_link_to_nothing_exits_3_naming_the_link_and_its_target_in_one_line()
    {
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        Write("data/graph.yaml", "techties: 1\n");
        var link = Path.Combine(folder, "data", "more.yaml");
        File.CreateSymbolicLink(link, Path.Combine(folder, "gone.yaml"));

        var result = CliRunner.Run("stats", "--data", Path.Combine(folder, "data"));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"techties: error: '{link}' is a symbolic link to '{Path.Combine(folder, "gone.yaml")}', which does not exist (fix the link, or remove it).\n", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void An_unknown_entity_exits_3_with_suggestions()
    {
        var result = CliRunner.Run("show", "palantr");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("No entity is called 'palantr'. Did you mean: palantir (Palantir Technologies, company)?", result.Error);
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        Assert.Equal(1, CliRunner.Run("frobnicate").ExitCode);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        Assert.Equal(1, CliRunner.Run("stats", "--frobnicate").ExitCode);
    }

    [Fact]
    public void Show_finds_an_entity_by_alias_and_lists_its_ties_with_numbered_sources()
    {
        var result = CliRunner.Run("show", "ICE");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("U.S. Immigration and Customs Enforcement (agency ice)", result.Out);
        Assert.Contains("  part of U.S. Department of Homeland Security (dhs) [", result.Out);
        Assert.Contains("Sources\n  [1] ", result.Out);
    }

    [Fact]
    public void Show_in_json_mode_prints_the_entity_and_its_ties()
    {
        var result = CliRunner.Run("show", "palantir", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("palantir", root.GetProperty("entity").GetProperty("id").GetString());
        Assert.Contains(root.GetProperty("ties").EnumerateArray(), t => t.GetProperty("type").GetString() == "hosts_on" && t.GetProperty("to").GetString() == "amazon");
    }

    [Fact]
    public void Show_of_a_source_lists_the_ties_and_entities_that_cite_it()
    {
        var result = CliRunner.Run("show", "mercury-news-2018-07-31");

        Assert.Equal(0, result.ExitCode);
        var text = result.Out.ReplaceLineEndings("\n");
        Assert.Contains("\nCited by 6 ties\n  palantir-hq-2018-07-31 -> targets -> palantir (2018-07-31, sources differ on the date: also 2018-08-01)\n", text, StringComparison.Ordinal);
        Assert.Contains("\nCited by 4 entities\n  Investigative Case Management (product icm)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_of_a_source_in_json_mode_gives_the_ties_and_entities_citing_it_and_other_entities_do_not_have_them()
    {
        var source = JsonDocument.Parse(CliRunner.Run("show", "mercury-news-2018-07-31", "--format", "json").Out).RootElement;
        var company = JsonDocument.Parse(CliRunner.Run("show", "palantir", "--format", "json").Out).RootElement;

        Assert.Equal(
            [
                "palantir-hq-2018-07-31/targets/palantir", "palantir-ice-icm/awarded_by/ice", "palantir-ice-icm/awarded_by/ice-mission-support-washington",
                "palantir-ice-icm/awarded_to/palantir", "palantir-ice-icm/covers/icm", "palantir/contracts_with/ice/palantir-ice-icm",
            ],
            source.GetProperty("citingTies").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["icm", "palantir-hq-2018-07-31", "palantir-ice-icm", "palantir-open-letter-2018"], source.GetProperty("citingEntities").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.False(company.TryGetProperty("citingTies", out _));
        Assert.False(company.TryGetProperty("citingEntities", out _));
    }

    [Theory]
    [InlineData("path", "usareally-2018-08-01", "ice")]
    [InlineData("path", "ice", "usareally-2018-08-01")]
    [InlineData("connect", "palantir", "usareally-2018-08-01")]
    [InlineData("neighbors", "usareally-2018-08-01")]
    public void Path_connect_and_neighbors_with_a_source_at_an_end_say_sources_are_cited_not_tied_and_point_to_show(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "\nProtestors Are Asking Palantir’s CEO to Cancel the Company’s Contract With ICE (usareally-2018-08-01) is a source: sources are cited, not tied, so no tie leads to or from it. To see what it supports (the ties and entities that cite it), run 'techties show usareally-2018-08-01'.\n",
            result.Out.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_in_json_mode_counts_entities_by_kind()
    {
        var result = CliRunner.Run("stats", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(14, root.GetProperty("tiesByType").GetProperty("signed").GetInt32());
        Assert.Equal(TechTiesGraph.LoadBuiltIn().Entities.Length, root.GetProperty("entities").GetInt32());
    }

    [Fact]
    public void Stats_on_a_user_file_counts_its_contents()
    {
        var file = Write("ok.yaml", """
            techties: 1
            sources:
              s: { title: A report, kind: report }
            companies:
              acme: { name: Acme }
            agencies:
              ice: { name: ICE }
            ties:
              - { from: acme, type: contracts_with, to: ice, sources: [s] }
            """);
        var result = CliRunner.Run("stats", "--data", file);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"{file}: 3 entities, 1 ties", result.Out);
    }

    [Fact]
    public void Quiet_hides_warnings_but_not_results()
    {
        var file = Write("warn.yaml", "techties: 1\ncompanies:\n  a: { name: A }\n  b: { name: B, subsidiary_of: a }\n");
        var loud = CliRunner.Run("validate", "--data", file);
        var quiet = CliRunner.Run("validate", "--data", file, "--quiet");
        Assert.Contains("warning TT0061", loud.Error);
        Assert.Equal(string.Empty, quiet.Error);
        Assert.Equal(loud.Out, quiet.Out);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace TechTies.Tests.Cli;

public sealed class QueryCommandTests : IDisposable
{
    private const string EmptyPattern = "palantir -[hosts_on]-> ? -[contracts_with]-> ice";

    private readonly string folder = Directory.CreateTempSubdirectory("techties-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Query_prints_arrows_and_sentences_with_their_sources()
    {
        var result = CliRunner.Run("query", "palantir -[hosts_on]-> amazon");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("1 path\n  1. Palantir Technologies -> hosts on -> Amazon\n", result.Out);
        Assert.Contains("1. Palantir Technologies hosts on Amazon [1]", result.Out);
        Assert.Contains("Sources:\n[1] ", result.Out);
    }

    [Fact]
    public void An_empty_query_result_exits_0_and_explains_the_nearest_miss()
    {
        var result = CliRunner.Run("query", EmptyPattern);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"No paths: {EmptyPattern}\n", result.Out);
        Assert.Contains("Nearest miss: Palantir Technologies -> hosts on -> Amazon", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void An_empty_query_result_in_json_mode_has_no_paths_and_the_explanation()
    {
        var result = CliRunner.Run("query", EmptyPattern, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(0, root.GetProperty("count").GetInt32());
        Assert.Empty(root.GetProperty("paths").EnumerateArray());
        Assert.Contains("Nearest miss", root.GetProperty("explanation").GetString());
        Assert.Equal("valid", CliSchema.Check(result.Out));
    }

    [Fact]
    public void A_malformed_pattern_exits_1_with_the_column_and_a_caret_under_it()
    {
        var result = CliRunner.Run("query", "palantir -[hosts_on> ice");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("<pattern>:1:20: error query-syntax: expected ']' but found '>'\n  palantir -[hosts_on> ice\n                     ^\n", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void A_malformed_pattern_in_json_mode_is_one_json_object_with_the_column_on_stderr()
    {
        var result = CliRunner.Run("query", "palantir -[hosts_on> ice", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var error = JsonDocument.Parse(result.Error).RootElement;
        Assert.Equal(20, error.GetProperty("column").GetInt32());
        Assert.Equal("query-syntax", error.GetProperty("code").GetString());
        Assert.Equal("valid", CliSchema.Check(result.Error, "diagnostic"));
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void A_pattern_of_one_node_exits_1_and_says_a_pattern_needs_an_edge()
    {
        var result = CliRunner.Run("query", "palantir");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("<pattern>:1:9: error query-syntax: a pattern needs at least one edge, such as 'palantir -- ?'; a node alone matches no path. To look an entity up, use graph.Find(name) or 'techties show <entity>'\n  palantir\n          ^\n", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void A_source_node_in_a_pattern_exits_1_and_says_sources_are_cited_not_tied()
    {
        var result = CliRunner.Run("query", "(:source) -[targets]-> palantir");
        var json = CliRunner.Run("query", "palantir -- usareally-2018-08-01", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("<pattern>:1:3: error query-syntax: (:source) matches no path: sources are not tied to anything; ties and entities cite them. To find what a source supports, use graph.TiesCiting(source) and graph.EntitiesCiting(source) in C#, or 'techties show <source>' on the command line\n  (:source) -[targets]-> palantir\n    ^\n", result.Error);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(1, json.ExitCode);
        var error = JsonDocument.Parse(json.Error).RootElement;
        Assert.Equal(13, error.GetProperty("column").GetInt32());
        Assert.StartsWith("'usareally-2018-08-01' is a source and matches no path: sources are not tied to anything;", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("or 'techties show usareally-2018-08-01' on the command line", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("valid", CliSchema.Check(json.Error, "diagnostic"));
    }

    [Fact]
    public void An_unknown_entity_in_a_pattern_exits_3_with_suggestions()
    {
        var result = CliRunner.Run("query", "palantr -[hosts_on]-> ?");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Did you mean: palantir (Palantir Technologies, company)?", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Query_in_json_mode_gives_paths_steps_and_canonical_entities_and_ties()
    {
        var result = CliRunner.Run("query", "palantir -[hosts_on]-> amazon", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        var step = root.GetProperty("paths")[0].GetProperty("steps")[0];
        Assert.Equal("hosts_on", step.GetProperty("type").GetString());
        Assert.Equal("forward", step.GetProperty("direction").GetString());
        Assert.Equal(["amazon", "palantir"], root.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        var tie = root.GetProperty("ties")[0];
        Assert.Equal(step.GetProperty("ties")[0].GetString(), tie.GetProperty("id").GetString());
        Assert.Equal("valid", CliSchema.Check(result.Out));
    }

    [Fact]
    public void The_schema_checks_the_embedded_entities_against_the_graph_schema()
    {
        var result = CliRunner.Run("query", "palantir -[hosts_on]-> amazon", "--format", "json");
        var root = JsonNode.Parse(result.Out)!;
        root["entities"]![0]!["nmae"] = "Amazon";
        Assert.StartsWith("invalid: ", CliSchema.Check(root.ToJsonString()));
    }

    [Fact]
    public void Path_follows_directed_ties_over_the_given_types()
    {
        var result = CliRunner.Run("path", "palantir", "ice", "--via", "hosts_on,contracts_with", "--max-hops", "2", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("path", root.GetProperty("command").GetString());
        Assert.All(root.GetProperty("paths").EnumerateArray(), p => Assert.All(p.GetProperty("steps").EnumerateArray(), s =>
        {
            Assert.Equal("forward", s.GetProperty("direction").GetString());
            Assert.Contains(s.GetProperty("type").GetString(), new[] { "hosts_on", "contracts_with" });
        }));
        Assert.Contains(root.GetProperty("paths").EnumerateArray(), p => p.GetProperty("text").GetString() == "Palantir Technologies -> contracts with -> U.S. Immigration and Customs Enforcement");
        Assert.Equal("valid", CliSchema.Check(result.Out));
    }

    [Fact]
    public void Path_as_of_a_year_keeps_only_the_contracts_that_held_then()
    {
        string[] Ties(string year) =>
        [
            .. JsonDocument.Parse(CliRunner.Run("path", "palantir", "ice", "--via", "contracts_with", "--max-hops", "1", "--asof", year, "--format", "json", "--quiet").Out)
                .RootElement.GetProperty("paths")[0].GetProperty("steps")[0].GetProperty("ties").EnumerateArray().Select(t => t.GetString()!),
        ];
        Assert.DoesNotContain("palantir/contracts_with/ice/palantir-ice-falcon-om", Ties("2010"));
        Assert.Contains("palantir/contracts_with/ice/palantir-ice-falcon-om", Ties("2016"));
    }

    [Fact]
    public void Path_with_an_unknown_type_or_a_bad_date_or_hops_is_a_usage_error()
    {
        var type = CliRunner.Run("path", "palantir", "ice", "--via", "hosts");
        Assert.Equal(1, type.ExitCode);
        Assert.Contains("'hosts' is not a relationship type. Known types: ", type.Error);
        Assert.Equal(1, CliRunner.Run("path", "palantir", "ice", "--asof", "August").ExitCode);
        Assert.Contains("--max-hops is 0; it must be between 1 and 10.", CliRunner.Run("path", "palantir", "ice", "--max-hops", "0").Error);
    }

    [Fact]
    public void Connect_salesforce_ice_lists_the_shortest_connections_first_with_sources()
    {
        var result = CliRunner.Run("connect", "salesforce", "ice");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("8 paths\n  1. Salesforce -> contracts with -> U.S. Customs and Border Protection -> part of -> U.S. Department of Homeland Security -> includes -> U.S. Immigration and Customs Enforcement\n", result.Out);
        Assert.Contains("\nSources:\n[1] Protestors Are Asking Palantir", result.Out);
    }

    [Fact]
    public void Connect_options_reach_the_search_and_the_json_validates()
    {
        var result = CliRunner.Run("connect", "salesforce", "ice", "--count", "2", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(2, root.GetProperty("count").GetInt32());
        Assert.True(root.GetProperty("truncated").GetBoolean());
        Assert.Equal("valid", CliSchema.Check(result.Out));
        var shortest = JsonDocument.Parse(CliRunner.Run("connect", "salesforce", "ice", "--all-shortest", "--format", "json").Out).RootElement;
        Assert.All(shortest.GetProperty("paths").EnumerateArray(), p => Assert.Equal(3, p.GetProperty("steps").GetArrayLength()));
    }

    [Fact]
    public void Query_warnings_in_json_mode_are_json_objects_on_stderr_and_quiet_drops_them()
    {
        var loud = CliRunner.Run("query", "ice -[part_of*]- ?", "--format", "json");
        var line = Assert.Single(loud.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("warning", JsonDocument.Parse(line).RootElement.GetProperty("severity").GetString());
        Assert.Equal("valid", CliSchema.Check(line, "diagnostic"));
        var quiet = CliRunner.Run("query", "ice -[part_of*]- ?", "--format", "json", "--quiet");
        Assert.Equal(string.Empty, quiet.Error);
        Assert.Equal(loud.Out, quiet.Out);
    }

    [Fact]
    public void Quiet_export_to_a_file_prints_nothing()
    {
        var file = Path.Combine(folder, "ties.dot");
        var result = CliRunner.Run("export", "--format", "dot", "--out", file, "--quiet");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Out + result.Error);
        Assert.StartsWith("digraph", File.ReadAllText(file));
    }

    [Fact]
    public void Connect_with_too_few_hops_finds_nothing_and_says_which_max_hops_finds_the_shortest()
    {
        var result = CliRunner.Run("connect", "salesforce", "ice", "--max-hops", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("\nNo connection within 2 steps; the shortest takes 3 steps: try --max-hops 3.\n", result.Out.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("10")]
    public void Connect_directed_between_entities_no_directed_connection_joins_says_a_larger_max_hops_will_not_help(string hops)
    {
        var result = CliRunner.Run("connect", "salesforce", "ice", "--directed", "--max-hops", hops);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            "\nSalesforce (salesforce) and U.S. Immigration and Customs Enforcement (ice) are not connected at all following the direction of ties: no connection of any length joins them, so a larger --max-hops will not help.\n",
            result.Out.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("connect", "loner", "acme")]
    [InlineData("path", "acme", "beta")]
    [InlineData("query", "acme -[hosts_on]-> ?")]
    [InlineData("show", "acme")]
    [InlineData("neighbors", "acme")]
    public void The_load_warnings_are_in_the_json_documents_warnings(params string[] command)
    {
        var data = Path.Combine(folder, "unsourced.yaml");
        File.WriteAllText(data, """
            techties: 1
            companies:
              acme: { name: Acme, hosts_on: beta }
              beta: { name: Beta }
              loner: { name: Loner }
            """);

        var result = CliRunner.Run([.. command, "--data", data, "--format", "json"]);
        var quiet = CliRunner.Run([.. command, "--data", data, "--format", "json", "--quiet"]);

        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(JsonDocument.Parse(result.Out).RootElement.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith($"{data}:3:", warning);
        Assert.Contains("warning TT0061: ", warning);
        Assert.Contains("\"code\":\"TT0061\"", result.Error);
        Assert.Equal("valid", CliSchema.Check(result.Out));
        Assert.Equal(result.Out, quiet.Out);
        Assert.Equal(string.Empty, quiet.Error);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("validate")]
    public void Stats_and_validate_json_list_the_load_warnings_beside_their_number(string command)
    {
        var data = Path.Combine(folder, "repeated.yaml");
        File.WriteAllText(data, """
            techties: 1
            sources:
              s1: { title: Hosting report, kind: news }
            companies:
              acme: { name: Acme Cloud }
              globex: { name: Globex, hosts_on: { to: acme, sources: [s1] } }
            ties:
              - { from: globex, type: hosts_on, to: acme, sources: [s1] }
            """);

        var result = CliRunner.Run(command, "--data", data, "--format", "json");
        var quiet = CliRunner.Run(command, "--data", data, "--format", "json", "--quiet");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(1, root.GetProperty("warnings").GetInt32());
        var warning = Assert.Single(root.GetProperty("warningMessages").EnumerateArray()).GetString();
        Assert.Equal($"{data}:6:27: warning TT0062: this hosts_on tie from 'globex' to 'acme' repeats the one at {data}:8:27, with the same dates, amount, status, description and sources (remove one of them, or tell them apart by their dates, amount or sources)", warning);
        Assert.Contains("\"code\":\"TT0062\"", result.Error);
        Assert.Equal("valid", CliSchema.Check(result.Out));
        Assert.Equal(result.Out, quiet.Out);
        var withoutList = JsonNode.Parse(result.Out)!.AsObject();
        withoutList.Remove("warningMessages");
        Assert.StartsWith("invalid", CliSchema.Check(withoutList.ToJsonString()));
    }

    [Fact]
    public void Export_of_a_query_that_matched_nothing_says_so_on_stderr_unless_quiet()
    {
        var result = CliRunner.Run("export", "--format", "mermaid", "--query", "palantir -[hosts_on]-> ? -[contracts_with]-> ?");
        var quiet = CliRunner.Run("export", "--format", "mermaid", "--query", "palantir -[hosts_on]-> ? -[contracts_with]-> ?", "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("flowchart LR\n", result.Out.ReplaceLineEndings("\n"));
        Assert.Equal(
            "techties: warning: the query matched no paths, so the export has no entities or ties ('techties query' explains why): palantir -[hosts_on]-> ? -[contracts_with]-> ?\n",
            result.Error.ReplaceLineEndings("\n"));
        Assert.Equal(result.Out, quiet.Out);
        Assert.Equal(string.Empty, quiet.Error);
    }

    [Fact]
    public void A_query_cut_by_its_limit_says_only_some_paths_are_shown()
    {
        var result = CliRunner.Run("query", "(:group) -[signed]-> ? -[targets]-> palantir limit 3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\n(Only some paths are shown: the limit of 3 paths kept the first 3 of 14.)\n", result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Connect_with_one_hop_says_hop_not_hops()
    {
        var result = CliRunner.Run("connect", "salesforce", "ice", "--max-hops", "1");

        Assert.StartsWith("No paths: connect salesforce ice (max 1 hop)\n", result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Path_from_an_entity_to_itself_says_paths_never_repeat_an_entity()
    {
        var result = CliRunner.Run("path", "ice", "ice");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            "\nMissing: U.S. Immigration and Customs Enforcement (ice) is both the start and the end of the pattern, but a path never has the same entity twice (unless the query says mode trail or mode walk)\n",
            result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Connect_between_two_separate_parts_of_the_graph_says_they_are_not_connected_at_all()
    {
        var data = Path.Combine(folder, "apart.yaml");
        File.WriteAllText(data, """
            techties: 1
            sources:
              s1: { kind: news, title: One }
            companies:
              a: { name: A, hosts_on: [{ to: b, sources: [s1] }] }
              b: { name: B }
              c: { name: C, hosts_on: [{ to: d, sources: [s1] }] }
              d: { name: D }
            """);

        var result = CliRunner.Run("connect", "a", "c", "--max-hops", "10", "--data", data);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "No paths: connect a c (max 10 hops)\n\nA (a) and C (c) are not connected at all: no connection of any length joins them, so a larger --max-hops will not help.\n",
            result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Connect_at_the_largest_max_hops_never_suggests_a_larger_one()
    {
        var data = Path.Combine(folder, "long.yaml");
        File.WriteAllText(data, "techties: 1\nsources:\n  s1: { kind: news, title: One }\ncompanies:\n"
            + string.Concat(Enumerable.Range(0, 13).Select(i => $"  c{i}: {{ name: C{i}{(i < 12 ? $", hosts_on: [{{ to: c{i + 1}, sources: [s1] }}]" : string.Empty)} }}\n")));

        var result = CliRunner.Run("connect", "c0", "c12", "--max-hops", "10", "--data", data);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("\nNo connection within 10 steps; every connection takes more than 10 steps, the most --max-hops allows.\n", result.Out.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("ice", "ice")]
    [InlineData("ICE", "U.S. Immigration and Customs Enforcement")]
    public void Connect_an_entity_to_itself_says_it_is_the_same_entity_instead_of_suggesting_more_hops(string a, string b)
    {
        var result = CliRunner.Run("connect", a, b);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "No paths: connect ice ice (max 4 hops)\n\nU.S. Immigration and Customs Enforcement (ice) is the same entity both times: a connection joins two different entities.\n",
            result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Connect_an_entity_without_ties_says_so_and_that_more_hops_will_not_help()
    {
        var data = Path.Combine(folder, "alone.yaml");
        File.WriteAllText(data, """
            techties: 1
            sources:
              s1: { kind: news, title: One }
            companies:
              acme: { name: Acme, hosts_on: [{ to: beta, sources: [s1] }] }
              beta: { name: Beta }
              acme-one: { name: Acme One }
              cafe: { name: Cafe }
            """);

        var both = CliRunner.Run("connect", "acme-one", "cafe", "--data", data, "--format", "json", "--quiet");
        var one = CliRunner.Run("connect", "beta", "cafe", "--data", data, "--max-hops", "10", "--quiet");

        Assert.Equal(0, both.ExitCode);
        Assert.Equal(
            "Acme One (acme-one) and Cafe (cafe) have no ties at all, so no connection is possible: a larger --max-hops will not help.",
            JsonDocument.Parse(both.Out).RootElement.GetProperty("explanation").GetString());
        Assert.Equal(0, one.ExitCode);
        Assert.EndsWith("\nCafe (cafe) has no ties at all, so no connection is possible: a larger --max-hops will not help.\n", one.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Connect_an_unknown_entity_exits_3()
    {
        var result = CliRunner.Run("connect", "salesforse", "ice", "--format", "json");
        Assert.Equal(3, result.ExitCode);
        var error = JsonDocument.Parse(result.Error).RootElement;
        Assert.Equal("not-found", error.GetProperty("code").GetString());
        Assert.Contains("salesforce", error.GetProperty("message").GetString());
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Neighbors_prints_a_table_nearest_first_and_the_ties()
    {
        var result = CliRunner.Run("neighbors", "ice", "--types", "part_of");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.StartsWith("U.S. Immigration and Customs Enforcement (ice): ", lines[0]);
        Assert.Contains(lines, l => l.Contains("1  agency    dhs") && l.EndsWith("U.S. Department of Homeland Security"));
        Assert.Contains("  ice -> part of -> dhs", result.Out);
    }

    [Fact]
    public void Neighbors_tells_parallel_contracts_apart_by_naming_each_contract()
    {
        var result = CliRunner.Run("neighbors", "palantir", "--hops", "2", "--types", "contracts_with,part_of");

        Assert.Equal(0, result.ExitCode);
        var ties = result.Out.ReplaceLineEndings("\n").Split("Ties\n")[1].TrimEnd().Split('\n');
        Assert.Equal(ties.Length, ties.Distinct().Count());
        Assert.Contains("  west-publishing -> contracts with -> ice (contract west-ice-clear)", ties);
        Assert.Contains("  west-publishing -> contracts with -> ice (contract west-ice-license-plate-reader)", ties);
        Assert.Contains("  palantir -> contracts with -> ice (contract palantir-ice-falcon-om, 2015 to 2018)", ties);
        Assert.Contains("  palantir -> contracts with -> ice (contract palantir-ice-gotham)", ties);
        Assert.Contains("  ice -> part of -> dhs", ties);
    }

    [Fact]
    public void Neighbors_tells_parallel_ties_that_read_the_same_apart_by_their_ids()
    {
        var data = Path.Combine(folder, "parallel.yaml");
        File.WriteAllText(data, """
            techties: 1
            sources:
              s1: { kind: news, title: One }
            companies:
              acme: { name: Acme }
              beta: { name: Beta }
            ties:
              - { from: acme, type: hosts_on, to: beta, sources: [s1] }
              - { from: acme, type: hosts_on, to: beta, sources: [s1] }
              - { from: beta, type: hosts_on, to: acme, since: 2020, sources: [s1] }
            """);

        var result = CliRunner.Run("neighbors", "acme", "--data", data, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            """
            Ties
              acme -> hosts on -> beta [acme/hosts_on/beta]
              acme -> hosts on -> beta [acme/hosts_on/beta#2]
              beta -> hosts on -> acme (since 2020)
            """.ReplaceLineEndings("\n"),
            result.Out.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void Neighbors_in_json_mode_gives_members_with_distances_and_validates()
    {
        var result = CliRunner.Run("neighbors", "palantir", "--hops", "2", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        var members = root.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(("palantir", 0), (members[0].GetProperty("id").GetString(), members[0].GetProperty("distance").GetInt32()));
        Assert.Contains(members, m => m.GetProperty("distance").GetInt32() == 2);
        Assert.Equal(members.Count, root.GetProperty("entities").GetArrayLength());
        Assert.Equal("valid", CliSchema.Check(result.Out));
    }

    [Fact]
    public void Neighbors_of_an_unknown_entity_exits_3_and_bad_hops_exit_1()
    {
        Assert.Equal(3, CliRunner.Run("neighbors", "nobody-at-all").ExitCode);
        Assert.Equal(1, CliRunner.Run("neighbors", "ice", "--hops", "11").ExitCode);
    }

    [Fact]
    public void Show_and_stats_and_validate_json_validate_against_the_cli_schema()
    {
        Assert.Equal("valid", CliSchema.Check(CliRunner.Run("show", "palantir-ice-falcon-om", "--format", "json").Out));
        Assert.Equal("valid", CliSchema.Check(CliRunner.Run("show", "mercury-news-2018-07-31", "--format", "json").Out));
        Assert.Equal("valid", CliSchema.Check(CliRunner.Run("stats", "--format", "json").Out));
        Assert.Equal("valid", CliSchema.Check(CliRunner.Run("validate", "--format", "json").Out));
    }

    [Theory]
    [InlineData("query", "palantir -[hosts_on]-> amazon")]
    [InlineData("path", "palantir", "ice")]
    [InlineData("connect", "salesforce", "ice")]
    [InlineData("neighbors", "ice")]
    [InlineData("show", "palantir-ice-icm")]
    [InlineData("show", "mercury-news-2018-07-31")]
    [InlineData("stats")]
    [InlineData("validate")]
    public void Every_command_json_validates_with_ajv_too(params string[] args)
    {
        var result = CliRunner.Run([.. args, "--format", "json", "--quiet"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("valid", CliSchema.CheckWithAjv(result.Out));
    }

    [Theory]
    [InlineData("the shortest connection; 2 more of 3 steps were left out", "connect", "salesforce", "ice", "--count", "1")]
    [InlineData("the limit of 3 paths kept the first 3 of 14", "query", "(:group) -[signed]-> ? -[targets]-> palantir limit 3")]
    [InlineData("the limit of 1000 paths kept the first 1000 of 16372", "query", "? -[*1..4]- ?")]
    public void Json_cut_by_a_limit_says_which_in_truncation_reason_as_the_schema_requires(string reason, params string[] args)
    {
        var result = CliRunner.Run([.. args, "--format", "json", "--quiet"]);

        Assert.Equal(0, result.ExitCode);
        var document = JsonDocument.Parse(result.Out).RootElement;
        Assert.True(document.GetProperty("truncated").GetBoolean());
        Assert.EndsWith(reason, document.GetProperty("truncationReason").GetString());
        Assert.NotEqual(0, document.GetProperty("count").GetInt32());
        Assert.Equal("valid", CliSchema.Check(result.Out));
        var withoutReason = JsonNode.Parse(result.Out)!.AsObject();
        withoutReason.Remove("truncationReason");
        Assert.StartsWith("invalid", CliSchema.Check(withoutReason.ToJsonString()));
    }

    [Fact]
    public void Export_writes_a_query_result_to_stdout_as_one_text_document()
    {
        var result = CliRunner.Run("export", "--format", "json", "--query", "palantir -[hosts_on]-> amazon");
        Assert.Equal(0, result.ExitCode);
        var file = Path.Combine(folder, "part.json");
        File.WriteAllText(file, result.Out);
        var part = TechTiesGraph.Load(file);
        Assert.True(part.TryGet("amazon", out _));
        Assert.False(part.TryGet("salesforce", out _));
    }

    [Fact]
    public void Export_to_a_file_writes_it_whole_and_leaves_no_temporary_file()
    {
        var file = Path.Combine(folder, "ties.zip");
        var result = CliRunner.Run("export", "--format", "csv", "--out", file);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"wrote {file}: csv, ", result.Error);
        using var zip = System.IO.Compression.ZipFile.OpenRead(file);
        Assert.Contains(zip.Entries, e => e.Name == "ties.csv");
        Assert.Equal([file], Directory.GetFiles(folder));
    }

    [Fact]
    public void Export_of_a_zip_format_without_out_is_a_usage_error_and_an_unknown_format_too()
    {
        var zip = CliRunner.Run("export", "--format", "neo4j");
        Assert.Equal(1, zip.ExitCode);
        Assert.Contains("neo4j writes a zip archive of several files; name it with --out", zip.Error);
        Assert.Equal(string.Empty, zip.Out);
        Assert.Equal(1, CliRunner.Run("export", "--format", "pdf").ExitCode);
    }

    [Fact]
    public void Export_with_invalid_data_exits_2_and_writes_no_file()
    {
        var bad = Path.Combine(folder, "bad.yaml");
        File.WriteAllText(bad, "techties: 1\ncompanies:\n  acme:\n    nme: Acme\n");
        var file = Path.Combine(folder, "out.graphml");
        Assert.Equal(2, CliRunner.Run("export", "--format", "graphml", "--out", file, "--data", bad).ExitCode);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Every_command_has_help_with_examples_and_the_exit_codes()
    {
        foreach (var command in new[] { "query", "path", "connect", "neighbors", "export", "show", "stats", "validate" })
        {
            var result = CliRunner.Run(command, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains($"techties {command}", result.Out);
            Assert.Contains("3   not found", result.Out);
        }

        Assert.Contains("single quotes in sh, bash and zsh", CliRunner.Run("query", "--help").Out);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var result = CliRunner.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out);
    }
}

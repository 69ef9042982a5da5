using TechTies.Loading;
using System.Text;

namespace TechTies.Tests.Loading;

/// <summary>One test (or a few) per diagnostic code: YAML in, <c>file:line:col CODE</c> out.</summary>
public class DiagnosticTests
{
    [Fact]
    public void Invalid_utf8_is_reported_at_the_line_and_column_of_the_bad_byte()
    {
        var bytes = Concat(Yaml.Utf8("techties: 1\ncompanies:\n  acme: { name: \"Café "), [0xFF], Yaml.Utf8("\" }\n"));

        var error = Yaml.SingleError(bytes);

        Assert.Equal("test.yaml:3:23 TT0001", Yaml.Positions([error])[0]);
        Assert.Contains("not valid UTF-8", error.Message);
        Assert.Contains("0xFF", error.Message);
        Assert.Contains("UTF-8", error.Suggestion);
    }

    [Fact]
    public void Invalid_utf8_after_a_byte_order_mark_is_reported_at_its_own_position()
    {
        var bytes = Concat([0xEF, 0xBB, 0xBF], Yaml.Utf8("techties: 1\n# "), [0xC3, 0x28], Yaml.Utf8("\n"));

        var error = Yaml.SingleError(bytes);

        Assert.Equal("test.yaml:2:3 TT0001", Yaml.Positions([error])[0]);
        Assert.Contains("0xC3", error.Message);
    }

    [Fact]
    public void A_truncated_multibyte_sequence_at_the_end_of_the_file_is_invalid_utf8()
    {
        var bytes = Concat(Yaml.Utf8("techties: 1\n# caf"), [0xC3]);

        var error = Yaml.SingleError(bytes);

        Assert.Equal("test.yaml:2:6 TT0001", Yaml.Positions([error])[0]);
    }

    [Fact]
    public void A_tab_in_indentation_is_reported_where_the_tab_is()
    {
        var errors = Yaml.Errors("techties: 1\ncompanies:\n\tacme: { name: Acme }\n  \tbeta: { name: Beta }\n");

        Assert.Equal(["test.yaml:3:1 TT0002", "test.yaml:4:3 TT0002"], Yaml.Positions(errors));
        Assert.Contains("tab", errors[0].Message);
        Assert.Equal("indent with spaces", errors[0].Suggestion);
    }

    [Fact]
    public void A_tab_inside_a_value_is_not_indentation()
    {
        var graph = Yaml.Load("techties: 1\ncompanies:\n  acme: { name: \"Acme\tInc\" }\n");

        Assert.Equal("Acme\tInc", graph["acme"].Name);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_with_its_position_and_no_parser_internals()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme
              beta: { name: Beta }
            """);

        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal(Yaml.File, error.File);
        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.StartsWith("YAML syntax error: ", error.Message);
        Assert.DoesNotContain("Idx:", error.Message);
        Assert.DoesNotContain("YamlDotNet", error.Message);
    }

    [Fact]
    public void A_mapping_key_at_a_wrong_indentation_is_a_syntax_error()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme:
                name: Acme
               url: https://acme.example
            """);

        Assert.Equal("test.yaml:5:4 TT0003", Yaml.Positions([error])[0]);
        Assert.StartsWith("YAML syntax error: ", error.Message);
        Assert.DoesNotContain("(Line:", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_a_syntax_error()
    {
        var error = Yaml.SingleError("techties: 1\ncompanies:\n  acme: { name: \"Acme }\n");

        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_second_yaml_document_in_one_file_is_a_syntax_error()
    {
        var error = Yaml.SingleError("techties: 1\n---\ntechties: 1\n");

        Assert.Equal("test.yaml:2:1 TT0003", Yaml.Positions([error])[0]);
        Assert.Contains("only one YAML document", error.Message);
    }

    [Fact]
    public void An_anchor_is_refused_where_it_is_written()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: &shared { name: Acme }
              beta: *shared
            """);

        Assert.Equal("test.yaml:3:9 TT0004", Yaml.Positions([error])[0]);
        Assert.Contains("&shared", error.Message);
        Assert.Contains("write values out in full", error.Suggestion);
    }

    [Fact]
    public void An_alias_is_refused_where_it_is_written()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
              beta: *shared
            """);

        Assert.Equal("test.yaml:4:9 TT0004", Yaml.Positions([error])[0]);
        Assert.Contains("*shared", error.Message);
    }

    [Theory]
    [InlineData("companies:\n  acme: { name: !!int 5 }\n", "test.yaml:3:17 TT0007", "!!int")]
    [InlineData("companies:\n  acme: !company { name: Acme }\n", "test.yaml:3:9 TT0007", "!company")]
    [InlineData("companies:\n  acme:\n    name: Acme\n    aliases: !!seq [Acme]\n", "test.yaml:5:14 TT0007", "!!seq")]
    [InlineData("companies:\n  acme:\n    name: !<tag:example.org,2024:name> Acme\n", "test.yaml:4:11 TT0007", "!<tag:example.org,2024:name>")]
    [InlineData("companies:\n  acme: { ! name: Acme }\n", "test.yaml:3:11 TT0007", "the tag ! ")]
    [InlineData("--- !graph\ntechties: 1\n", "test.yaml:1:5 TT0007", "!graph")]
    public void A_tagged_node_is_refused_where_its_tag_is_written(string body, string position, string tag)
    {
        var errors = Yaml.Errors(body.StartsWith("---", StringComparison.Ordinal) ? body : "techties: 1\n" + body);

        var error = Assert.Single(errors, e => e.Code == DiagnosticCodes.TagsNotAllowed);
        Assert.Equal(position, Yaml.Positions([error])[0]);
        Assert.Contains(tag, error.Message);
        Assert.Contains("do not use YAML tags", error.Message);
        Assert.StartsWith("remove the tag and write the value plainly", error.Suggestion);
    }

    [Fact]
    public void A_tagged_amount_is_refused_even_though_its_value_would_read_as_an_amount()
    {
        var error = Yaml.SingleError("""
            techties: 1
            sources:
              news: { title: A story, kind: news }
            companies:
              acme: { name: Acme }
            agencies:
              bureau: { name: The Bureau }
            contracts:
              hosting: { title: Hosting, vendor: acme, agency: bureau, amount: !secret 5, sources: [news] }
            """);

        Assert.Equal("test.yaml:9:68 TT0007", Yaml.Positions([error])[0]);
        Assert.Equal("the tag !secret is not allowed: TechTies files do not use YAML tags, since each field knows how to read its value", error.Message);
        Assert.Equal("remove the tag and write the value plainly, or quote the whole value if the ! is part of the text: \"!secret 5\"", error.Suggestion);
    }

    [Fact]
    public void Every_tag_in_a_file_is_reported_along_with_the_other_problems()
    {
        var errors = Yaml.Errors("""
            techties: 1
            companies:
              acme: { name: !Kung San, founded: !!int 2006 }
              globex: { name: Globex, url: not-a-url }
            """);

        Assert.Equal(["test.yaml:3:17 TT0007", "test.yaml:3:37 TT0007", "test.yaml:4:32 TT0022"], Yaml.Positions(errors));
        Assert.EndsWith("quote the whole value if the ! is part of the text: \"!Kung San\"", errors[0].Suggestion);
    }

    [Fact]
    public void A_billion_laughs_alias_bomb_fails_at_its_first_anchor_without_expanding()
    {
        var bomb = new StringBuilder("techties: 1\n");
        bomb.Append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'z'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append($"{level}: &{level} [" + string.Join(",", Enumerable.Repeat($"*{previous}", 9)) + "]\n");
        }

        var error = Yaml.SingleError(bomb.ToString());

        Assert.Equal("test.yaml:2:4 TT0004", Yaml.Positions([error])[0]);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_reported_at_the_first_level_too_deep()
    {
        const int depth = 70;
        var error = Yaml.SingleError("techties: 1\nx: " + new string('[', depth) + new string(']', depth) + "\n");

        // The file's mapping is level 1, so the 64th bracket (column 3 + 64) is level 65.
        Assert.Equal($"test.yaml:2:{3 + YamlTreeReader.MaxDepth} TT0005", Yaml.Positions([error])[0]);
        Assert.Contains($"more than {YamlTreeReader.MaxDepth} levels", error.Message);
    }

    [Fact]
    public void Nesting_at_the_limit_is_not_an_error_of_depth()
    {
        const int depth = YamlTreeReader.MaxDepth - 1;
        var errors = Yaml.Errors("techties: 1\nx: " + new string('[', depth) + new string(']', depth) + "\n");

        Assert.Equal(["test.yaml:2:1 TT0020"], Yaml.Positions(errors));
    }

    [Fact]
    public void A_hundred_thousand_open_brackets_give_a_diagnostic_not_a_crash()
    {
        var error = Yaml.SingleError("techties: 1\nx: " + new string('[', 100_000) + "\n");

        Assert.Equal(DiagnosticCodes.NestingTooDeep, error.Code);
        Assert.Equal((2, 3 + YamlTreeReader.MaxDepth), (error.Line, error.Column));
    }

    [Fact]
    public void A_hundred_thousand_nested_block_lists_give_a_diagnostic_not_a_crash()
    {
        var error = Yaml.SingleError("techties: 1\nx:\n" + string.Concat(Enumerable.Repeat("- ", 100_000)) + "deep\n");

        Assert.Equal(DiagnosticCodes.NestingTooDeep, error.Code);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_duplicate_key_names_the_first_occurrence()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
              acme: { name: Acme Again }
            """);

        Assert.Equal("test.yaml:4:3 TT0006", Yaml.Positions([error])[0]);
        Assert.Contains("'acme' appears twice", error.Message);
        Assert.Contains("first at line 3, column 3", error.Message);
    }

    [Fact]
    public void A_duplicate_field_inside_an_entity_is_a_duplicate_key()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme:
                name: Acme
                name: Acme Inc
            """);

        Assert.Equal("test.yaml:5:5 TT0006", Yaml.Positions([error])[0]);
    }

    [Fact]
    public void A_file_without_a_version_is_reported_at_its_start()
    {
        var error = Yaml.SingleError("""
            companies:
              acme: { name: Acme }
            """);

        Assert.Equal("test.yaml:1:1 TT0010", Yaml.Positions([error])[0]);
        Assert.Contains("no format version", error.Message);
        Assert.Contains("techties: 1", error.Suggestion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    public void An_empty_file_is_missing_its_version(string yaml)
    {
        var error = Yaml.SingleError(yaml);

        Assert.Equal("test.yaml:1:1 TT0010", Yaml.Positions([error])[0]);
        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData("techties: 2", "'2'")]
    [InlineData("techties: 1.0", "'1.0'")]
    [InlineData("techties: [1]", "a list")]
    public void An_unsupported_version_is_reported_at_the_version_value(string line, string given)
    {
        var error = Yaml.SingleError(line + "\n");

        Assert.Equal("test.yaml:1:11 TT0011", Yaml.Positions([error])[0]);
        Assert.Contains(given, error.Message);
        Assert.Contains("this package reads version 1", error.Message);
    }

    [Fact]
    public void A_misspelled_section_suggests_the_right_one()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companys:
              acme: { name: Acme }
            """);

        Assert.Equal("test.yaml:2:1 TT0020", Yaml.Positions([error])[0]);
        Assert.Contains("'companys' is not a section", error.Message);
        Assert.Equal("did you mean 'companies'?", error.Suggestion);
    }

    [Fact]
    public void A_misspelled_field_suggests_the_right_one()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme:
                name: Acme
                urll: https://acme.example
            """);

        Assert.Equal("test.yaml:5:5 TT0021", Yaml.Positions([error])[0]);
        Assert.Contains("'urll' is not a field of a company", error.Message);
        Assert.Equal("did you mean 'url'?", error.Suggestion);
    }

    [Fact]
    public void An_unknown_field_of_a_tie_suggests_the_right_one()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
              beta: { name: Beta }
            ties:
              - { from: acme, type: hosts_on, to: beta, sinse: 2018 }
            """);

        Assert.Equal("test.yaml:6:45 TT0021", Yaml.Positions([error])[0]);
        Assert.Equal("did you mean 'since'?", error.Suggestion);
    }

    [Fact]
    public void A_list_where_a_single_value_belongs_is_the_wrong_shape()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme:
                name: [Acme, Acme Inc]
            """);

        Assert.Equal("test.yaml:4:11 TT0022", Yaml.Positions([error])[0]);
        Assert.Contains("'name' is a list", error.Message);
        Assert.Contains("a single text value", error.Suggestion);
    }

    [Fact]
    public void A_section_that_is_not_a_mapping_is_the_wrong_shape()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies: [acme, beta]
            """);

        Assert.Equal("test.yaml:2:12 TT0022", Yaml.Positions([error])[0]);
        Assert.Contains("'companies' is a list", error.Message);
    }

    [Fact]
    public void An_entity_without_its_name_is_missing_a_required_field()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme:
                aliases: [Acme]
            """);

        Assert.Equal("test.yaml:4:5 TT0023", Yaml.Positions([error])[0]);
        Assert.Contains("'name' is required", error.Message);
        Assert.Equal("add name: ...", error.Suggestion);
    }

    [Theory]
    [InlineData("companies:\n  acme: { name: \"\" }", "test.yaml:3:17 TT0023", "'name' is empty")]
    [InlineData("companies:\n  acme: { name: '   ' }", "test.yaml:3:17 TT0023", "'name' is empty")]
    [InlineData("agencies:\n  ice:\n    name: \"\"", "test.yaml:4:11 TT0023", "'name' is empty")]
    [InlineData("companies:\n  acme: { name: Acme }\nagencies:\n  ice: { name: ICE }\ncontracts:\n  c1: { title: \"\", vendor: acme, agency: ice }", "test.yaml:7:16 TT0023", "'title' is empty")]
    [InlineData("companies:\n  acme: { name: Acme }\n  beta: { name: Beta }\nties:\n  - { from: \" \", type: hosts_on, to: beta }", "test.yaml:6:13 TT0023", "'from' of a tie is empty")]
    [InlineData("companies:\n  acme:\n    name: { value: \"\" }", "test.yaml:4:20 TT0023", "'name' is empty")]
    [InlineData("companies:\n  acme:\n    name:\n      - { value: Acme, preferred: true }\n      - { value: ' ' }", "test.yaml:6:18 TT0023", "'name' is empty")]
    public void A_required_name_title_or_end_given_as_empty_text_is_an_error(string yaml, string position, string message)
    {
        var error = Yaml.SingleError("techties: 1\n" + yaml + "\n");

        Assert.Equal(position, Yaml.Positions([error])[0]);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Every_url_claim_is_checked_where_its_value_is_written()
    {
        var errors = Assert.Throws<GraphLoadException>(() => Yaml.Load("""
            techties: 1
            companies:
              beta: { name: Beta, url: { value: not a url } }
              gamma:
                name: Gamma
                url:
                  - { value: "https://gamma.example", preferred: true }
                  - { value: gamma dot com }
            """)).Errors;

        Assert.Equal(["test.yaml:3:37 TT0022", "test.yaml:8:18 TT0022"], Yaml.Positions(errors));
        Assert.Equal(["'not a url' is not a web address", "'gamma dot com' is not a web address"], errors.Select(e => e.Message));
    }

    [Fact]
    public void A_contract_without_vendor_is_missing_a_required_field()
    {
        var error = Yaml.SingleError("""
            techties: 1
            agencies:
              ice: { name: ICE }
            contracts:
              c1: { title: Support, agency: ice }
            """);

        Assert.Equal("test.yaml:5:7 TT0023", Yaml.Positions([error])[0]);
        Assert.Contains("'vendor' is required", error.Message);
    }

    [Fact]
    public void A_tie_without_its_type_is_missing_a_required_field()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
              beta: { name: Beta }
            ties:
              - from: acme
                to: beta
            """);

        Assert.Equal("test.yaml:6:5 TT0023", Yaml.Positions([error])[0]);
        Assert.Contains("a tie needs 'type'", error.Message);
    }

    [Fact]
    public void An_id_that_is_not_a_slug_is_reported_with_a_slug_suggestion()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              Acme_Corp: { name: Acme }
            """);

        Assert.Equal("test.yaml:3:3 TT0030", Yaml.Positions([error])[0]);
        Assert.Contains("'Acme_Corp' is not a valid id", error.Message);
        Assert.Equal("use 'acme-corp'", error.Suggestion);
    }

    [Fact]
    public void A_duplicate_id_across_two_files_names_the_first_definition()
    {
        using var folder = new TempFolder();
        var first = folder.Write("a.yaml", "techties: 1\ncompanies:\n  acme: { name: Acme }\n");
        var second = folder.Write("b.yaml", "techties: 1\n\ngroups:\n    acme: { name: Acme Workers }\n");

        var errors = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Load(folder.Path)).Diagnostics;

        Assert.Equal([$"{second}:4:5 TT0031"], Yaml.Positions(errors));
        Assert.Contains($"already defined as a company at {first}:3:3", errors[0].Message);
        Assert.Contains("unique across all files and kinds", errors[0].Suggestion);
    }

    [Fact]
    public void An_unknown_reference_suggests_the_nearest_id()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              palantir: { name: Palantir Technologies }
            people:
              alex-karp: { name: Alex Karp, ceo_of: palantr }
            """);

        Assert.Equal("test.yaml:5:41 TT0040", Yaml.Positions([error])[0]);
        Assert.Contains("'palantr'", error.Message);
        Assert.Equal("did you mean 'palantir'?", error.Suggestion);
    }

    [Fact]
    public void A_long_value_is_quoted_in_a_message_as_its_first_80_characters_and_its_length()
    {
        var reference = new string('x', 100_000);
        var error = Yaml.SingleError($$"""
            techties: 1
            companies:
              palantir: { name: Palantir Technologies }
            people:
              alex-karp: { name: Alex Karp, ceo_of: {{reference}} }
            """);

        Assert.Equal(DiagnosticCodes.UnknownReference, error.Code);
        Assert.Equal($"'{new string('x', 80)}…' (100000 characters) (the end of a ceo_of tie) is not the id of any company or agency or group", error.Message);
    }

    [Fact]
    public void Long_values_are_shortened_alike_in_every_message_that_quotes_them()
    {
        var id = "Acme" + new string('A', 196);
        var errors = Yaml.Errors($$"""
            techties: 1
            sources:
              s1: { kind: news, title: One, url: "not a url {{new string('u', 100)}}" }
            companies:
              {{id}}: { name: Acme }
              acme: { name: Acme, hosts_on: [{ to: beta, sources: [{{new string('s', 90)}}] }], founded: "{{new string('9', 120)}}" }
              beta: { name: Beta }
            """);

        Assert.All(errors, e => Assert.True(e.Message.Length < 300, e.Message));
        Assert.Contains(errors, e => e.Message == $"'Acme{new string('A', 76)}…' (200 characters) is not a valid id: ids are lowercase slugs of a-z, 0-9 and single hyphens");
        Assert.Contains(errors, e => e.Message == $"the cited source '{new string('s', 80)}…' (90 characters) is not defined");
        Assert.Contains(errors, e => e.Message.StartsWith($"'not a url {new string('u', 70)}…' (110 characters)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith($"'{new string('9', 80)}…' (120 characters)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_by_name_instead_of_id_suggests_the_id()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              palantir: { name: Palantir Technologies, aliases: [Palantir] }
            people:
              alex-karp: { name: Alex Karp, ceo_of: Palantir }
            """);

        Assert.Equal("test.yaml:5:41 TT0040", Yaml.Positions([error])[0]);
        Assert.Equal("did you mean 'palantir'? references use ids", error.Suggestion);
    }

    [Fact]
    public void A_tie_to_the_wrong_kind_of_entity_is_reported_at_the_wrong_end()
    {
        var error = Yaml.SingleError("""
            techties: 1
            agencies:
              ice: { name: ICE }
            products:
              falcon: { name: FALCON, made_by: ice }
            """);

        Assert.Equal("test.yaml:5:36 TT0041", Yaml.Positions([error])[0]);
        Assert.Contains("a made_by tie cannot join a product (falcon) to an agency (ice)", error.Message);
        Assert.Equal("made_by goes from product to company", error.Suggestion);
    }

    [Fact]
    public void A_relationship_field_on_the_wrong_kind_of_entity_is_reported_at_the_field()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
            agencies:
              ice: { name: ICE, made_by: acme }
            """);

        Assert.Equal("test.yaml:5:21 TT0041", Yaml.Positions([error])[0]);
        Assert.StartsWith("an agency cannot have 'made_by' ties", error.Message);
    }

    [Fact]
    public void A_contract_vendor_of_the_wrong_kind_is_one_error_not_one_per_tie_it_makes()
    {
        var error = Yaml.SingleError("""
            techties: 1
            agencies:
              ice: { name: ICE }
              dhs: { name: DHS }
            contracts:
              c1: { title: Support, vendor: dhs, agency: ice }
            """);

        Assert.Equal("test.yaml:6:33 TT0041", Yaml.Positions([error])[0]);
        Assert.Equal("an awarded_to tie cannot join a contract (c1) to an agency (dhs)", error.Message);
    }

    [Fact]
    public void An_unknown_contract_vendor_is_one_error_not_one_per_tie_it_makes()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              palantir: { name: Palantir }
            agencies:
              ice: { name: ICE }
            contracts:
              c1: { title: Support, vendor: palantr, agency: ice }
            """);

        Assert.Equal("test.yaml:7:33 TT0040", Yaml.Positions([error])[0]);
        Assert.Equal("did you mean 'palantir'?", error.Suggestion);
    }

    [Fact]
    public void Part_of_must_join_entities_of_the_same_kind()
    {
        var error = Yaml.SingleError("""
            techties: 1
            agencies:
              ice: { name: ICE }
            protests:
              rally: { name: Rally, kind: rally, part_of: ice }
            """);

        Assert.Equal("test.yaml:5:47 TT0041", Yaml.Positions([error])[0]);
        Assert.EndsWith("of the same kind", error.Suggestion);
    }

    [Fact]
    public void A_tie_from_an_entity_to_itself_is_reported()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme, subsidiary_of: acme }
            """);

        Assert.Equal("test.yaml:3:38 TT0042", Yaml.Positions([error])[0]);
        Assert.Contains("joins 'acme' to itself", error.Message);
    }

    [Fact]
    public void A_cycle_of_part_of_ties_is_reported_at_the_tie_that_closes_it()
    {
        var error = Yaml.SingleError("""
            techties: 1
            agencies:
              dhs: { name: DHS, part_of: ice }
              ice: { name: ICE, part_of: dhs }
            """);

        Assert.Equal("test.yaml:4:21 TT0043", Yaml.Positions([error])[0]);
        Assert.Contains("part_of ties form a cycle: dhs -> ice -> dhs", error.Message);
    }

    [Fact]
    public void A_cycle_of_subsidiary_of_ties_through_the_ties_section_is_reported()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              a: { name: A, subsidiary_of: b }
              b: { name: B }
              c: { name: C }
            ties:
              - { from: b, type: subsidiary_of, to: c }
              - { from: c, type: subsidiary_of, to: a }
            """);

        Assert.Equal("test.yaml:8:22 TT0043", Yaml.Positions([error])[0]);
        Assert.Contains("subsidiary_of ties form a cycle: a -> b -> c -> a", error.Message);
    }

    [Fact]
    public void An_unknown_relationship_type_suggests_the_nearest()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
              beta: { name: Beta }
            ties:
              - { from: acme, type: host_on, to: beta }
            """);

        Assert.Equal("test.yaml:6:25 TT0044", Yaml.Positions([error])[0]);
        Assert.Contains("'host_on' is not a relationship type", error.Message);
        Assert.Equal("did you mean 'hosts_on'?", error.Suggestion);
    }

    [Fact]
    public void Redefining_a_built_in_relationship_type_is_refused()
    {
        var error = Yaml.SingleError("""
            techties: 1
            relationship_types:
              hosts_on: { from: [company], to: [company], label: runs on, inverse: runs }
            """);

        Assert.Equal("test.yaml:3:3 TT0045", Yaml.Positions([error])[0]);
        Assert.Contains("'hosts_on' is a built-in relationship type and cannot be redefined", error.Message);
    }

    [Fact]
    public void A_relationship_type_declared_in_two_files_is_refused_in_the_second()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", "techties: 1\nrelationship_types:\n  lobbies: { from: [company], to: [agency], label: lobbies, inverse: lobbied by }\n");
        var second = folder.Write("b.yaml", "techties: 1\nrelationship_types:\n  lobbies: { from: [company], to: [agency], label: lobbies, inverse: lobbied by }\n");

        var errors = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Load(folder.Path)).Diagnostics;

        Assert.Equal([$"{second}:3:3 TT0045"], Yaml.Positions(errors));
        Assert.Contains("declared twice", errors[0].Message);
    }

    [Fact]
    public void A_relationship_type_name_that_is_not_snake_case_is_refused()
    {
        var error = Yaml.SingleError("""
            techties: 1
            relationship_types:
              Lobbies: { from: [company], to: [agency], label: lobbies, inverse: lobbied by }
            """);

        Assert.Equal("test.yaml:3:3 TT0045", Yaml.Positions([error])[0]);
    }

    [Theory]
    [InlineData("2018-13")]
    [InlineData("2018-02-30")]
    [InlineData("18")]
    [InlineData("2018/07")]
    [InlineData("July 2018")]
    public void A_bad_partial_date_is_reported_at_the_value(string date)
    {
        var error = Yaml.SingleError($"""
            techties: 1
            companies:
              acme:
                name: Acme
                founded: {date}
            """);

        Assert.Equal("test.yaml:5:14 TT0050", Yaml.Positions([error])[0]);
        Assert.Contains($"'{date}' is not a partial date", error.Message);
        Assert.Contains("YYYY-MM-DD", error.Suggestion);
    }

    [Fact]
    public void A_start_after_the_end_is_reported_at_the_end()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
            agencies:
              ice: { name: ICE }
            contracts:
              c1:
                title: Support
                vendor: acme
                agency: ice
                start: 2019-03
                end: 2019-02-28
            """);

        Assert.Equal("test.yaml:12:10 TT0051", Yaml.Positions([error])[0]);
        Assert.Contains("start 2019-03 is after end 2019-02-28", error.Message);
    }

    [Fact]
    public void Dates_of_different_precision_that_overlap_are_in_order()
    {
        var graph = Yaml.Load("""
            techties: 1
            companies:
              acme: { name: Acme }
              beta: { name: Beta }
            ties:
              - { from: acme, type: hosts_on, to: beta, since: 2018-07-31, until: 2018 }
            """);

        Assert.Equal(new PartialDate(2018), Assert.Single(graph.Ties).Until);
    }

    [Fact]
    public void A_bad_amount_is_reported_at_the_value()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
            agencies:
              ice: { name: ICE }
            contracts:
              c1:
                title: Support
                vendor: acme
                agency: ice
                amount: 45-12x
            """);

        Assert.Equal("test.yaml:11:13 TT0052", Yaml.Positions([error])[0]);
        Assert.Contains("'45-12x' is not an amount of money", error.Message);
        Assert.Contains("USD 39 million", error.Suggestion);
    }

    [Fact]
    public void An_unknown_currency_field_is_reported_at_the_currency()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
            agencies:
              ice: { name: ICE }
            contracts:
              c1:
                title: Support
                vendor: acme
                agency: ice
                amount: 5 million
                currency: XYZ
            """);

        Assert.Equal("test.yaml:12:15 TT0053", Yaml.Positions([error])[0]);
        Assert.Contains("'XYZ' is not an ISO 4217 currency code", error.Message);
    }

    [Fact]
    public void An_unknown_currency_is_reported_once_for_all_the_amounts_it_applies_to()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
            agencies:
              ice: { name: ICE }
            contracts:
              c1: { title: Support, vendor: acme, agency: ice, amount: 5 million, current_value: 4000000, currency: DOLLARS }
            """);

        Assert.Equal("test.yaml:7:105 TT0053", Yaml.Positions([error])[0]);
    }

    [Fact]
    public void An_unknown_currency_without_an_amount_is_still_reported()
    {
        var errors = Yaml.Errors("""
            techties: 1
            companies:
              acme: { name: Acme }
              beta: { name: Beta }
            agencies:
              ice: { name: ICE }
            contracts:
              c1: { title: Support, vendor: acme, agency: ice, currency: XYZ }
            ties:
              - { from: acme, type: hosts_on, to: beta, currency: [USD] }
            """);

        Assert.Equal(["test.yaml:8:62 TT0053", "test.yaml:10:55 TT0022"], Yaml.Positions(errors));
    }

    [Fact]
    public void An_unknown_currency_code_in_an_amount_is_reported_at_the_amount()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
            agencies:
              ice: { name: ICE }
            contracts:
              c1: { title: Support, vendor: acme, agency: ice, amount: ABC 5 million }
            """);

        Assert.Equal("test.yaml:7:60 TT0053", Yaml.Positions([error])[0]);
        Assert.Contains("'ABC'", error.Message);
    }

    [Fact]
    public void A_value_outside_an_enumeration_lists_the_allowed_words()
    {
        var error = Yaml.SingleError("""
            techties: 1
            sources:
              s1: { title: A story, kind: newz }
            """);

        Assert.Equal("test.yaml:3:31 TT0054", Yaml.Positions([error])[0]);
        Assert.Contains("'newz' is not a valid kind", error.Message);
        Assert.Equal("did you mean 'news'? expected one of news, report, letter, dataset, record, statement", error.Suggestion);
    }

    [Fact]
    public void Several_claimed_values_without_a_preferred_one_are_reported_at_the_field()
    {
        var error = Yaml.SingleError("""
            techties: 1
            sources:
              s1: { title: One, kind: news }
              s2: { title: Two, kind: news }
            companies:
              acme:
                name: Acme
                founded:
                  - { value: 2003, sources: [s1] }
                  - { value: 2004, sources: [s2] }
            """);

        Assert.Equal("test.yaml:9:7 TT0055", Yaml.Positions([error])[0]);
        Assert.Contains("'founded' lists 2 values and marks 0 as preferred", error.Message);
        Assert.Contains("exactly one", error.Suggestion);
    }

    [Fact]
    public void Several_claimed_values_with_two_preferred_are_reported_at_the_field()
    {
        var error = Yaml.SingleError("""
            techties: 1
            sources:
              s1: { title: One, kind: news }
              s2: { title: Two, kind: news }
            companies:
              acme:
                name: Acme
                founded: [{ value: 2003, sources: [s1], preferred: true }, { value: 2004, sources: [s2], preferred: true }]
            """);

        Assert.Equal("test.yaml:8:14 TT0055", Yaml.Positions([error])[0]);
        Assert.Contains("marks 2 as preferred", error.Message);
    }

    [Fact]
    public void A_citation_of_an_undefined_source_suggests_the_nearest_source()
    {
        var error = Yaml.SingleError("""
            techties: 1
            sources:
              usareally-2018-08-01: { title: A story, kind: news }
            companies:
              acme: { name: Acme, sources: [usareally-2018-08-10] }
            """);

        Assert.Equal("test.yaml:5:33 TT0060", Yaml.Positions([error])[0]);
        Assert.Contains("the cited source 'usareally-2018-08-10' is not defined", error.Message);
        Assert.Equal("did you mean 'usareally-2018-08-01'?", error.Suggestion);
    }

    [Fact]
    public void A_citation_of_an_entity_that_is_not_a_source_is_reported()
    {
        var error = Yaml.SingleError("""
            techties: 1
            companies:
              acme: { name: Acme }
              beta:
                name: Beta
                sources:
                  - source: acme
                    quote: "Acme says so"
            """);

        Assert.Equal("test.yaml:7:17 TT0060", Yaml.Positions([error])[0]);
        Assert.Contains("'acme' is cited as a source but is a company", error.Message);
    }

    [Fact]
    public void A_tie_without_a_source_is_a_warning_on_the_graph()
    {
        const string yaml = """
            techties: 1
            companies:
              acme: { name: Acme, hosts_on: beta }
              beta: { name: Beta }
            """;

        var graph = Yaml.Load(yaml);

        var warning = Assert.Single(graph.Warnings);
        Assert.Equal("test.yaml:3:23 TT0061", Yaml.Positions([warning])[0]);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("the hosts_on tie from 'acme' to 'beta' cites no source", warning.Message);
        Assert.Single(graph.Ties);
    }

    [Fact]
    public void A_contract_without_a_source_is_one_warning_on_the_contract_not_one_per_tie()
    {
        const string yaml = """
            techties: 1
            companies:
              acme: { name: Acme }
            agencies:
              ice: { name: ICE }
              ero: { name: ERO, part_of: ice }
            contracts:
              ct-1: { title: Hosting, vendor: acme, agency: ice, office: ero }
            """;

        var graph = Yaml.Load(yaml);

        // The contract makes four ties (awarded_to, contracts_with, awarded_by twice); the part_of tie is the agency's own.
        Assert.Equal(5, graph.Ties.Length);
        Assert.Equal(["test.yaml:6:21 TT0061", "test.yaml:8:3 TT0061"], Yaml.Positions(graph.Warnings));
        var contract = graph.Warnings[1];
        Assert.Contains("a contract 'ct-1' cites no source, so neither do the ties it makes", contract.Message);
        Assert.Equal("add sources: [source-id] to the contract", contract.Suggestion);
    }

    [Fact]
    public void A_protest_without_a_source_is_one_error_on_the_protest_when_strict()
    {
        const string yaml = """
            techties: 1
            groups:
              a: { name: A }
              b: { name: B }
            protests:
              walkout: { name: Walkout, kind: walkout, date: 2018-06, organizers: [a, b] }
            """;

        var error = Yaml.SingleError(yaml, new LoadOptions { Strict = true });

        Assert.Equal("test.yaml:6:3 TT0061", Yaml.Positions([error])[0]);
        Assert.Contains("a protest 'walkout' cites no source", error.Message);
    }

    [Fact]
    public void An_empty_format_version_is_named_as_empty()
    {
        var error = Yaml.SingleError("""
            techties:
            companies:
              acme: { name: Acme }
            """);

        Assert.Equal(DiagnosticCodes.MissingVersion, error.Code);
        Assert.Equal("the format version is empty", error.Message);
        Assert.Equal("write techties: 1", error.Suggestion);
    }

    [Fact]
    public void A_tie_without_a_source_is_an_error_when_strict()
    {
        const string yaml = """
            techties: 1
            companies:
              acme: { name: Acme, hosts_on: beta }
              beta: { name: Beta }
            """;

        var error = Yaml.SingleError(yaml, new LoadOptions { Strict = true });

        Assert.Equal("test.yaml:3:23 TT0061", Yaml.Positions([error])[0]);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public void A_diagnostic_prints_in_compiler_form()
    {
        var error = Yaml.SingleError("techties: 1\ncompanys: {}\n");

        Assert.Equal("test.yaml:2:1: error TT0020: 'companys' is not a section of the format (did you mean 'companies'?)", error.ToString());
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}

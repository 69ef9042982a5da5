using System.Text;

namespace TechTies.Tests.Hostile;

/// <summary>Messages about hostile input stay short and say what is wrong: long values cut, look-alike letters named.</summary>
public sealed class HostileMessageTests
{
    [Fact]
    public void A_huge_anchor_name_is_cut_in_the_message()
    {
        var name = new string('a', 10_000);

        var e = Assert.Throws<GraphLoadException>(() => HostileGraphs.Load($"techties: 1\ncompanies:\n  acme: &{name} {{ name: Acme }}\n"));

        var error = Assert.Single(e.Errors);
        Assert.Equal($"the anchor &{new string('a', 80)}… (10000 characters) is not allowed: TechTies files do not use anchors and aliases", error.Message);
    }

    [Fact]
    public void A_json_string_with_a_byte_that_is_not_utf8_is_tt0001_at_that_byte_as_in_yaml()
    {
        // Found by the fuzz test: a flipped bit in a description of the JSON export ended the load with an
        // InvalidOperationException from the serializer (exit 70 on the command line).
        var json = Encoding.UTF8.GetBytes("{\n  \"techties\": 1,\n  \"companies\": {\n    \"acme\": { \"name\": \"Acme\", \"description\": \"Ab\" }\n  }\n}\n");
        var at = Array.IndexOf(json, (byte)'b', Array.IndexOf(json, (byte)'A', 40));
        json[at] = 0xEE;
        var path = Path.Combine(Directory.CreateTempSubdirectory("techties-utf8-").FullName, "graph.json");
        File.WriteAllBytes(path, json);

        var e = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Load(path));

        var error = Assert.Single(e.Errors);
        Assert.Equal(DiagnosticCodes.InvalidUtf8, error.Code);
        Assert.Equal((4, 48), (error.Line, error.Column));
        Assert.StartsWith("the file is not valid UTF-8: byte 0xEE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_cycle_is_named_by_its_first_entities_and_its_length()
    {
        var yaml = "techties: 1\nagencies:\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"  a{i}: {{ name: A{i}, part_of: a{(i + 1) % 100} }}\n"));

        var e = Assert.Throws<GraphLoadException>(() => HostileGraphs.Load(yaml));

        var error = Assert.Single(e.Errors, d => d.Code == DiagnosticCodes.Cycle);
        Assert.Matches(@"^part_of ties form a cycle: (a\d+ -> ){10}… -> a\d+ \(100 entities\)$", error.Message);
    }

    [Fact]
    public void An_id_with_a_cyrillic_look_alike_names_the_letter_and_its_code_point()
    {
        var e = Assert.Throws<GraphLoadException>(() => HostileGraphs.Load("techties: 1\ncompanies:\n  p\u0430lantir: { name: Palantir }\n"));

        var error = Assert.Single(e.Errors);
        Assert.Equal(DiagnosticCodes.BadId, error.Code);
        Assert.EndsWith("; it has '\u0430' (U+0430, a letter that is not a-z, though it may look like one)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_name_that_is_a_clause_keyword_gets_the_advice_to_quote_it()
    {
        var e = Assert.Throws<QueryParseException>(() => TechTiesGraph.LoadBuiltIn().Query("palantir -- limit"));

        Assert.Equal(13, e.Column);
        Assert.Equal("expected a node after the edge, but 'limit' starts a clause (asof, during, limit, mode, expand); if 'limit' names an entity, quote it: \"limit\"", e.Problem);
    }

    [Fact]
    public void A_hop_count_too_large_for_a_number_says_the_allowed_range()
    {
        var stderr = new StringWriter();

        var exit = TechTies.Cli.CliApp.Run(["neighbors", "ice", "--hops", "99999999999"], new StringWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.Contains("--hops is '99999999999'; it must be a whole number from 1 to 10.", stderr.ToString(), StringComparison.Ordinal);
    }
}

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
}

using TechTies.Rendering;

namespace TechTies.Tests.Rendering;

public class VerbPhraseTests
{
    // Every built-in label and inverse label, those of the data's own types, and a few more verbs.
    public static TheoryData<string, string, string> Labels => new()
    {
        { "hosts on", "hosts on", "hosted on" },
        { "hosts", "hosts", "hosted" },
        { "contracts with", "contracts with", "contracted with" },
        { "has a contract with", "has a contract with", "had a contract with" },
        { "part of", "is part of", "was part of" },
        { "includes", "includes", "included" },
        { "subsidiary of", "is a subsidiary of", "was a subsidiary of" },
        { "parent of", "is the parent of", "was the parent of" },
        { "CEO of", "is CEO of", "was CEO of" },
        { "led by", "is led by", "was led by" },
        { "works for", "works for", "worked for" },
        { "employs", "employs", "employed" },
        { "member of", "is a member of", "was a member of" },
        { "has member", "has member", "had member" },
        { "organized", "organized", "organized" },
        { "organized by", "is organized by", "was organized by" },
        { "signed", "signed", "signed" },
        { "signed by", "is signed by", "was signed by" },
        { "targets", "targets", "targeted" },
        { "targeted by", "is targeted by", "was targeted by" },
        { "made by", "is made by", "was made by" },
        { "makes", "makes", "made" },
        { "uses", "uses", "used" },
        { "used by", "is used by", "was used by" },
        { "uses data from", "uses data from", "used data from" },
        { "provides data to", "provides data to", "provided data to" },
        { "donated to", "donated to", "donated to" },
        { "received a donation from", "received a donation from", "received a donation from" },
        { "holds", "holds", "held" },
        { "awarded", "awarded", "awarded" },

        // A participle followed by "to" is a passive when the other label is a bare present-tense verb ("holds").
        { "awarded to", "is awarded to", "was awarded to" },
        { "awarded by", "is awarded by", "was awarded by" },
        { "covers", "covers", "covered" },
        { "covered by", "is covered by", "was covered by" },
        { "sells to", "sells to", "sold to" },
        { "buys from", "buys from", "bought from" },
        { "lobbies", "lobbies", "lobbied" },
        { "lobbied by", "is lobbied by", "was lobbied by" },
        { "funds", "funds", "funded" },
        { "runs on", "runs on", "ran on" },
        { "bans", "bans", "banned" },
        { "joins", "joins", "joined" },
        { "passes data to", "passes data to", "passed data to" },

        // A declared label that writes its article keeps it; one that does not is read as written.
        { "a partner of", "is a partner of", "was a partner of" },
        { "partner of", "is partner of", "was partner of" },
    };

    [Theory]
    [MemberData(nameof(Labels))]
    public void A_label_reads_as_a_verb_phrase_in_the_present_and_the_past(string label, string present, string past)
    {
        var other = BuiltInTypes.Select(t => t.Label == label ? t.InverseLabel : t.InverseLabel == label ? t.Label : null).FirstOrDefault(l => l is not null);

        Assert.Equal(present, VerbPhrase.Of(label, past: false, other));
        Assert.Equal(past, VerbPhrase.Of(label, past: true, other));
    }

    [Theory]
    [InlineData("awarded to", "holds", "is awarded to")]
    [InlineData("sold to", "buys", "is sold to")]
    [InlineData("sold to", "buys from", "sold to")]
    [InlineData("donated to", "received a donation from", "donated to")]
    [InlineData("awarded to", null, "awarded to")]
    public void A_participle_before_to_is_a_passive_only_when_the_other_label_is_a_bare_present_tense_verb(string label, string? other, string present)
    {
        Assert.Equal(present, VerbPhrase.Of(label, past: false, other));
    }

    [Fact]
    public void A_contract_is_awarded_to_its_vendor_in_sentences()
    {
        var text = TechTiesGraph.LoadBuiltIn().Query("? -[awarded_to]-> palantir").ToSentences(new DateOnly(2018, 8, 1));

        Assert.StartsWith("1. Falcon Operations and Maintenance (O&M), System Enhancement Support Services for Palantir Government was awarded to Palantir Technologies (2015–2018, $39 million) [1][2][3].\n2. Palantir Gotham Software was awarded to Palantir Technologies (as of 2018, $249,999.50) [3].\n", text, StringComparison.Ordinal);
    }

    private static IEnumerable<RelationshipType> BuiltInTypes => TechTiesGraph.LoadBuiltIn().Schema.RelationshipTypes;

    [Fact]
    public void Every_label_of_the_built_in_graph_is_among_the_examples()
    {
        var examples = Labels.Select(row => (string)row[0]);
        var labels = TechTiesGraph.LoadBuiltIn().Schema.RelationshipTypes.SelectMany(t => new[] { t.Label, t.InverseLabel });

        Assert.Empty(labels.Except(examples));
    }
}

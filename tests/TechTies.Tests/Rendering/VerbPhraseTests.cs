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
        { "subsidiary of", "is subsidiary of", "was subsidiary of" },
        { "parent of", "is parent of", "was parent of" },
        { "CEO of", "is CEO of", "was CEO of" },
        { "led by", "is led by", "was led by" },
        { "works for", "works for", "worked for" },
        { "employs", "employs", "employed" },
        { "member of", "is member of", "was member of" },
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

        // A participle not followed by "by" reads as a past-tense verb, as "donated to" does: the words cannot tell them apart.
        { "awarded to", "awarded to", "awarded to" },
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
    };

    [Theory]
    [MemberData(nameof(Labels))]
    public void A_label_reads_as_a_verb_phrase_in_the_present_and_the_past(string label, string present, string past)
    {
        Assert.Equal(present, VerbPhrase.Of(label, past: false));
        Assert.Equal(past, VerbPhrase.Of(label, past: true));
    }

    [Fact]
    public void Every_label_of_the_built_in_graph_is_among_the_examples()
    {
        var examples = Labels.Select(row => (string)row[0]);
        var labels = TechTiesGraph.LoadBuiltIn().Schema.RelationshipTypes.SelectMany(t => new[] { t.Label, t.InverseLabel });

        Assert.Empty(labels.Except(examples));
    }
}

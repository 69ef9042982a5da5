namespace TechTies.Tests.Graph;

/// <summary>
/// Which names are near enough to be listed for a person to judge. The cases come from Torn Apart's list of 2,203 ICE
/// awards merged with the built-in graph, where a looser rule listed eleven companies that share only the word
/// "Technologies" with Palantir, and two pairs of three-letter initialisms, as probable duplicates.
/// </summary>
public sealed class NearNameTests
{
    [Theory]
    [InlineData("THERMO FISCHER SCIENTIFIC", "THERMO FISHER SCIENTIFIC", false, "the names differ by one letter")]
    [InlineData("AMAZONCOM", "AMAZON", false, "one name is the .com form of the other")]
    [InlineData("PALANTIR TECH", "PALANTIR TECHNOLOGIES", true, "the names differ in one word, one the short form of the other")]
    [InlineData("PALANTIR", "PALANTIR USG", true, "'PALANTIR USG' begins with 'PALANTIR'")]
    public void Names_a_person_should_judge_are_near(string a, string b, bool loose, string reason) =>
        Assert.Equal(reason, NameKeys.NearReason(a, b, loose));

    [Theory]
    [InlineData("DKW COMMUNICATIONS", "DTC COMMUNICATIONS")]
    [InlineData("SRA INTERNATIONAL", "STG INTERNATIONAL")]
    [InlineData("AKIRA TECHNOLOGIES", "PALANTIR TECHNOLOGIES")]
    [InlineData("MISSION SUPPORT ORLANDO", "MISSION SUPPORT DALLAS")]
    [InlineData("OFFICE 1", "OFFICE 2")]
    public void Names_that_share_only_a_common_word_or_differ_in_a_short_word_are_not_near(string a, string b)
    {
        Assert.Null(NameKeys.NearReason(a, b, loose: true));
        Assert.Null(NameKeys.NearReason(a, b, loose: false));
    }
}

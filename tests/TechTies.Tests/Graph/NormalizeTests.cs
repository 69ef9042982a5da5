using FsCheck.Xunit;

namespace TechTies.Tests.Graph;

public class NormalizeTests
{
    // ASCII letters of both cases, digits, slug and id punctuation, and every ASCII white-space character.
    private const string AsciiChars = "aAbZz09-_/. \t\n\v\f\r\u001c\u001f#";

    [Property(MaxTest = 3000)]
    public void The_ASCII_way_normalizes_as_the_general_way_does(int seed)
    {
        var random = new Random(seed);
        var text = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => AsciiChars[random.Next(AsciiChars.Length)])]);

        Assert.Equal(Lookup.NormalizeAny(text), Lookup.Normalize(text));
    }

    [Theory]
    [InlineData("acme-corp", "acme-corp")]
    [InlineData("Acme  Corp", "acme corp")]
    [InlineData(" acme corp", "acme corp")]
    [InlineData("acme corp\t", "acme corp")]
    [InlineData("Movimiénto Cosécha", "movimiento cosecha")]
    public void Names_are_folded_in_case_accents_and_spacing(string name, string normalized) =>
        Assert.Equal(normalized, Lookup.Normalize(name));
}

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

    // The name index hashes names without making the normalized strings; lookups hash the normalized string.
    [Property(MaxTest = 3000)]
    public void The_hash_of_a_name_is_the_hash_of_its_normalized_form(int seed)
    {
        var random = new Random(seed);
        var chars = AsciiChars + "éÉñ\u0301ıİ";
        var text = new string([.. Enumerable.Range(0, random.Next(0, 300)).Select(_ => chars[random.Next(chars.Length)])]);

        Assert.Equal(Lookup.HashOf(Lookup.Normalize(text)), Lookup.NormalizedHash(text));
        Assert.Equal(Lookup.Normalize(text).GetHashCode(StringComparison.Ordinal), Lookup.HashOf(Lookup.Normalize(text)));
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

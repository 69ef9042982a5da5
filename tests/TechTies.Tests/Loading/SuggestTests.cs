using FsCheck;
using FsCheck.Xunit;
using TechTies.Loading;

namespace TechTies.Tests.Loading;

/// <summary>"Did you mean": the closest candidates by edit distance, or those that start with the text given.</summary>
public class SuggestTests
{
    [Property(MaxTest = 300)]
    public bool The_closest_candidates_are_those_a_plain_measure_of_every_candidate_finds(NonNull<string> given, NonNull<string>[] candidates)
    {
        var text = given.Get;
        var all = candidates.Select(c => c.Get).Concat(Variants(text)).ToList();

        var limit = Math.Max(2, text.Length / 3);
        var expected = all.Distinct(StringComparer.Ordinal)
            .Select(c => (c, d: Suggest.Distance(text.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.d <= limit || x.c.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.d).ThenBy(x => x.c, StringComparer.Ordinal)
            .Take(3).Select(x => x.c);

        return expected.SequenceEqual(Suggest.Closest(text, all, 3));
    }

    [Fact]
    public void A_long_value_gets_no_suggestion_from_short_ids_and_a_prefix_still_counts()
    {
        var ids = new[] { "palantir", "palantir-technologies", "ice" };

        Assert.Null(Suggest.DidYouMean(new string('x', 100_000), ids));
        Assert.Equal("did you mean 'palantir'?", Suggest.DidYouMean("palantr", ids));
        Assert.Equal("did you mean 'palantir' or 'palantir-technologies'?", Suggest.DidYouMean("palantir-t", ids));
    }

    [Theory]
    [InlineData("palantir", "palantir", 0)]
    [InlineData("palnatir", "palantir", 1)] // neighbours swapped: one edit
    [InlineData("palantr", "palantir", 1)]
    [InlineData("palantirx", "palantir", 1)]
    [InlineData("pxlantir", "palantir", 1)]
    [InlineData("ca", "abc", 3)] // optimal string alignment: a swapped pair is not edited again
    [InlineData("", "ice", 3)]
    public void The_distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggest.Distance(a, b));
        Assert.Equal(expected, Suggest.Distance(b, a));
    }

    [Property(MaxTest = 300)]
    public bool The_distance_is_symmetric_and_between_the_length_difference_and_the_longer_length(NonNull<string> a, NonNull<string> b)
    {
        var d = Suggest.Distance(a.Get, b.Get);
        return d == Suggest.Distance(b.Get, a.Get)
            && d >= Math.Abs(a.Get.Length - b.Get.Length)
            && d <= Math.Max(a.Get.Length, b.Get.Length)
            && (d == 0) == (a.Get == b.Get);
    }

    [Fact]
    public void A_swapped_pair_of_letters_gets_a_suggestion()
    {
        Assert.Equal("did you mean 'palantir'?", Suggest.DidYouMean("palnatri", ["palantir", "ice"]));
    }

    // Candidates near the text: one letter changed, dropped or added, and the text with a long tail.
    private static IEnumerable<string> Variants(string text) =>
        text.Length == 0 ? ["a"] : [text[1..], text + "x", "y" + text[1..], text + new string('z', 40), text.ToUpperInvariant()];
}

namespace TechTies;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
internal static class Suggest
{
    public static string? DidYouMean(string given, IEnumerable<string> candidates)
    {
        var best = Closest(given, candidates, 3).ToList();
        return best.Count == 0 ? null : "did you mean " + string.Join(" or ", best.Select(b => $"'{b}'")) + "?";
    }

    public static IEnumerable<string> Closest(string given, IEnumerable<string> candidates, int max)
    {
        var limit = Math.Max(2, given.Length / 3);
        var lower = given.ToLowerInvariant();

        // The distance is at least the difference in length: a candidate much longer or shorter than the text given
        // (a graph of a million ids, or a value of a hundred thousand characters) is left out without measuring it,
        // unless it starts with the text given.
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Where(c => Math.Abs(c.Length - given.Length) <= limit || c.StartsWith(given, StringComparison.OrdinalIgnoreCase))
            .Select(c => (c, d: Distance(lower, c.ToLowerInvariant())))
            .Where(x => x.d <= limit || x.c.StartsWith(given, StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.d)
            .ThenBy(x => x.c, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.c);
    }

    public static int Distance(string a, string b) => EditDistance.Between(a, b);
}

namespace TechTies;

/// <summary>How far apart two words are, for "did you mean" suggestions of the library and the command line.</summary>
internal static class EditDistance
{
    /// <summary>
    /// The optimal string alignment distance: the fewest letters added, left out or changed, or neighbours swapped
    /// (<c>palnatir</c> is one swap from <c>palantir</c>), each edited once. Ordinal, case-sensitive. Without
    /// <paramref name="swaps"/>, a swap counts as two changes (the Levenshtein distance, which the command-line
    /// parser's own suggestions use).
    /// </summary>
    public static int Between(string a, string b, bool swaps = true)
    {
        // Three rows of the table: the one before last for swaps, the last, and the one being filled.
        var beforeLast = new int[b.Length + 1];
        var last = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            last[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(current[j - 1] + 1, last[j] + 1), last[j - 1] + cost);
                if (swaps && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, beforeLast[j - 2] + 1);
                }

                current[j] = best;
            }

            (beforeLast, last, current) = (last, current, beforeLast);
        }

        return last[b.Length];
    }
}

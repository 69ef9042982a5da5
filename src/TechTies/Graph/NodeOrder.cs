using System.Numerics;

namespace TechTies;

/// <summary>
/// Sorts distinct node (or tie) numbers. A large share of a graph's numbers sorts fastest through a bitmap of them
/// all: one bit set per number, then the set bits read back in order; a few numbers sort fastest by comparison.
/// The bitmap is kept per thread and left clear after each sort.
/// </summary>
internal static class NodeOrder
{
    [ThreadStatic]
    private static ulong[]? bitmap;

    /// <summary>Sorts <paramref name="numbers"/>, which are distinct and each below <paramref name="bound"/>.</summary>
    public static void SortDistinct(Span<int> numbers, int bound)
    {
        // Reading the bitmap back costs a word per 64 numbers of the bound; sorting costs a few comparisons per number.
        var words = (bound + 63) >> 6;
        if (numbers.Length < 64 || words > numbers.Length * 4)
        {
            numbers.Sort();
            return;
        }

        var bits = bitmap is { } b && b.Length >= words ? b : bitmap = new ulong[words];
        foreach (var n in numbers)
        {
            bits[n >> 6] |= 1UL << n;
        }

        var at = 0;
        for (var w = 0; w < words; w++)
        {
            var word = bits[w];
            if (word == 0)
            {
                continue;
            }

            bits[w] = 0;
            do
            {
                numbers[at++] = (w << 6) | BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
            while (word != 0);
        }
    }
}

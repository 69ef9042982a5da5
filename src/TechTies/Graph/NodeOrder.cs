using System.Numerics;

namespace TechTies;

/// <summary>
/// Sorts distinct node or tie numbers. A large share of a graph's numbers sorts fastest through a bitmap of them
/// all: one bit set per number, then the set bits read back in order; a few numbers sort fastest by comparison.
/// The bitmap is kept per thread and left clear after each use.
/// </summary>
internal static class NodeOrder
{
    [ThreadStatic]
    private static ulong[]? bitmap;

    /// <summary>Sorts <paramref name="numbers"/>, which are distinct and each below <paramref name="bound"/>.</summary>
    public static void SortDistinct(Span<int> numbers, int bound)
    {
        if (!PrefersBitmap(numbers.Length, bound))
        {
            numbers.Sort();
            return;
        }

        var bits = Bitmap(bound);
        foreach (var n in numbers)
        {
            bits[n >> 6] |= 1UL << n;
        }

        ReadBack(bits, bound, numbers);
    }

    /// <summary>Whether <paramref name="count"/> numbers below <paramref name="bound"/> sort faster through a bitmap.</summary>
    public static bool PrefersBitmap(int count, int bound) =>

        // Reading the bitmap back costs a word per 64 numbers of the bound; sorting costs a few comparisons per number.
        count >= 64 && ((bound + 63) >> 6) <= count * 4;

    /// <summary>This thread's bitmap for numbers below <paramref name="bound"/>, clear; hand it to <see cref="ReadBack"/> after setting bits.</summary>
    public static ulong[] Bitmap(int bound) =>
        bitmap is { } bits && bits.Length >= (bound + 63) >> 6 ? bits : bitmap = new ulong[(bound + 63) >> 6];

    /// <summary>Writes the numbers set in <paramref name="bits"/>, ascending, to <paramref name="into"/> (as long as their count), and clears the bits.</summary>
    public static void ReadBack(ulong[] bits, int bound, Span<int> into)
    {
        var words = (bound + 63) >> 6;
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
                into[at++] = (w << 6) | BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
            while (word != 0);
        }
    }
}

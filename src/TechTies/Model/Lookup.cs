using System.Buffers;
using System.Globalization;
using System.Text;

namespace TechTies;

/// <summary>Normalization of names for lookup: case-, accent- and spacing-insensitive.</summary>
internal static class Lookup
{
    public static string Normalize(string text)
    {
        // ASCII needs no decomposition, and is returned as it is when already normal (every id is).
        return !Ascii.IsValid(text) ? NormalizeAny(text) : IsNormalAscii(text) ? text : Fold(text);
    }

    /// <summary>The general way, for any text: decomposes, drops marks, folds case and spacing.</summary>
    internal static string NormalizeAny(string text) => Fold(text.Trim().Normalize(NormalizationForm.FormD));

    /// <summary>
    /// The hash of <c>Normalize(text)</c> (ordinal, as <see cref="HashOf"/>), without making the normalized string
    /// for ASCII text: the name index hashes every name of every entity when it is built.
    /// </summary>
    public static int NormalizedHash(string text)
    {
        if (!Ascii.IsValid(text))
        {
            return HashOf(NormalizeAny(text));
        }

        if (IsNormalAscii(text))
        {
            return HashOf(text);
        }

        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var hash = HashOf(buffer[..Fold(text, buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return hash;
    }

    /// <summary>The ordinal hash of a normalized name (the same for a string and a span with its characters).</summary>
    public static int HashOf(ReadOnlySpan<char> normalized) => string.GetHashCode(normalized);

    // Drops combining marks (ASCII has none), lowers case, and keeps single spaces between words only.
    private static string Fold(string text)
    {
        // The result is never longer than the text: a space stands for one or more white-space characters.
        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var folded = new string(buffer[..Fold(text, buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return folded;
    }

    // Folds text into buffer (at least as long as the text) and returns the folded length.
    private static int Fold(string text, Span<char> buffer)
    {
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && length > 0)
            {
                buffer[length++] = ' ';
            }

            space = false;
            buffer[length++] = char.ToLowerInvariant(c);
        }

        return length;
    }

    // No upper-case letter, no white space but single spaces between other characters.
    private static bool IsNormalAscii(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterUpper(c) || (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == text.Length - 1 || text[i + 1] == ' ')))
            {
                return false;
            }
        }

        return true;
    }
}

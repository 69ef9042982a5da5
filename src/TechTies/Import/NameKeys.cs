using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TechTies.Import;

/// <summary>
/// The keys that names are matched by, and the ids made from them. Spending data spells one company as
/// <c>PALANTIR USG INC</c>, <c>Palantir USG, Inc.</c> and <c>PALANTIR USG, L.L.C.</c>: their key is the same.
/// </summary>
internal static class NameKeys
{
    // Legal-form words at the end of a company name; removed one after the other ("CO., LTD.").
    private static readonly HashSet<string> CompanySuffixes = new(StringComparer.Ordinal)
    {
        "INC", "INCORPORATED", "LLC", "CORP", "CORPORATION", "CO", "LTD", "LIMITED", "LP", "LLP", "PLC",
    };

    /// <summary>
    /// The matching key of a company name: uppercase, without accents, <c>&amp;</c> as AND, dots, commas and
    /// apostrophes dropped (so <c>L.L.C.</c> is <c>LLC</c>), other punctuation as spaces, and legal-form suffixes
    /// (<c>INC</c>, <c>LLC</c>, <c>CORP</c>…) removed. A name that is nothing but a suffix keeps it.
    /// </summary>
    public static string Company(string name)
    {
        var words = Words(name);
        var end = words.Count;
        while (end > 1 && CompanySuffixes.Contains(words[end - 1]))
        {
            end--;
        }

        return string.Join(' ', words.Take(end));
    }

    /// <summary>The matching key of an agency or office name: as <see cref="Company"/>, without removing suffixes.</summary>
    public static string Agency(string name) => string.Join(' ', Words(name));

    /// <summary>A lowercase slug of a key or any text: <c>a-z</c> and <c>0-9</c> runs joined by single hyphens; empty when the text has none.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        var hyphen = false;
        foreach (var c in Lookup.Normalize(text))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (hyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                hyphen = false;
            }
            else
            {
                hyphen = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The first <paramref name="length"/> hex digits of the SHA-256 of the parts, each part ended by a unit separator.</summary>
    public static string Hash(IEnumerable<string> parts, int length)
    {
        var text = string.Concat(parts.Select(p => p + "\u001F"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length].ToLowerInvariant();
    }

    private static List<string> Words(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '.' or ',' or '\'' or '’')
            {
                continue;
            }

            if (c == '&')
            {
                builder.Append(" AND ");
            }
            else if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else
            {
                builder.Append(' ');
            }
        }

        return [.. builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }
}

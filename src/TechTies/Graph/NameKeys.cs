using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TechTies;

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

    /// <summary>An award identifier as it is compared: upper case, without spaces, dashes, dots, slashes or underscores (<c>HSCETC-15-C-00001</c> is <c>HSCETC15C00001</c>).</summary>
    public static string Award(string award) =>
        string.Concat(award.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.' or '/' or '_'))).ToUpperInvariant();

    /// <summary>The matching key of a name of an entity of <paramref name="kind"/>: legal forms are removed for companies only.</summary>
    public static string Of(Kind kind, string name) => kind == Kind.Company ? Company(name) : Agency(name);

    /// <summary>
    /// Why two different keys may be one entity's, or <see langword="null"/>: one is the <c>.com</c> form of the other
    /// (<c>AMAZONCOM</c>, <c>AMAZON</c>), or they are a few letters apart (one letter in 5 or more, two in 10 or more).
    /// With <paramref name="loose"/>, also: one begins with the other's words, or they differ in one word only.
    /// </summary>
    public static string? NearReason(string a, string b, bool loose)
    {
        if (a == b || a.Length == 0 || b.Length == 0)
        {
            return null;
        }

        if (WithoutCom(a) == b || WithoutCom(b) == a || (WithoutCom(a) is { Length: > 0 } ca && ca == WithoutCom(b)))
        {
            return "one name is the .com form of the other";
        }

        var shorter = Math.Min(a.Length, b.Length);
        var limit = shorter >= 10 ? 2 : shorter >= 5 ? 1 : 0;
        if (limit > 0 && Math.Abs(a.Length - b.Length) <= limit && !DifferInShortWord(a, b) && EditDistance.Between(a, b) is var distance && distance <= limit)
        {
            return distance == 1 ? "the names differ by one letter" : $"the names differ by {distance} letters";
        }

        if (!loose)
        {
            return null;
        }

        var wordsA = a.Split(' ');
        var wordsB = b.Split(' ');
        var (few, many) = wordsA.Length <= wordsB.Length ? (wordsA, wordsB) : (wordsB, wordsA);
        if (few.Length < many.Length && few.AsSpan().SequenceEqual(many.AsSpan(0, few.Length)) && string.Join(' ', few).Length >= 4)
        {
            return $"'{string.Join(' ', many)}' begins with '{string.Join(' ', few)}'";
        }

        // One word apart counts only when the two words are one shortened ("TECH" and "TECHNOLOGIES"): names that share
        // only a common word ("AKIRA TECHNOLOGIES", "PALANTIR TECHNOLOGIES") or a series ("MISSION SUPPORT DALLAS",
        // "MISSION SUPPORT ORLANDO") are different entities, and listing them would bury the real candidates.
        if (few.Length == many.Length && few.Length >= 2 && few.Where((w, i) => w != many[i]).Count() == 1
            && few.Zip(many).First(p => p.First != p.Second) is var (one, other) && Shortened(one, other))
        {
            return "the names differ in one word, one the short form of the other";
        }

        if (few.Length + 1 == many.Length && few.Length >= 2 && Enumerable.Range(0, many.Length).Any(skip => many.Where((_, i) => i != skip).SequenceEqual(few)))
        {
            return "one name has one word more";
        }

        return null;
    }

    // "DEPARTMENT A" and "DEPARTMENT B", "OFFICE 1" and "OFFICE 2": names of a series, not misspellings; and a letter
    // or two in a word of fewer than five is another word or initialism ("DKW" and "DTC", "SRA" and "STG").
    private static bool DifferInShortWord(string a, string b)
    {
        var wordsA = a.Split(' ');
        var wordsB = b.Split(' ');
        return wordsA.Length == wordsB.Length
            && wordsA.Zip(wordsB).Any(p => p.First != p.Second && (Math.Min(p.First.Length, p.Second.Length) < 5 || p.First.All(char.IsDigit) || p.Second.All(char.IsDigit)));
    }

    // Whether one word is the other cut short, as abbreviations are ("TECH", "TECHNOLOGIES"; "INTL" is not).
    private static bool Shortened(string a, string b) =>
        Math.Min(a.Length, b.Length) >= 3 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal));

    // The key without a .com ending: "AMAZONCOM" (from Amazon.com) and "AMAZON COM" are "AMAZON".
    private static string WithoutCom(string key) =>
        key.EndsWith(" COM", StringComparison.Ordinal) ? key[..^4]
        : key.EndsWith("COM", StringComparison.Ordinal) && key.Length > 3 && !key.Contains(' ', StringComparison.Ordinal) ? key[..^3]
        : key.Contains("COM ", StringComparison.Ordinal) && key.Split(' ') is var words && words.Any(w => w.Length > 3 && w.EndsWith("COM", StringComparison.Ordinal))
            ? string.Join(' ', words.Select(w => w.Length > 3 && w.EndsWith("COM", StringComparison.Ordinal) ? w[..^3] : w))
            : key;

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

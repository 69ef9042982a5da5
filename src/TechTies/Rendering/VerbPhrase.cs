namespace TechTies.Rendering;

/// <summary>
/// A relationship label as the verb of a sentence, in the present or the past tense: "hosts on" / "hosted on",
/// "part of" / "is part of" / "was part of", "targeted by" / "is targeted by" / "was targeted by".
/// </summary>
/// <remarks>
/// Labels are written for arrows (<c>A -> part of -> B</c>), and not all of them are verb phrases. The rule reads
/// the first word, as the built-in labels and the format's examples write it:
/// <list type="bullet">
/// <item>a present-tense verb ends in -s ("hosts on", "uses data from", "has member", "lobbies"): its past is made
/// from it ("hosted on", "used data from", "had member", "lobbied");</item>
/// <item>a past participle followed by "by" is a passive ("targeted by", "made by", "organized by"), and needs "is" or "was";</item>
/// <item>a past participle followed by "to" is a passive too when the other label of the type (the inverse of a label,
/// the label of an inverse) is one present-tense verb and nothing else ("awarded to" / "holds"): then the label's start
/// is that verb's direct object (the vendor holds the contract, so the contract is awarded to the vendor), which is
/// what a passive's subject is. A past-tense verb names what its subject did, and its other label is not a bare
/// present-tense verb ("donated to" / "received a donation from", "organized" / "organized by");</item>
/// <item>any other past-tense verb ("organized", "signed", "donated to", "received a donation from") already tells of
/// the past and reads the same in both tenses;</item>
/// <item>anything else is not a verb ("part of", "CEO of", "member of") and needs "is" or "was"; the built-in labels
/// whose noun counts take their article ("is a member of", "is a subsidiary of", "is the parent of"), while "part of"
/// and a title such as "CEO of" read as they are.</item>
/// </list>
/// A past participle followed by "to" cannot be told from a past-tense verb by its own words ("awarded to",
/// "donated to"); the other label tells them apart. Without it (no other label given) such a label reads
/// as a past-tense verb.
/// </remarks>
internal static class VerbPhrase
{
    // Irregular verbs, present → past, as a tie's label might use them; every other verb is regular.
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        ["is"] = "was", ["has"] = "had", ["does"] = "did", ["makes"] = "made", ["holds"] = "held", ["leads"] = "led",
        ["sells"] = "sold", ["buys"] = "bought", ["pays"] = "paid", ["builds"] = "built", ["runs"] = "ran",
        ["gives"] = "gave", ["sends"] = "sent", ["lends"] = "lent", ["spends"] = "spent", ["wins"] = "won",
        ["takes"] = "took", ["gets"] = "got", ["brings"] = "brought", ["keeps"] = "kept", ["meets"] = "met",
        ["finds"] = "found", ["teaches"] = "taught", ["says"] = "said", ["writes"] = "wrote", ["sits"] = "sat",
    };

    private static readonly HashSet<string> IrregularPast = new(Irregular.Values, StringComparer.OrdinalIgnoreCase);

    // The nouns of the built-in labels that take an article in a sentence; a declared label can write its own ("a partner of").
    private static readonly Dictionary<string, string> Articles = new(StringComparer.Ordinal)
    {
        ["subsidiary"] = "a ", ["member"] = "a ", ["parent"] = "the ",
    };

    /// <summary>The label as the verb phrase of a sentence whose subject is the tie's start (or its end, for an inverse label).</summary>
    /// <param name="label">A relationship type's label or inverse label.</param>
    /// <param name="past">Whether the tie has ended.</param>
    /// <param name="other">The type's other label: its inverse label when <paramref name="label"/> is its label, and the reverse.</param>
    /// <returns>The verb phrase.</returns>
    public static string Of(string label, bool past, string? other = null)
    {
        var space = label.IndexOf(' ', StringComparison.Ordinal);
        var (first, rest) = space < 0 ? (label, string.Empty) : (label[..space], label[space..]);
        if (IsPresentTense(first))
        {
            return past ? PastOf(first) + rest : label;
        }

        var passive = FollowedBy(rest, "by") || (FollowedBy(rest, "to") && other is not null && !other.Contains(' ', StringComparison.Ordinal) && IsPresentTense(other));
        if (!passive && (first.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || IrregularPast.Contains(first)))
        {
            return label;
        }

        var article = Articles.GetValueOrDefault(first) ?? string.Empty;
        return (past ? "was " : "is ") + article + label;
    }

    private static bool FollowedBy(string rest, string word) =>
        rest.StartsWith(" " + word, StringComparison.Ordinal) && (rest.Length == word.Length + 1 || rest[word.Length + 1] == ' ');

    private static bool IsPresentTense(string word) =>
        (word.Length > 2 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) || Irregular.ContainsKey(word);

    private static string PastOf(string verb)
    {
        if (Irregular.TryGetValue(verb, out var past))
        {
            return past;
        }

        if (verb.EndsWith("ies", StringComparison.Ordinal))
        {
            return verb[..^3] + "ied";
        }

        if (verb.EndsWith("sses", StringComparison.Ordinal) || verb.EndsWith("shes", StringComparison.Ordinal)
            || verb.EndsWith("ches", StringComparison.Ordinal) || verb.EndsWith("xes", StringComparison.Ordinal) || verb.EndsWith("zzes", StringComparison.Ordinal))
        {
            return verb[..^2] + "ed";
        }

        var stem = verb[..^1];
        if (stem.EndsWith('e'))
        {
            return stem + "d";
        }

        // One syllable ending consonant-vowel-consonant doubles its last letter: "bans" → "banned", "ships" → "shipped".
        return DoublesLastLetter(stem) ? stem + stem[^1] + "ed" : stem + "ed";
    }

    private static bool DoublesLastLetter(string stem)
    {
        var vowelGroups = stem.Where((c, i) => IsVowel(c) && (i == 0 || !IsVowel(stem[i - 1]))).Count();
        return vowelGroups == 1 && stem.Length >= 3 && !IsVowel(stem[^3]) && IsVowel(stem[^2]) && !IsVowel(stem[^1]) && stem[^1] is not ('w' or 'x' or 'y');

        static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
    }
}

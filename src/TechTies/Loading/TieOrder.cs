using System.Globalization;

namespace TechTies.Loading;

/// <summary>
/// Sorts ties in ordinal order of their ids (<c>from/type/to[/contract][#n]</c>, see
/// <see cref="Tie.MakeId"/>) without making the id strings.
/// </summary>
/// <remarks>
/// Why comparing parts gives the order of the whole strings: ids are slugs (<c>a-z</c>, <c>0-9</c>, <c>-</c>) and
/// type names are <c>a-z</c>, <c>0-9</c>, <c>_</c>, so no part holds <c>/</c> or <c>#</c>. Two ids whose starts
/// differ differ first inside <c>from + "/"</c> (neither of two such texts is a prefix of the other), so they are in
/// the order of <c>from + "/"</c>, which is not the order of <c>from</c> itself (<c>a-b/</c> sorts before <c>a/</c>);
/// the same holds for <c>type + "/"</c>. The rest, <c>to[/contract]</c>, is compared as the text it is. A parallel
/// number <c>#n</c> decides only between equal rests: a rest that is a proper prefix of another is followed by the
/// end or <c>#</c>, both below every character that can follow it in the longer one.
/// </remarks>
internal static class TieOrder
{
    /// <summary>The contract that is part of a tie's id: only a <c>contracts_with</c> tie's.</summary>
    public static Contract? ContractInId(RelationshipType type, Contract? contract) =>
        contract is not null && type.Name == "contracts_with" ? contract : null;

    /// <summary>
    /// The permutation that puts <paramref name="ties"/> in ordinal order of id; <paramref name="entities"/> holds
    /// every entity a tie names.
    /// </summary>
    public static int[] Sort(IReadOnlyList<Tie> ties, IReadOnlyCollection<Entity> entities, IEnumerable<RelationshipType> types)
    {
        var entityRank = RankFollowedBySlash(entities, e => e.Id);
        var typeRank = RankFollowedBySlash(types, t => t.Name);

        // First by the start and type packed in one number, then each run of equal numbers by the rest.
        var keys = new long[ties.Count];
        var order = new int[ties.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)entityRank[ties[i].From] << 32) | (uint)typeRank[ties[i].Type];
            order[i] = i;
        }

        Array.Sort(keys, order);
        // Ties with equal ids but for their numbers stay in the order given (the order written, for the loader to number them).
        Comparison<int> byRest = (a, b) => CompareRest(ties[a], ties[b]) is var c && c != 0 ? c : a.CompareTo(b);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                order.AsSpan(start, end - start).Sort(byRest);
            }

            start = end;
        }

        return order;
    }

    /// <summary>Whether two ties have the same id but for a parallel number: the same ends, type and contract in the id.</summary>
    public static bool SameIdParts(Tie a, Tie b) =>
        ReferenceEquals(a.From, b.From) && ReferenceEquals(a.Type, b.Type) && ReferenceEquals(a.To, b.To)
        && ReferenceEquals(ContractInId(a.Type, a.Contract), ContractInId(b.Type, b.Contract));

    /// <summary>
    /// Ordinal order of <c>to[/contract]</c>, the part of two ids after equal <c>from/type/</c> and before a parallel
    /// number (the ties sorted are not numbered yet: see <see cref="CompareParallel"/>).
    /// </summary>
    internal static int CompareRest(Tie a, Tie b) =>
        CompareToAndContract(a.To.Id, ContractInId(a.Type, a.Contract)?.Id, b.To.Id, ContractInId(b.Type, b.Contract)?.Id);

    /// <summary>
    /// Ordinal order of the ids of parallel ties (the same but for <c>#n</c>): the first, with no number, then the
    /// others as the text of their numbers (<c>#10</c> before <c>#2</c>).
    /// </summary>
    public static int CompareParallel(Tie a, Tie b) =>
        a.Parallel == b.Parallel ? 0 : a.Parallel == 1 ? -1 : b.Parallel == 1 ? 1
            : string.CompareOrdinal(a.Parallel.ToString(CultureInfo.InvariantCulture), b.Parallel.ToString(CultureInfo.InvariantCulture));

    // Ordinal order of toA + ("/" + contractA) and toB + ("/" + contractB), the contract parts being optional.
    private static int CompareToAndContract(string toA, string? contractA, string toB, string? contractB)
    {
        var common = toA.AsSpan().CommonPrefixLength(toB);
        if (common < toA.Length && common < toB.Length)
        {
            return toA[common].CompareTo(toB[common]);
        }

        if (toA.Length == toB.Length)
        {
            return contractA is null ? (contractB is null ? 0 : -1) : contractB is null ? 1 : Math.Sign(string.CompareOrdinal(contractA, contractB));
        }

        // One end id is a proper prefix of the other: what follows the shorter one (the end, or "/") meets a character of the longer.
        return toA.Length < toB.Length
            ? (contractA is null ? -1 : '/'.CompareTo(toB[common]))
            : (contractB is null ? 1 : toA[common].CompareTo('/'));
    }

    // Each item's place in ordinal order of its text followed by "/".
    private static Dictionary<T, int> RankFollowedBySlash<T>(IEnumerable<T> items, Func<T, string> text)
        where T : class
    {
        var array = items.ToArray();
        var texts = array.Select(text).ToArray();
        Array.Sort(texts, array, Comparer<string>.Create(CompareFollowedBySlash));
        var rank = new Dictionary<T, int>(array.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < array.Length; i++)
        {
            rank[array[i]] = i;
        }

        return rank;
    }

    // Ordinal order of a + "/" and b + "/" for texts without "/".
    private static int CompareFollowedBySlash(string a, string b)
    {
        var common = a.AsSpan().CommonPrefixLength(b);
        if (common < a.Length && common < b.Length)
        {
            return a[common].CompareTo(b[common]);
        }

        return a.Length == b.Length ? 0 : a.Length < b.Length ? '/'.CompareTo(b[common]) : a[common].CompareTo('/');
    }
}

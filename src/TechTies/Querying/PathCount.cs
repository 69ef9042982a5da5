namespace TechTies;

/// <summary>
/// How many paths a pattern query matches, counted without building them
/// (<see cref="GraphQueries.Count(TechTiesGraph, Querying.PathQuery)"/>): the number of paths
/// <see cref="GraphQueries.Query(TechTiesGraph, Querying.PathQuery)"/> finds when its limit is lifted. Immutable.
/// </summary>
public sealed class PathCount
{
    internal PathCount(long count, string query, string? truncationReason)
    {
        Count = count;
        Query = query;
        TruncationReason = truncationReason;
    }

    /// <summary>
    /// The number of paths, with parallel ties grouped into one step as the query says. When <see cref="IsTruncated"/>,
    /// the number found before the search stopped.
    /// </summary>
    public long Count { get; }

    /// <summary>The query in its normalized text form.</summary>
    public string Query { get; }

    /// <summary>
    /// Whether the expansion budget or the time limit stopped the search early, so that more paths may exist than
    /// <see cref="Count"/> says; <see cref="TruncationReason"/> says which.
    /// </summary>
    public bool IsTruncated => TruncationReason is not null;

    /// <summary>Which limit stopped the search; <see langword="null"/> when it ran to the end.</summary>
    public string? TruncationReason { get; }

    /// <summary>The count in words, with the truncation note when the search was cut.</summary>
    /// <returns>The text, such as <c>429632 paths</c>.</returns>
    public override string ToString() =>
        $"{Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} path{(Count == 1 ? string.Empty : "s")}{(IsTruncated ? $" (truncated: {TruncationReason})" : string.Empty)}";
}

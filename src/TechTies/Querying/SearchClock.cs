using System.Diagnostics;

namespace TechTies.Querying;

/// <summary>
/// The time limit of one search. It reads the clock on the first expansion and then every 1024, so an unlimited
/// search costs one comparison per step and a limited one a clock read per thousand steps.
/// </summary>
internal readonly struct SearchClock(TimeSpan? limit)
{
    private readonly long start = Stopwatch.GetTimestamp();

    public bool IsOver(long expansions) =>
        limit is { } max && (expansions & 1023) == 1 && Stopwatch.GetElapsedTime(start) >= max;

    /// <summary>
    /// <see cref="IsOver"/> for a search that counted many expansions at once, from <paramref name="before"/> to
    /// <paramref name="after"/>: it reads the clock when one of the expansions it skipped would have.
    /// </summary>
    public bool IsOverWithin(long before, long after) =>
        limit is { } max && ((before - 1) >> 10) != ((after - 1) >> 10) && Stopwatch.GetElapsedTime(start) >= max;
}

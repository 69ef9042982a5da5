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
}

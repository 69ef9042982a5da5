using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TechTies;

/// <summary>How much of a <see cref="PartialDate"/> is known.</summary>
public enum DatePrecision
{
    /// <summary>Only the year is known, as in <c>2018</c>.</summary>
    Year,

    /// <summary>The year and month are known, as in <c>2018-07</c>.</summary>
    Month,

    /// <summary>The full calendar date is known, as in <c>2018-07-31</c>.</summary>
    Day,
}

/// <summary>
/// A calendar date known to the year, the month or the day, as sources state it (<c>2018</c>, <c>2018-07</c>,
/// <c>2018-07-31</c>). The precision is kept: <c>2018</c> and <c>2018-01-01</c> are different values.
/// </summary>
/// <remarks>
/// A partial date stands for the whole period it names: <see cref="Start"/> is its first day and <see cref="End"/>
/// its last day, both inclusive. Ordering compares <see cref="Start"/> first, then the coarser precision first,
/// so <c>2018</c> sorts before <c>2018-01</c>, which sorts before <c>2018-01-01</c>. Immutable and thread safe.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.PartialDateJsonConverter))]
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>, IComparable
{
    private readonly short year;
    private readonly byte month;
    private readonly byte day;

    /// <summary>Creates a date known to the year.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    public PartialDate(int year)
        : this(year, 0, 0)
    {
    }

    /// <summary>Creates a date known to the month.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    public PartialDate(int year, int month)
        : this(year, month, 0)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be between 1 and 12.");
        }
    }

    /// <summary>Creates a date known to the day.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month, valid for that month and year.</param>
    public PartialDate(int year, int month, int day)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be between 1 and 9999.");
        }

        if (month is < 0 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be between 1 and 12.");
        }

        if (day != 0 && (month == 0 || day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"The day must be a valid day of {year:D4}-{month:D2}.");
        }

        this.year = (short)year;
        this.month = (byte)month;
        this.day = (byte)day;
    }

    /// <summary>The year.</summary>
    public int Year => year == 0 ? 1 : year;

    /// <summary>The month (1 to 12), or <see langword="null"/> when only the year is known.</summary>
    public int? Month => month == 0 ? null : month;

    /// <summary>The day of the month, or <see langword="null"/> when the precision is coarser than a day.</summary>
    public int? Day => day == 0 ? null : day;

    /// <summary>How much of the date is known.</summary>
    public DatePrecision Precision => day != 0 ? DatePrecision.Day : month != 0 ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day of the period this date names (inclusive).</summary>
    public DateOnly Start => new(Year, month == 0 ? 1 : month, day == 0 ? 1 : day);

    /// <summary>The last day of the period this date names (inclusive).</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        DatePrecision.Month => new DateOnly(Year, month, DateTime.DaysInMonth(Year, month)),
        _ => new DateOnly(Year, month, day),
    };

    /// <summary>Whether this is <c>default(PartialDate)</c>, which no constructor or parse makes: it reads as the year 0001, but no one meant it.</summary>
    internal bool IsDefault => year == 0;

    /// <summary>Creates a date known to the day from a <see cref="DateOnly"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The partial date with day precision.</returns>
    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Whether <paramref name="date"/> falls within the period this date names.</summary>
    /// <param name="date">The day to test.</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> ≤ <paramref name="date"/> ≤ <see cref="End"/>.</returns>
    public bool Contains(DateOnly date) => Start <= date && date <= End;

    /// <summary>Whether the whole period of <paramref name="other"/> falls within this one (<c>2018</c> contains <c>2018-07</c>).</summary>
    /// <param name="other">The date to test.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> lies entirely inside this period.</returns>
    public bool Contains(PartialDate other) => Start <= other.Start && other.End <= End;

    /// <summary>
    /// Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c> (four-digit years, two-digit months and days).
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The date.</returns>
    /// <exception cref="FormatException">The text is not a valid partial date.</exception>
    public static PartialDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a partial date: expected YYYY, YYYY-MM or YYYY-MM-DD, such as 2018, 2018-07 or 2018-07-31.");
    }

    /// <summary>Parses a partial date without throwing.</summary>
    /// <param name="text">The text to parse: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</param>
    /// <param name="date">The parsed date.</param>
    /// <returns><see langword="true"/> when the text is a valid partial date.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate date)
    {
        date = default;
        if (text is null || (text.Length != 4 && text.Length != 7 && text.Length != 10))
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var y) || y < 1)
        {
            return false;
        }

        if (text.Length == 4)
        {
            date = new PartialDate(y);
            return true;
        }

        if (text[4] != '-' || !TryDigits(text, 5, 2, out var m) || m is < 1 or > 12)
        {
            return false;
        }

        if (text.Length == 7)
        {
            date = new PartialDate(y, m);
            return true;
        }

        if (text[7] != '-' || !TryDigits(text, 8, 2, out var d) || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new PartialDate(y, m, d);
        return true;
    }

    /// <summary>The ISO 8601 form at this date's precision: <c>2018</c>, <c>2018-07</c> or <c>2018-07-31</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{month:D2}-{day:D2}"),
    };

    /// <inheritdoc/>
    public bool Equals(PartialDate other) => Year == other.Year && month == other.month && day == other.day;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Year, month, day);

    /// <summary>Compares by <see cref="Start"/>, then coarser precision first.</summary>
    /// <param name="other">The date to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(PartialDate other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Precision.CompareTo(other.Precision);
    }

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        PartialDate other => CompareTo(other),
        _ => throw new ArgumentException("The object must be a PartialDate.", nameof(obj)),
    };

    /// <summary>Equality of year, month, day and precision.</summary>
    /// <param name="left">The left date.</param>
    /// <param name="right">The right date.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    /// <summary>Inequality of year, month, day or precision.</summary>
    /// <param name="left">The left date.</param>
    /// <param name="right">The right date.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    /// <summary>Orders as <see cref="CompareTo(PartialDate)"/>.</summary>
    /// <param name="left">The left date.</param>
    /// <param name="right">The right date.</param>
    /// <returns>Whether left sorts before right.</returns>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    /// <summary>Orders as <see cref="CompareTo(PartialDate)"/>.</summary>
    /// <param name="left">The left date.</param>
    /// <param name="right">The right date.</param>
    /// <returns>Whether left sorts after right.</returns>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    /// <summary>Orders as <see cref="CompareTo(PartialDate)"/>.</summary>
    /// <param name="left">The left date.</param>
    /// <param name="right">The right date.</param>
    /// <returns>Whether left sorts before or equal to right.</returns>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    /// <summary>Orders as <see cref="CompareTo(PartialDate)"/>.</summary>
    /// <param name="left">The left date.</param>
    /// <param name="right">The right date.</param>
    /// <returns>Whether left sorts after or equal to right.</returns>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    /// <summary>The problem with a default date given to a query as <paramref name="given"/>, and what to give instead.</summary>
    internal static string DefaultProblem(string given, string noFilter) =>
        $"{given} is default(PartialDate), which is no date (it would filter as the year 0001): pass a date such as new PartialDate(2018, 8, 1) or PartialDate.Parse(\"2018-08\"), or {noFilter} for no date filter.";

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}

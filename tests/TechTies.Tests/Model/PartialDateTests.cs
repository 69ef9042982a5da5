using FsCheck.Xunit;

namespace TechTies.Tests.Model;

public class PartialDateTests
{
    [Property(Arbitrary = [typeof(ModelGenerators)])]
    public bool Formatting_then_parsing_gives_back_the_same_date_and_precision(PartialDate date)
    {
        var parsed = PartialDate.Parse(date.ToString());
        return parsed == date && parsed.Precision == date.Precision && parsed.ToString() == date.ToString();
    }

    [Property]
    public bool Only_the_canonical_text_of_a_date_parses(string text) =>
        !PartialDate.TryParse(text, out var date) || date.ToString() == text;

    [Property(Arbitrary = [typeof(ModelGenerators)])]
    public bool A_date_contains_its_first_and_last_day_and_nothing_outside_them(PartialDate date) =>
        date.Contains(date.Start) && date.Contains(date.End) && date.Start <= date.End
        && (date.Start == DateOnly.MinValue || !date.Contains(date.Start.AddDays(-1)))
        && (date.End == DateOnly.MaxValue || !date.Contains(date.End.AddDays(1)))
        && date.Contains(date);

    [Property(Arbitrary = [typeof(NearbyDates)])]
    public bool Comparison_is_antisymmetric_and_zero_exactly_for_equal_dates(PartialDate a, PartialDate b) =>
        Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a))
        && (a.CompareTo(b) == 0) == (a == b)
        && (a == b) == a.Equals((object)b)
        && (a != b || a.GetHashCode() == b.GetHashCode());

    [Property(Arbitrary = [typeof(NearbyDates)])]
    public bool Comparison_is_transitive(PartialDate a, PartialDate b, PartialDate c) =>
        !(a <= b && b <= c) || a <= c;

    [Property(Arbitrary = [typeof(NearbyDates)])]
    public bool A_date_sorts_before_every_other_date_it_contains(PartialDate a, PartialDate b) =>
        !a.Contains(b) || a == b || a < b;

    [Property(Arbitrary = [typeof(NearbyDates)])]
    public bool Containment_is_containment_of_every_day(PartialDate a, PartialDate b) =>
        a.Contains(b) == (a.Contains(b.Start) && a.Contains(b.End));

    [Property(Arbitrary = [typeof(NearbyDates)])]
    public bool Dates_sort_by_their_first_day_then_coarser_first(PartialDate a, PartialDate b) =>
        a.Start != b.Start
            ? (a < b) == (a.Start < b.Start)
            : Math.Sign(a.CompareTo(b)) == Math.Sign(a.Precision.CompareTo(b.Precision));

    [Theory]
    [InlineData("2018", DatePrecision.Year, "2018-01-01", "2018-12-31")]
    [InlineData("2018-07", DatePrecision.Month, "2018-07-01", "2018-07-31")]
    [InlineData("2016-02", DatePrecision.Month, "2016-02-01", "2016-02-29")]
    [InlineData("2018-07-31", DatePrecision.Day, "2018-07-31", "2018-07-31")]
    [InlineData("0001", DatePrecision.Year, "0001-01-01", "0001-12-31")]
    public void A_partial_date_names_a_period_from_its_first_to_its_last_day(string text, DatePrecision precision, string start, string end)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), date.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.End);
    }

    [Theory]
    [InlineData("2018-13")]
    [InlineData("2018-00")]
    [InlineData("2018-02-30")]
    [InlineData("2019-02-29")]
    [InlineData("0000")]
    [InlineData("18")]
    [InlineData("2018-7")]
    [InlineData("2018-07-1")]
    [InlineData("2018/07/31")]
    [InlineData(" 2018")]
    [InlineData("２０１８")]
    [InlineData("")]
    public void Anything_but_yyyy_yyyy_mm_or_yyyy_mm_dd_is_rejected(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
        var exception = Assert.Throws<FormatException>(() => PartialDate.Parse(text));
        Assert.Contains("expected YYYY, YYYY-MM or YYYY-MM-DD", exception.Message);
    }

    [Fact]
    public void The_same_day_at_different_precisions_are_different_values()
    {
        Assert.NotEqual(new PartialDate(2018), new PartialDate(2018, 1, 1));
        Assert.True(new PartialDate(2018) < new PartialDate(2018, 1) && new PartialDate(2018, 1) < new PartialDate(2018, 1, 1));
    }
}

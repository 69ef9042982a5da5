using FsCheck;
using FsCheck.Fluent;

namespace TechTies.Tests.Model;

/// <summary>FsCheck generators for the model's value types.</summary>
public static class ModelGenerators
{
    private static readonly string[] CurrencyCodes = ["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "MXN", "BHD"];

    public static Gen<PartialDate> PartialDateGen { get; } =
        from year in Gen.Choose(1, 9999)
        from precision in Gen.Elements(DatePrecision.Year, DatePrecision.Month, DatePrecision.Day)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, DateTime.DaysInMonth(year, month))
        select precision switch
        {
            DatePrecision.Year => new PartialDate(year),
            DatePrecision.Month => new PartialDate(year, month),
            _ => new PartialDate(year, month, day),
        };

    /// <summary>Dates near each other, so that containment and equal starts happen often.</summary>
    public static Gen<PartialDate> NearbyPartialDateGen { get; } =
        from year in Gen.Choose(2017, 2019)
        from precision in Gen.Elements(DatePrecision.Year, DatePrecision.Month, DatePrecision.Day)
        from month in Gen.Choose(1, 3)
        from day in Gen.Elements(1, 2, 28)
        select precision switch
        {
            DatePrecision.Year => new PartialDate(year),
            DatePrecision.Month => new PartialDate(year, month),
            _ => new PartialDate(year, month, day),
        };

    public static Gen<Money> MoneyGen { get; } =
        from units in Gen.Choose(0, int.MaxValue)
        from thousands in Gen.Choose(0, 999_999)
        from cents in Gen.Choose(0, 99)
        from negative in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from decimals in Gen.Elements(0, 1, 2)
        from currency in Gen.Elements(CurrencyCodes)
        let whole = ((decimal)units * 1_000_000m) + thousands
        let amount = decimals == 0 ? whole : whole + (cents / (decimals == 1 ? 10m : 100m))
        select new Money(negative ? -amount : amount, currency);

    public static Arbitrary<PartialDate> PartialDates() => PartialDateGen.ToArbitrary();

    public static Arbitrary<Money> Money() => MoneyGen.ToArbitrary();
}

/// <summary>Pairs of nearby dates, for ordering and containment properties.</summary>
public static class NearbyDates
{
    public static Arbitrary<PartialDate> PartialDates() => ModelGenerators.NearbyPartialDateGen.ToArbitrary();
}

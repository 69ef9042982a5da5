using FsCheck.Xunit;

namespace TechTies.Tests.Model;

public sealed class MoneyAdditionTests
{
    [Fact]
    public void Amounts_in_one_currency_add_exactly()
    {
        Assert.Equal(Money.Parse("USD 39590900.32"), Money.Parse("USD 39340900.82") + Money.Parse("USD 249999.50"));
        Assert.Equal(Money.Parse("USD 0.3"), Money.Parse("USD 0.1").Add(Money.Parse("USD 0.2")));
    }

    [Fact]
    public void Adding_amounts_in_different_currencies_is_an_error_that_names_both()
    {
        var e = Assert.Throws<ArgumentException>(() => Money.Parse("USD 5") + Money.Parse("EUR 3"));

        Assert.Equal("Cannot add USD 5 and EUR 3: the currencies differ (USD and EUR). Sum each currency apart; TechTies never converts between currencies. (Parameter 'other')", e.Message);
    }

    [Property(Arbitrary = [typeof(ModelGenerators)])]
    public bool Addition_in_one_currency_is_the_decimal_sum_and_commutes(Money a, Money b)
    {
        var c = new Money(b.Amount / 1000m, a.Currency);
        return (a + c).Amount == a.Amount + c.Amount && (a + c) == (c + a) && (a + c).Currency == a.Currency;
    }
}

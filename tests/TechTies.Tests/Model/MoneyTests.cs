using System.Globalization;
using FsCheck.Xunit;

namespace TechTies.Tests.Model;

public class MoneyTests
{
    [Property(Arbitrary = [typeof(ModelGenerators)])]
    public bool Formatting_then_parsing_gives_back_the_same_money(Money money) =>
        Money.Parse(money.ToString()) == money && Money.Parse(money.ToString()).ToString() == money.ToString();

    [Property(Arbitrary = [typeof(ModelGenerators)])]
    public bool Thousands_separators_do_not_change_an_amount(Money money)
    {
        var amount = Math.Abs(money.Amount);
        var grouped = amount.ToString("#,0.##", CultureInfo.InvariantCulture);
        return Money.Parse($"{money.Currency} {grouped}") == new Money(amount, money.Currency);
    }

    [Property]
    public bool The_canonical_amount_is_the_one_read_back_from_the_canonical_text(int low, int mid, bool negative, byte scale, bool scaled)
    {
        // Amounts with trailing zeros in their scale, as "39.30 million" or "USD 1000.00" parse to, and zeros of any sign.
        var amount = new decimal(low, mid % 1000, 0, negative, (byte)(scale % 29));
        if (scaled)
        {
            amount *= 1_000_000m;
        }

        var money = new Money(amount, "EUR");
        var canonical = money.Canonical();
        var readBack = Money.Parse(money.ToString());
        return decimal.GetBits(canonical.Amount).SequenceEqual(decimal.GetBits(readBack.Amount)) && canonical.Currency == readBack.Currency;
    }

    [Theory]
    [InlineData("-0")]
    [InlineData("USD -0.00")]
    [InlineData("0.000 million")]
    [InlineData("39.30 million")]
    [InlineData("$1,000.50")]
    public void Canonical_amounts_of_written_forms_match_their_canonical_text(string text)
    {
        var money = Money.Parse(text);
        Assert.Equal(decimal.GetBits(Money.Parse(money.ToString()).Amount), decimal.GetBits(money.Canonical().Amount));
    }

    [Property]
    public bool A_scale_word_multiplies_the_number(ushort whole, byte tenths)
    {
        var number = whole + ((tenths % 10) / 10m);
        var text = number.ToString("0.#", CultureInfo.InvariantCulture);
        return Money.Parse($"${text}M") == new Money(number * 1_000_000m, "USD")
            && Money.Parse($"{text} million") == new Money(number * 1_000_000m, "USD")
            && Money.Parse($"EUR {text} billion") == new Money(number * 1_000_000_000m, "EUR")
            && Money.Parse($"£{text}k") == new Money(number * 1_000m, "GBP");
    }

    [Property]
    public bool Parsing_any_text_either_succeeds_or_says_what_was_expected(string text)
    {
        if (text is null)
        {
            return true;
        }

        try
        {
            var money = Money.Parse(text);
            return Money.Parse(money.ToString()) == money;
        }
        catch (FormatException e)
        {
            return e.Message.Contains(text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("39000000", "USD", "39000000")]
    [InlineData("USD 39 million", "USD", "39000000")]
    [InlineData("$39M", "USD", "39000000")]
    [InlineData("39.3 million", "USD", "39300000")]
    [InlineData("$19.4 million", "USD", "19400000")]
    [InlineData("USD 39340900.82", "USD", "39340900.82")]
    [InlineData("$250,000", "USD", "250000")]
    [InlineData("39,000,000", "USD", "39000000")]
    [InlineData("1,234,567.89", "USD", "1234567.89")]
    [InlineData("GBP 12,345.5", "GBP", "12345.5")]
    [InlineData("5 Million", "USD", "5000000")]
    [InlineData("-$1,000", "USD", "-1000")]
    [InlineData("EUR 5 billion", "EUR", "5000000000")]
    [InlineData("€5bn", "EUR", "5000000000")]
    [InlineData("£2k", "GBP", "2000")]
    [InlineData("5 million GBP", "GBP", "5000000")]
    [InlineData("USD39M", "USD", "39000000")]
    [InlineData("  $39M  ", "USD", "39000000")]
    public void The_forms_people_write_are_accepted(string text, string currency, string amount)
    {
        var money = Money.Parse(text);

        Assert.Equal(new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), currency), money);
        Assert.True(Money.TryParse(text, out var parsed));
        Assert.Equal(money, parsed);
    }

    [Theory]
    [InlineData("45-12x")]
    [InlineData("about $5M")]
    [InlineData("39 millions")]
    [InlineData("1,23")]
    [InlineData("1,2345")]
    [InlineData("1234,567")]
    [InlineData("1,234,56")]
    [InlineData("1,,234")]
    [InlineData("1,234.5.6")]
    [InlineData("1,234,")]
    [InlineData("USD")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("$")]
    [InlineData("39.")]
    [InlineData(".5")]
    [InlineData("39 million USD dollars")]
    [InlineData("1e6")]
    [InlineData("$5M-$10M")]
    [InlineData("5 trillion")]
    public void Anything_else_is_rejected(string text)
    {
        Assert.False(Money.TryParse(text, out _));
        var exception = Assert.Throws<FormatException>(() => Money.Parse(text));
        Assert.Contains("not an amount of money", exception.Message);
    }

    [Theory]
    [InlineData("XYZ 5 million")]
    [InlineData("5 million ABC")]
    public void An_unknown_currency_code_is_rejected_by_name(string text)
    {
        var exception = Assert.Throws<FormatException>(() => Money.Parse(text));

        Assert.Contains("is not an ISO 4217 currency code", exception.Message);
    }

    [Fact]
    public void A_number_too_large_for_a_decimal_is_rejected_not_thrown()
    {
        var exception = Assert.Throws<FormatException>(() => Money.Parse("79,228,162,514,264,337,593,543,950,335 billion"));

        Assert.Contains("too large", exception.Message);
    }

    [Fact]
    public void Equal_amounts_with_different_trailing_zeros_are_equal_money()
    {
        Assert.Equal(Money.Parse("USD 39.0"), Money.Parse("USD 39"));
        Assert.Equal(Money.Parse("USD 39.0").GetHashCode(), Money.Parse("USD 39").GetHashCode());
        Assert.Equal("USD 39", Money.Parse("USD 39.00").ToString());
    }

    [Fact]
    public void A_currency_is_a_known_iso_code()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Money(5m, "usd"));

        Assert.Equal("currency", exception.ParamName);
    }

    [Fact]
    public void Default_money_is_zero_us_dollars()
    {
        Assert.Equal("USD 0", default(Money).ToString());
    }
}

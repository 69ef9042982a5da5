namespace TechTies.Tests.Hostile;

/// <summary>Values that the loader once accepted wrongly: amounts rounded away to nothing, amounts too large to hold.</summary>
public sealed class HostileValueTests
{
    [Theory]
    [InlineData("USD 0.00000000000000000000000000000001")]
    [InlineData("USD 0.0000001")]
    [InlineData("0.0000000000001 million")]
    public void An_amount_with_more_decimal_places_than_money_has_is_an_error_not_a_rounded_amount(string amount)
    {
        var e = Assert.Throws<GraphLoadException>(() => HostileGraphs.Load($"techties: 1\ncompanies:\n  a: {{ name: A }}\n  b: {{ name: B }}\nagencies:\n  g: {{ name: G }}\ncontracts:\n  c:\n    title: C\n    vendor: a\n    agency: g\n    amount: \"{amount}\"\n"));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("TT0052", 12), (error.Code, error.Line));
        Assert.Contains("has more decimal places than an amount of money may have: at most 6", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USD 0.000001", "USD 0.000001")]
    [InlineData("USD 39.25 million", "USD 39250000")]
    [InlineData("0.0000001 billion", "USD 100")]
    public void Amounts_within_six_decimal_places_still_load(string amount, string expected)
    {
        Assert.Equal(expected, Money.Parse(amount).ToString());
    }

    [Fact]
    public void An_amount_too_large_for_a_decimal_says_it_is_too_large()
    {
        var e = Assert.Throws<FormatException>(() => Money.Parse("USD 99999999999999999999999999999"));

        Assert.Equal("'USD 99999999999999999999999999999' is too large an amount of money.", e.Message);
    }
}

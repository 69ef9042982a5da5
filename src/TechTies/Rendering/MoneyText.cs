using System.Globalization;

namespace TechTies.Rendering;

/// <summary>Money as people write it: <c>$39 million</c>, <c>$19.4 million</c>, <c>$249,999.50</c>, <c>$250,000</c>.</summary>
internal static class MoneyText
{
    public static string Format(Money money)
    {
        var symbol = Symbol(money);
        var amount = Math.Abs(money.Amount);
        var sign = money.Amount < 0 ? "-" : string.Empty;

        // Round figures read in words; exact figures (such as award values to the cent) stay exact.
        foreach (var (scale, word) in new[] { (1_000_000_000m, "billion"), (1_000_000m, "million") })
        {
            if (amount >= scale && amount % (scale / 10) == 0)
            {
                return $"{sign}{symbol}{(amount / scale).ToString("0.#", CultureInfo.InvariantCulture)} {word}";
            }
        }

        return sign + symbol + Digits(amount);
    }

    /// <summary>Every digit, grouped, whatever the figure: <c>$53,000,000</c>, <c>$39,340,900.82</c>; as a field's value reads.</summary>
    public static string FormatExact(Money money) => (money.Amount < 0 ? "-" : string.Empty) + Symbol(money) + Digits(Math.Abs(money.Amount));

    /// <summary>A field's canonical text as people read it: money fields exact (<see cref="FormatExact"/>), anything else as it is.</summary>
    public static string FormatField(string field, string value) =>
        IsMoneyField(field) && Money.TryParse(value, out var money) ? FormatExact(money) : value;

    public static string FormatClaim(string field, string value) =>
        IsMoneyField(field) && Money.TryParse(value, out var money) ? Format(money) : value;

    private static bool IsMoneyField(string field) => field is "amount" or "obligated" or "current_value" or "potential_value";

    private static string Symbol(Money money) => money.Currency switch { "USD" => "$", "EUR" => "€", "GBP" => "£", _ => money.Currency + " " };

    private static string Digits(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture);
}

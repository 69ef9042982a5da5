using System.Globalization;

namespace TechTies.Rendering;

/// <summary>Money as people write it: <c>$39 million</c>, <c>$19.4 million</c>, <c>$249,999.50</c>, <c>$250,000</c>.</summary>
internal static class MoneyText
{
    public static string Format(Money money)
    {
        var symbol = money.Currency switch { "USD" => "$", "EUR" => "€", "GBP" => "£", _ => money.Currency + " " };
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

        var format = amount == decimal.Truncate(amount) ? "#,##0" : "#,##0.00";
        return sign + symbol + amount.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string FormatClaim(string field, string value) =>
        field is "amount" or "obligated" or "current_value" or "potential_value" && Money.TryParse(value, out var money) ? Format(money) : value;
}

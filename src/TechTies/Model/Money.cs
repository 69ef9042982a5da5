using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TechTies;

/// <summary>
/// An amount of money: a <see cref="decimal"/> amount in an ISO 4217 currency. Never a floating-point number.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Parse"/> reads the forms people write: <c>39000000</c>, <c>39,000,000</c>, <c>USD 39 million</c>,
/// <c>USD 39340900.82</c>, <c>$39M</c>, <c>$19.4 million</c>, <c>39.3 million</c>, <c>EUR 5 billion</c>, <c>£2k</c>.
/// Without a currency the amount is in US dollars. Scale words are <c>thousand</c> (<c>k</c>), <c>million</c>
/// (<c>m</c>, <c>mn</c>) and <c>billion</c> (<c>b</c>, <c>bn</c>); symbols are <c>$</c> (USD), <c>€</c> (EUR) and
/// <c>£</c> (GBP). Anything else, such as <c>45-12x</c> or <c>about $5M</c>, is rejected.
/// </para>
/// <para>
/// <see cref="ToString"/> gives the canonical form <c>USD 39340900.82</c>, which <see cref="Parse"/> reads back to
/// an equal value. Equality compares the currency and the numeric value (<c>39.0</c> equals <c>39</c>).
/// </para>
/// <para>
/// The canonical form is for machines: every export (JSON, YAML, CSV, GraphML, GEXF, node-link, Cytoscape, Neo4j),
/// the JSON converter and the command line's JSON write it, and the JSON Schema requires it, so it does not change.
/// Path renderings for people (sentences, tables) format amounts as <c>$249,999.50</c> or <c>$39 million</c>.
/// </para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.MoneyJsonConverter))]
public readonly struct Money : IEquatable<Money>
{
    private readonly string? currency;

    /// <summary>Creates an amount of money.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">An ISO 4217 currency code such as <c>USD</c> (three uppercase letters, a known code).</param>
    public Money(decimal amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        // The code list's own string, so that many amounts share one.
        if (!Currencies.TryGetShared(currency, out var shared))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code such as USD or EUR.", nameof(currency));
        }

        Amount = amount;
        this.currency = shared;
    }

    /// <summary>The amount, in units of <see cref="Currency"/>.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 currency code, such as <c>USD</c>.</summary>
    public string Currency => currency ?? "USD";

    /// <summary>Parses money in one of the forms listed on <see cref="Money"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not an amount of money.</exception>
    public static Money Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var money, out var error, "USD", LosslessOnly) ? money : throw new FormatException(error);
    }

    /// <summary>Parses money without throwing.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="money">The amount when parsing succeeded.</param>
    /// <returns><see langword="true"/> when the text is an amount of money.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Money money) => TryParse(text, out money, out _, "USD", LosslessOnly);

    internal static bool TryParse(string? text, out Money money, out string error, string defaultCurrency = "USD") =>
        TryParse(text, out money, out error, defaultCurrency, MaxDecimalPlaces);

    /// <summary>Parses money; more than <paramref name="maxPlaces"/> decimal places, or digits a decimal cannot hold exactly, is an error.</summary>
    internal static bool TryParse(string? text, out Money money, out string error, string defaultCurrency, int maxPlaces)
    {
        money = default;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return NotMoney(text, out error);
        }

        // Read as spans: an amount is parsed for every contract of spending data; the Money keeps the code list's own string.
        var rest = text.AsSpan().Trim();
        string? code = null;

        // A leading or trailing ISO code, or a leading currency symbol.
        if (rest.Length > 3 && IsCodeShape(rest[..3]) && (rest[3] == ' ' || IsNumberStart(rest[3])))
        {
            code = rest[..3].ToString();
            rest = rest[3..].TrimStart();
        }
        else if (rest.Length > 4 && IsCodeShape(rest[^3..]) && rest[^4] == ' ')
        {
            code = rest[^3..].ToString();
            rest = rest[..^4].TrimEnd();
        }

        var negative = false;
        if (rest is ['-', ..])
        {
            negative = true;
            rest = rest[1..];
        }

        if (rest.Length > 0 && code is null)
        {
            code = rest[0] switch { '$' => "USD", '€' => "EUR", '£' => "GBP", _ => null };
            if (code is not null)
            {
                rest = rest[1..];
            }
        }

        if (code is not null && !Currencies.IsKnown(code))
        {
            error = $"'{code}' in '{text}' is not an ISO 4217 currency code: expected a code such as USD, EUR or GBP.";
            return false;
        }

        // The number, then an optional scale word.
        var end = 0;
        while (end < rest.Length && (char.IsAsciiDigit(rest[end]) || rest[end] == ',' || rest[end] == '.'))
        {
            end++;
        }

        var number = rest[..end];
        var scaleWord = rest[end..].Trim();
        if (!IsGroupedNumber(number))
        {
            return NotMoney(text, out error);
        }

        if (!TryParseDigits(number, out var value))
        {
            // Digits with at most one point that decimal cannot hold: more than its 28 or 29 digits.
            error = $"'{text}' is too large an amount of money.";
            return false;
        }

        decimal scale = scaleWord switch
        {
            [] => 1m,
            _ when Is(scaleWord, "k") || Is(scaleWord, "thousand") => 1_000m,
            _ when Is(scaleWord, "m") || Is(scaleWord, "mn") || Is(scaleWord, "million") => 1_000_000m,
            _ when Is(scaleWord, "b") || Is(scaleWord, "bn") || Is(scaleWord, "billion") => 1_000_000_000m,
            _ => 0m,
        };
        if (scale == 0m)
        {
            return NotMoney(text, out error);
        }

        // Decimal rounds digits it cannot hold, silently (0.000…0001 becomes 0): more decimal places than any currency
        // has, and a few beyond, is a mistake to report, not to round.
        if (DecimalPlaces(number, scale) > maxPlaces)
        {
            error = $"'{text}' has more decimal places than an amount of money may have: at most {MaxDecimalPlaces} (a currency's minor units, such as cents, and a few digits more).";
            return false;
        }

        if (DecimalPlaces(number, 1m) > value.Scale)
        {
            error = $"'{text}' has more digits than an amount of money can hold exactly: at most 28.";
            return false;
        }

        try
        {
            var amount = value * scale;
            money = new Money(negative ? -amount : amount, code ?? defaultCurrency);
            return true;
        }
        catch (OverflowException)
        {
            error = $"'{text}' is too large an amount of money.";
            return false;
        }
    }

    /// <summary>
    /// This amount as <see cref="Parse(string)"/> reads it back from <see cref="ToString"/>: the same value without
    /// trailing zeros in its scale (39.30 million is stored as 39300000, as from its canonical text).
    /// </summary>
    internal Money Canonical()
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(Amount, bits);
        var mantissa = (uint)bits[0] | ((UInt128)(uint)bits[1] << 32) | ((UInt128)(uint)bits[2] << 64);
        var scale = Amount.Scale;
        if (mantissa == 0)
        {
            return new Money(0m, Currency);
        }

        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        return new Money(new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), bits[3] < 0, scale), Currency);
    }

    /// <summary>The canonical form, <c>USD 39340900.82</c>: the code, a space, the amount without grouping or trailing zeros.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Currency + " " + Amount.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>
    /// The sum of two amounts in the same currency, exact (decimal addition: no rounding below 28 significant
    /// digits). Amounts in different currencies are never added: that is an error, as no exchange rate is implied.
    /// </summary>
    /// <param name="other">An amount in the same currency.</param>
    /// <returns>The sum, in that currency.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum is beyond the range of <see cref="decimal"/>.</exception>
    public Money Add(Money other)
    {
        if (Currency != other.Currency)
        {
            throw new ArgumentException($"Cannot add {this} and {other}: the currencies differ ({Currency} and {other.Currency}). Sum each currency apart; TechTies never converts between currencies.", nameof(other));
        }

        return new Money(Amount + other.Amount, Currency);
    }

    /// <summary>The sum of two amounts in the same currency (see <see cref="Add"/>).</summary>
    /// <param name="left">The left amount.</param>
    /// <param name="right">An amount in the same currency.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum is beyond the range of <see cref="decimal"/>.</exception>
    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Equality of amount and currency.</summary>
    /// <param name="left">The left amount.</param>
    /// <param name="right">The right amount.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality of amount or currency.</summary>
    /// <param name="left">The left amount.</param>
    /// <param name="right">The right amount.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    private static bool IsCodeShape(ReadOnlySpan<char> span) => span.Length == 3 && char.IsAsciiLetterUpper(span[0]) && char.IsAsciiLetterUpper(span[1]) && char.IsAsciiLetterUpper(span[2]);

    private static bool IsNumberStart(char c) => char.IsAsciiDigit(c) || c == '-';

    private static bool NotMoney(string? text, out string error)
    {
        error = $"'{text}' is not an amount of money: expected forms such as 39000000, USD 39 million, $39M or 39.3 million.";
        return false;
    }

    /// <summary>The most decimal places an amount in a file may have: the most minor units of any currency (4) and two more.</summary>
    internal const int MaxDecimalPlaces = 6;

    // Parse and TryParse read back any amount ToString writes (a Money made in code may have 28 decimal places): they
    // refuse only digits a decimal would round away.
    private const int LosslessOnly = int.MaxValue;

    // The decimal places of the amount the number and its scale word make (39.25 million has none).
    private static int DecimalPlaces(ReadOnlySpan<char> number, decimal scale)
    {
        var point = number.IndexOf('.');
        var fraction = point < 0 ? [] : number[(point + 1)..].TrimEnd('0');
        var shift = scale switch { 1_000m => 3, 1_000_000m => 6, 1_000_000_000m => 9, _ => 0 };
        return fraction.Length - shift;
    }

    private static bool Is(ReadOnlySpan<char> word, string expected) => word.Equals(expected, StringComparison.OrdinalIgnoreCase);

    // A grouped number without its commas (it has at most as many characters as the text).
    private static bool TryParseDigits(ReadOnlySpan<char> number, out decimal value)
    {
        if (number.Length > 64)
        {
            return decimal.TryParse(number.ToString().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        Span<char> digits = stackalloc char[number.Length];
        var length = 0;
        foreach (var c in number)
        {
            if (c != ',')
            {
                digits[length++] = c;
            }
        }

        return decimal.TryParse(digits[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    // Digits with an optional decimal part; commas only as thousands separators (1,234,567.89).
    private static bool IsGroupedNumber(ReadOnlySpan<char> number)
    {
        if (number.Length == 0 || !char.IsAsciiDigit(number[0]))
        {
            return false;
        }

        var point = number.IndexOf('.');
        var whole = point < 0 ? number : number[..point];
        if (point >= 0)
        {
            var fraction = number[(point + 1)..];
            if (fraction.Length == 0 || fraction.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
        }

        // Groups after the first comma are of three digits; the first of one to three.
        var comma = whole.IndexOf(',');
        if (comma < 0)
        {
            return !whole.ContainsAnyExceptInRange('0', '9');
        }

        if (comma is < 1 or > 3 || whole[..comma].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        for (var at = comma; at < whole.Length; at += 4)
        {
            if (at + 4 > whole.Length || whole[at] != ',' || whole.Slice(at + 1, 3).ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
        }

        return true;
    }
}

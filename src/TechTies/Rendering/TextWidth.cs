namespace TechTies.Rendering;

/// <summary>
/// How wide a line of text is drawn in the pictures' font: Liberation Sans, Arial or Helvetica, which share one set of
/// advance widths (Liberation Sans was made to match Arial's). Widths are in thousandths of the font size; a character
/// outside the table counts as wide (an em for East Asian scripts and symbols, 0.6 em for other letters), so that a
/// guess errs on the side of room.
/// </summary>
internal static class TextWidth
{
    // Advance widths of ' ' to '~' (U+0020 to U+007E) in Arial Regular and Arial Bold, per 1000 units of the font size.
    private static readonly short[] Regular =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static readonly short[] Bold =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ];

    /// <summary>The font-family list the pictures name: the three metric-compatible faces, then any sans-serif.</summary>
    public const string FontFamily = "'Liberation Sans', Arial, Helvetica, sans-serif";

    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/> pixels, with a small margin for hinting and kerning differences.</summary>
    public static double Of(string text, double size, bool bold = false)
    {
        var table = bold ? Bold : Regular;
        var units = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            units += c is >= 0x20 and <= 0x7E ? table[c - 0x20]
                : c is 0xA0 ? table[0]
                : c is 0x2013 ? 556
                : c is 0x2014 or 0x2026 ? 1000
                : c is 0x2019 or 0x2018 ? 222
                : c is 0x201C or 0x201D ? 333
                : IsWide(c) ? 1000
                : 620;
        }

        return units * size / 1000 * 1.04;
    }

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/> at spaces (a word longer than a line is cut).</summary>
    public static List<string> Wrap(string text, double width, double size, bool bold = false)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Of(candidate, size, bold) <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (Of(line, size, bold) > width && line.Length > 1)
            {
                var cut = line.Length - 1;
                while (cut > 1 && Of(line[..cut], size, bold) > width)
                {
                    cut--;
                }

                lines.Add(line[..cut]);
                line = line[cut..];
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="width"/>, ending in an ellipsis when cut.</summary>
    public static string Fit(string text, double width, double size, bool bold = false)
    {
        if (Of(text, size, bold) <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 1 && Of(string.Concat(text.AsSpan(0, cut), "\u2026"), size, bold) > width)
        {
            cut--;
        }

        // Never split a surrogate pair.
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "\u2026");
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F000;
}

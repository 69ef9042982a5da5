using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;

namespace TechTies.Rendering;

/// <summary>Renders money totals: a text table, sentences with footnotes, Markdown, HTML with a bar chart, SVG and CSV.</summary>
internal static class TotalsRenderer
{
    private const int CharWidth = 7;
    private const int BarRow = 26;
    private const int BarMax = 420;
    private const int Padding = 10;

    /// <summary>An exact amount as people read it: <c>$39,590,900.32</c>, <c>€1,200.00</c>, <c>CAD 5.00</c>; every digit kept.</summary>
    public static string Amount(Money money)
    {
        var symbol = money.Currency switch { "USD" => "$", "EUR" => "€", "GBP" => "£", _ => money.Currency + " " };
        var sign = money.Amount < 0 ? "-" : string.Empty;
        return sign + symbol + Math.Abs(money.Amount).ToString("#,##0.00##########################", CultureInfo.InvariantCulture);
    }

    /// <summary>Amounts in several currencies, joined: <c>$5.00 and €3.00</c>; <c>no value</c> for none.</summary>
    public static string Amounts(IReadOnlyList<Money> totals) => totals.Count == 0 ? "no value" : Join(totals.Select(Amount).ToList());

    public static string Text(MoneyTotals totals, bool withContracts)
    {
        var header = new[] { "rank", "name", "total", "contracts", "without value" };
        var rows = new List<string[]>();
        foreach (var group in totals.AllGroups())
        {
            var amounts = group.Totals.IsEmpty ? ["–"] : group.Totals.Select(Amount).ToList();
            rows.Add([group.IsOthers ? string.Empty : Number(group.Rank), OneLine(group.Name), amounts[0], Number(group.ContractCount), Number(group.WithoutValue)]);
            rows.AddRange(amounts.Skip(1).Select(a => new[] { string.Empty, string.Empty, a, string.Empty, string.Empty }));
            if (withContracts)
            {
                // One line per contract, under its group, outside the columns: [id, value, title].
                rows.AddRange(group.Contracts.Select(c => new[] { c.Contract.Id, (c.Value is { } v ? Amount(v) : "no value") + (c.IsDisputed ? " (disputed)" : string.Empty), OneLine(c.Contract.Title) }));
            }
        }

        var table = rows.Where(r => r.Length == header.Length).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => table.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        var text = new StringBuilder(Title(totals)).Append('\n');
        if (rows.Count == 0)
        {
            text.Append("No contract matches.\n");
        }
        else
        {
            text.Append(Row(header, widths)).Append('\n');
            foreach (var row in rows)
            {
                text.Append(row.Length == header.Length ? Row(row, widths) : $"      - {row[0]}: {row[1]}, {row[2]}").Append('\n');
            }
        }

        text.Append(Summary(totals)).Append('\n');
        foreach (var warning in totals.Warnings)
        {
            text.Append("Note: ").Append(warning).Append('\n');
        }

        return text.ToString();

        // Names left-aligned, numbers right-aligned.
        static string Row(string[] cells, int[] widths) =>
            string.Join("  ", cells.Select((cell, c) => c == 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
    }

    public static string Sentences(MoneyTotals totals)
    {
        var notes = new PathRenderer.Footnotes(totals.Graph);
        var text = new StringBuilder();
        if (totals.ContractCount == 0)
        {
            text.Append(NoContract(totals)).Append('\n');
        }

        var number = 0;
        foreach (var group in totals.AllGroups())
        {
            text.Append(CultureInfo.InvariantCulture, $"{++number}. ").Append(GroupSentence(totals, group, notes)).Append('\n');
        }

        if (InAll(totals) is { } all)
        {
            text.Append(all).Append('\n');
        }

        foreach (var warning in totals.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"Note: {warning}\n");
        }

        notes.AppendSourcesTo(text);

        return text.ToString();
    }

    /// <summary>The sentences of a story page: one per group, then the grand total, citing into <paramref name="notes"/> (the warnings are the page's notes).</summary>
    public static IReadOnlyList<string> SentenceLines(MoneyTotals totals, PathRenderer.Footnotes notes)
    {
        var lines = new List<string>();
        if (totals.ContractCount == 0)
        {
            lines.Add(NoContract(totals));
        }

        lines.AddRange(totals.AllGroups().Select(group => GroupSentence(totals, group, notes)));
        if (InAll(totals) is { } all)
        {
            lines.Add(all);
        }

        return lines;
    }

    private static string NoContract(MoneyTotals totals) => $"No contract {Selection(totals)} was found.";

    private static string? InAll(MoneyTotals totals)
    {
        if (totals.ContractCount == 0 || !totals.AllGroups().Skip(1).Any())
        {
            return null;
        }

        var valued = totals.ContractCount - totals.WithoutValue;
        return $"In all: {Amounts(totals.GrandTotals)} across {Across(valued, totals.ContractCount)}{Missing(totals.WithoutValue, totals.Value)}{DisputedClause(totals.Disputed)}.";
    }

    public static string Markdown(MoneyTotals totals)
    {
        var md = new StringBuilder(Markup.MarkdownCell(Title(totals))).Append("\n\n| rank | name | total | contracts | without value |\n|---:|---|---:|---:|---:|\n");
        foreach (var group in totals.AllGroups())
        {
            md.Append(CultureInfo.InvariantCulture, $"| {(group.IsOthers ? string.Empty : Number(group.Rank))} | {Markup.MarkdownCell(group.Name)} | {Markup.MarkdownCell(Amounts(group.Totals))} | {Number(group.ContractCount)} | {Number(group.WithoutValue)} |\n");
        }

        md.Append('\n').Append(Markup.MarkdownCell(Summary(totals))).Append('\n');
        foreach (var warning in totals.Warnings)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n*Note: {Markup.MarkdownCell(warning)}*\n");
        }

        return md.ToString();
    }

    public static string Html(MoneyTotals totals)
    {
        var html = new StringBuilder("<div class=\"techties-totals\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<p><strong>{Markup.Html(Title(totals))}</strong></p>\n");
        if (totals.ContractCount > 0)
        {
            html.Append(totals.ToPicture().ToSvg());
        }

        html.Append("<table><thead><tr><th>rank</th><th>name</th><th>total</th><th>contracts</th><th>without value</th></tr></thead><tbody>\n");
        foreach (var group in totals.AllGroups())
        {
            var name = group.Entity is { } entity ? $"{Markup.Html(group.Name)} <small>({Markup.Html(entity.Id)})</small>" : Markup.Html(group.Name);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{(group.IsOthers ? string.Empty : Number(group.Rank))}</td><td>{name}</td><td style=\"text-align:right\">{string.Join("<br>", group.Totals.IsEmpty ? ["–"] : group.Totals.Select(t => Markup.Html(Amount(t))))}</td><td style=\"text-align:right\">{Number(group.ContractCount)}</td><td style=\"text-align:right\">{Number(group.WithoutValue)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Markup.Html(Summary(totals))}</p>\n");
        if (totals.RankCurrency is not null)
        {
            html.Append(Svg(totals)).Append('\n');
        }

        foreach (var warning in totals.Warnings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><em>Note: {Markup.Html(warning)}</em></p>\n");
        }

        return html.Append("</div>").ToString();
    }

    // Horizontal bars in the ranking currency: the name right-aligned before the bar, the amount after it. Widths come
    // from a fixed per-character estimate, as in the path pictures.
    public static string Svg(MoneyTotals totals)
    {
        var currency = totals.RankCurrency;
        var groups = totals.AllGroups().ToList();
        var names = groups.Select(g => Shorten(g.Name)).ToList();
        var amounts = groups.Select(g => currency is null ? null : g.TotalIn(currency)).ToList();
        var labels = amounts.Select(a => a is { } money ? Amount(money) : "no value").ToList();
        var nameWidth = (names.Select(n => n.Length).DefaultIfEmpty(0).Max() * CharWidth) + Padding;
        var largest = amounts.Select(a => a?.Amount ?? 0m).DefaultIfEmpty(0m).Max();
        var width = Padding + nameWidth + BarMax + 10 + (labels.Select(l => l.Length).DefaultIfEmpty(0).Max() * CharWidth) + Padding;
        var caption = currency is null ? "No contract states a value." : $"{FieldTitle(totals.Value)} in {currency}";
        var height = (Padding * 2) + 20 + (groups.Count * BarRow);
        var svg = new StringBuilder(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Math.Max(width, 200)}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"13\" class=\"techties-totals-chart\">\n"));
        svg.Append(Invariant($"<text x=\"{Padding}\" y=\"{Padding + 12}\" font-weight=\"bold\">{Escape(caption)}</text>\n"));
        for (var i = 0; i < groups.Count; i++)
        {
            var y = Padding + 20 + (i * BarRow);
            var share = largest > 0m && amounts[i] is { Amount: > 0m } money ? money.Amount / largest : 0m;
            var bar = (int)Math.Round(share * BarMax, MidpointRounding.AwayFromZero);
            var fill = groups[i].IsOthers ? "#b0b7c3" : "#4a6fa5";
            var barX = Padding + nameWidth;
            svg.Append(Invariant($"<text x=\"{barX - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{Escape(names[i])}</text>"))
                .Append(Invariant($"<rect x=\"{barX}\" y=\"{y + 3}\" width=\"{Math.Max(bar, 1)}\" height=\"{BarRow - 8}\" fill=\"{fill}\"/>"))
                .Append(Invariant($"<text x=\"{barX + Math.Max(bar, 1) + 6}\" y=\"{y + 15}\" font-size=\"12\">{Escape(labels[i])}</text>\n"));
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Csv(MoneyTotals totals)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(["rank", "id", "name", "currency", "total", "contracts", "without_value", "disputed"]);
            foreach (var group in totals.AllGroups())
            {
                // A group without any value still has its row, with the currency and total empty.
                IEnumerable<Money?> amounts = group.Totals.IsEmpty ? [null] : group.Totals.Select(t => (Money?)t);
                foreach (var amount in amounts)
                {
                    if (group.IsOthers)
                    {
                        csv.WriteField(string.Empty);
                    }
                    else
                    {
                        csv.WriteField(group.Rank, default);
                    }

                    csv.WriteField(group.Id);
                    csv.WriteField(group.Name);
                    csv.WriteField(amount?.Currency ?? string.Empty);
                    if (amount is { } money)
                    {
                        csv.WriteField(money.Amount, default);
                    }
                    else
                    {
                        csv.WriteField(string.Empty);
                    }

                    csv.WriteField(group.ContractCount, default);
                    csv.WriteField(group.WithoutValue, default);
                    csv.WriteField(group.Disputed, default);
                    csv.EndRecord();
                }
            }
        }

        return text.ToString();
    }

    /// <summary>What was summed, such as <c>Current value of contracts with U.S. Immigration and Customs Enforcement (with its parts), by parent, top 10 of 57</c>.</summary>
    public static string Title(MoneyTotals totals)
    {
        var by = totals.By == TotalsGrouping.None ? "not grouped" : "by " + totals.By.ToString().ToLowerInvariant();
        var shown = totals.Others is { } others ? $", top {Number(totals.Groups.Length)} of {Number(totals.Groups.Length + others.GroupCount)}" : string.Empty;
        return $"{FieldTitle(totals.Value)} of contracts {Selection(totals)}, {by}{shown}{Time(totals.Options)}";
    }

    // "Total: $1.00 across 3 contracts (2 with a current value); 1 states no current value; 1 value is disputed ..."
    private static string Summary(MoneyTotals totals)
    {
        var valued = totals.ContractCount - totals.WithoutValue;
        var text = new StringBuilder($"Total: {Amounts(totals.GrandTotals)} across {Count(totals.ContractCount, "contract")} ({Number(valued)} with {Article(FieldNoun(totals.Value))})");
        text.Append(CultureInfo.InvariantCulture, $"; {Number(totals.WithoutValue)} without {Article(FieldNoun(totals.Value))}");
        if (totals.Disputed > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {Count(totals.Disputed, "value")} disputed by sources (the preferred one is summed), in {Count(totals.DisputedTotals, "total")}");
        }

        if (totals.Undated > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {Count(totals.Undated, "undated contract")} kept by the date filter");
        }

        return text.ToString();
    }

    private static string GroupSentence(MoneyTotals totals, TotalsGroup group, PathRenderer.Footnotes notes)
    {
        var valued = group.ContractCount - group.WithoutValue;
        var field = totals.Value;
        var sources = notes.Cite(group.Contracts.SelectMany(c => c.Citations));
        var cite = sources.Length > 0 ? " " + sources : string.Empty;
        var paying = totals.By is TotalsGrouping.Agency or TotalsGrouping.Office or TotalsGrouping.Department;
        var agencies = totals.Agencies.IsEmpty ? "government agencies" : Join(totals.Agencies.Select(a => a.Name).ToList());
        var vendors = totals.Vendors.IsEmpty ? "companies" : Join(totals.Vendors.Select(v => v.Name).ToList()) + (totals.Options.WithSubsidiaries ? " (with subsidiaries)" : string.Empty);
        var subject = group.IsOthers ? Capitalized(group.Name) : totals.By switch
        {
            TotalsGrouping.Year => group.Id == "unknown" ? $"With no known start year, {vendors}" : $"In {group.Name}, {vendors}",
            TotalsGrouping.None => Capitalized(vendors),
            _ => group.Name,
        };
        if (valued == 0)
        {
            var verb = paying ? $"paid no stated {FieldNoun(field)} to {vendors}" : $"received no stated {FieldNoun(field)} from {agencies}";
            return $"{subject} {verb}: {(group.ContractCount == 1 ? "its 1 award states" : $"none of its {Number(group.ContractCount)} awards states")} {(group.ContractCount == 1 ? "none" : "one")}{cite}.";
        }

        var flow = paying ? $"paid {Amounts(group.Totals)} in {FieldPhrase(field)} to {vendors}" : $"received {Amounts(group.Totals)} in {FieldPhrase(field)} from {agencies}";
        return $"{subject} {flow} across {Across(valued, group.ContractCount)}{Missing(group.WithoutValue, field)}{DisputedClause(group.Disputed)}{cite}.";
    }

    private static string Across(int valued, int count) => valued == count ? Count(count, "award") : $"{Number(valued)} of {Count(count, "award")}";

    private static string Missing(int withoutValue, MoneyField field) =>
        withoutValue == 0 ? string.Empty : $"; {Count(withoutValue, "award")} {(withoutValue == 1 ? "states" : "state")} no {FieldNoun(field)}";

    private static string DisputedClause(int disputed) =>
        disputed == 0 ? string.Empty : $"; sources differ on {Count(disputed, "figure")}, and the preferred {(disputed == 1 ? "one is" : "ones are")} used";

    private static string Selection(MoneyTotals totals)
    {
        var vendors = totals.Options.Vendors.IsEmpty ? string.Empty : "of " + (totals.Vendors.IsEmpty ? "no vendor" : Join(totals.Vendors.Select(v => v.Name).ToList())) + (totals.Options.WithSubsidiaries ? " (with subsidiaries)" : string.Empty);
        var agencies = totals.Options.Agencies.IsEmpty ? string.Empty : "with " + (totals.Agencies.IsEmpty ? "no agency" : Join(totals.Agencies.Select(a => a.Name).ToList())) + " (with " + (totals.Agencies.Length == 1 ? "its" : "their") + " parts)";
        var both = string.Join(" ", new[] { vendors, agencies }.Where(s => s.Length > 0));
        return both.Length == 0 ? "of every vendor with every agency" : both;
    }

    private static string Time(TotalsOptions options) =>
        options.AsOf is { } asOf ? $", as of {asOf}" : options.DuringFrom is { } from ? $", during {from}..{options.DuringTo}" : string.Empty;

    public static string FieldTitle(MoneyField field) => field switch
    {
        MoneyField.Amount => "Amount",
        MoneyField.Obligated => "Obligated amount",
        MoneyField.CurrentValue => "Current value",
        _ => "Potential value",
    };

    private static string FieldNoun(MoneyField field) => field switch
    {
        MoneyField.Amount => "amount",
        MoneyField.Obligated => "obligated amount",
        MoneyField.CurrentValue => "current value",
        _ => "potential value",
    };

    private static string FieldPhrase(MoneyField field) => field switch
    {
        MoneyField.Amount => "contract amounts",
        MoneyField.Obligated => "obligations",
        MoneyField.CurrentValue => "current award value",
        _ => "potential award value",
    };

    private static string Article(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Count(int count, string noun) => $"{Number(count)} {noun}{(count == 1 ? string.Empty : "s")}";

    private static string Number(int n) => n.ToString("#,##0", CultureInfo.InvariantCulture);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Shorten(string text)
    {
        var oneLine = OneLine(text);
        return oneLine.Length <= 40 ? oneLine : string.Concat(oneLine.AsSpan(0, 39), "…");
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

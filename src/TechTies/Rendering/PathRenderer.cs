using System.Globalization;
using System.Text;

namespace TechTies.Rendering;

/// <summary>Renders a <see cref="PathSet"/> as sentences, Markdown, HTML, Mermaid and DOT.</summary>
internal static class PathRenderer
{
    private const string Dash = "\u2013";

    // Sentences: one numbered paragraph per path, one sentence per step (one per contract of a contracts_with
    // step), footnote numbers in order of first citation, then the list of sources.
    public static string Sentences(PathSet set, TechTiesGraph graph, DateOnly today)
    {
        var notes = new Footnotes(graph);
        var text = new StringBuilder(set.IsEmpty ? "No paths were found.\n" : string.Empty);
        for (var i = 0; i < set.Count; i++)
        {
            var sentences = set[i].Steps.SelectMany(step => StepSentences(step, notes, today));
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. ").AppendJoin(' ', sentences).Append('\n');
        }

        if (set.IsTruncated)
        {
            text.Append(CultureInfo.InvariantCulture, $"(Only some connections are shown: {set.TruncationReason}.)\n");
        }

        if (notes.Count > 0)
        {
            text.Append("\nSources:\n");
            foreach (var line in notes.Lines())
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Markdown(PathSet set)
    {
        var text = new StringBuilder("| Path | Step | From | Relationship | To | Dates | Amount | Sources |\n|---:|---:|---|---|---|---|---|---|\n");
        foreach (var (path, step, index, number) in Rows(set))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {number} | {index} | {Cell(step.From.Name)} | {Cell(step.Label)} | {Cell(step.To.Name)} | {Cell(Dates(step))} | {Cell(Amounts(step))} | {Cell(SourceIds(step))} |\n");
        }

        if (set.IsTruncated)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n*Truncated: {Cell(set.TruncationReason!)}.*\n");
        }

        return text.ToString();

        static string Cell(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }

    // HTML: the paths as sentences with footnotes, the sources as links, a picture, then the table of steps.
    public static string Html(PathSet set, TechTiesGraph graph, DateOnly today)
    {
        var notes = new Footnotes(graph);
        var text = new StringBuilder("<div class=\"techties-pathset\">\n");
        if (set.IsEmpty)
        {
            text.Append("<p>No paths were found.</p>\n");
        }
        else
        {
            text.Append("<ol class=\"techties-sentences\">\n");
            foreach (var path in set)
            {
                var sentences = path.Steps.SelectMany(step => StepSentences(step, notes, today));
                text.Append("<li>").Append(Markup.Html(string.Join(' ', sentences))).Append("</li>\n");
            }

            text.Append("</ol>\n").Append(PathPicture.Svg(set)).Append('\n');
        }

        if (notes.Count > 0)
        {
            text.Append("<p>Sources:</p>\n<ol class=\"techties-sources\">\n");
            foreach (var (source, reference) in notes.Sources())
            {
                text.Append("<li>").Append(Markup.HtmlLink(reference, source?.Url)).Append("</li>\n");
            }

            text.Append("</ol>\n");
        }

        return text.Append(Table(set)).Append("</div>\n").ToString();
    }

    private static string Table(PathSet set)
    {
        var text = new StringBuilder("<table class=\"techties-paths\">\n<thead><tr><th>Path</th><th>Step</th><th>From</th><th>Relationship</th><th>To</th><th>Dates</th><th>Amount</th><th>Sources</th></tr></thead>\n<tbody>\n");
        foreach (var (path, step, index, number) in Rows(set))
        {
            text.Append(CultureInfo.InvariantCulture, $"<tr><td>{number}</td><td>{index}</td><td>{E(step.From.Name)}</td><td>{E(step.Label)}</td><td>{E(step.To.Name)}</td><td>{E(Dates(step))}</td><td>{E(Amounts(step))}</td><td>{E(SourceIds(step))}</td></tr>\n");
        }

        text.Append("</tbody>\n</table>\n");
        if (set.IsTruncated)
        {
            text.Append(CultureInfo.InvariantCulture, $"<p class=\"techties-truncated\">Truncated: {E(set.TruncationReason!)}.</p>\n");
        }

        return text.ToString();

        static string E(string value) => Markup.Html(value);
    }

    // Each entity once, as n0, n1… in order of first appearance; each tie once, drawn in its own direction.
    public static string Mermaid(PathSet set)
    {
        var (nodes, ties) = Picture(set);
        var text = new StringBuilder("flowchart LR\n");
        foreach (var (entity, id) in nodes)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {id}[\"{MermaidText(entity.Name)}\"]\n");
        }

        foreach (var tie in ties)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {nodes[tie.From]} -->|\"{MermaidText(tie.Type.Label)}\"| {nodes[tie.To]}\n");
        }

        return text.ToString();

        static string MermaidText(string value)
        {
            var escaped = new StringBuilder();
            foreach (var c in value)
            {
                escaped.Append(c switch
                {
                    '"' => "#quot;",
                    '#' => "#35;",
                    '<' => "#lt;",
                    '>' => "#gt;",
                    '|' => "#124;",
                    '\n' => " ",
                    _ => c.ToString(),
                });
            }

            return escaped.ToString();
        }
    }

    public static string Dot(PathSet set)
    {
        var (nodes, ties) = Picture(set);
        var text = new StringBuilder("digraph techties {\n    rankdir=LR;\n");
        foreach (var entity in nodes.Keys)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {Q(entity.Id)} [label={Q(entity.Name)}];\n");
        }

        foreach (var tie in ties)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {Q(tie.From.Id)} -> {Q(tie.To.Id)} [label={Q(tie.Type.Label)}];\n");
        }

        return text.Append("}\n").ToString();

        static string Q(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }

    private static (Dictionary<Entity, string> Nodes, List<Tie> Ties) Picture(PathSet set)
    {
        var nodes = new Dictionary<Entity, string>();
        var ties = new List<Tie>();
        var seen = new HashSet<Tie>();
        foreach (var path in set)
        {
            foreach (var entity in path.Nodes)
            {
                if (!nodes.ContainsKey(entity))
                {
                    nodes[entity] = "n" + nodes.Count.ToString(CultureInfo.InvariantCulture);
                }
            }

            foreach (var tie in path.Steps.SelectMany(s => s.Ties))
            {
                if (seen.Add(tie))
                {
                    ties.Add(tie);
                }
            }
        }

        return (nodes, ties);
    }

    private static IEnumerable<(GraphPath Path, PathStep Step, int Index, int Number)> Rows(PathSet set) =>
        set.SelectMany((path, p) => path.Steps.Select((step, s) => (path, step, s + 1, p + 1)));

    // A tie reads in the past tense once it has ended, and its brackets say what `show` says of it, except "ended"
    // (the tense says that): dates, amount (a contract's is in its words), status.
    private static IEnumerable<string> StepSentences(PathStep step, Footnotes notes, DateOnly today)
    {
        foreach (var tie in step.Ties)
        {
            var past = IsPast(tie, today);
            if (tie.Contract is { } contract && tie.Type.Name == "contracts_with")
            {
                var amount = contract.Amount ?? contract.CurrentValue;
                var what = amount is { } money ? $"a {MoneyText.Format(money)} contract" : "a contract";
                yield return $"{tie.From.Name} {(past ? "had" : "has")} {what} with {tie.To.Name}{Details(tie, amount: null)} {Sources(tie.Citations.Concat(contract.Citations), notes)}{Disputes(DisputedClaims(tie), notes)}.";
            }
            else
            {
                var (from, label, to) = step.Direction == StepDirection.Forward ? (tie.From, tie.Type.Label, tie.To) : (tie.To, tie.Type.InverseLabel, tie.From);
                yield return $"{from.Name} {VerbPhrase.Of(label, past)} {to.Name}{Details(tie, tie.Amount)} {Sources(tie.Citations, notes)}{Disputes(DisputedClaims(tie), notes)}.";
            }
        }
    }

    private static string Details(Tie tie, Money? amount)
    {
        var parts = new List<string>();
        var span = Span(tie.Since, tie.Until).Trim().Trim('(', ')');
        if (span.Length > 0)
        {
            parts.Add(span);
        }

        if (amount is { } money)
        {
            parts.Add(MoneyText.Format(money));
        }

        if (tie.Status is not (TieStatus.Reported or TieStatus.Ended))
        {
            parts.Add(tie.Status.ToString().ToLowerInvariant());
        }

        return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
    }

    // A claim without a source says so, so that it cannot pass for a sourced one.
    private static string Sources(IEnumerable<Citation> citations, Footnotes notes) => notes.Cite(citations) is { Length: > 0 } cited ? cited : "[no source]";

    private static bool IsPast(Tie tie, DateOnly today) => tie.Status == TieStatus.Ended || (tie.Until is { } until && until.End < today);

    internal static string Span(PartialDate? since, PartialDate? until) => (since, until) switch
    {
        ({ } s, { } u) when s == u => $" ({s})",
        ({ } s, { } u) => $" ({s}{Dash}{u})",
        ({ } s, null) => $" (since {s})",
        (null, { } u) => $" (until {u})",
        _ => string.Empty,
    };

    private static string Disputes(IEnumerable<FieldClaims> claims, Footnotes notes)
    {
        var text = new StringBuilder();
        foreach (var field in claims)
        {
            var others = field.Claims.Where(c => !c.Preferred).Select(c => $"{MoneyText.FormatClaim(field.Field, c.Value)} according to {notes.Cite(c.Citations)}");
            var preferred = $"{MoneyText.FormatClaim(field.Field, field.Preferred.Value)} according to {notes.Cite(field.Preferred.Citations)}";
            text.Append(CultureInfo.InvariantCulture, $"; sources differ on the {field.Field.Replace('_', ' ')}: {preferred}, {string.Join(", ", others)}");
        }

        return text.ToString();
    }

    // The disputed fields behind what a rendering says of a tie: its own, its contract's, and, for a tie that takes its
    // dates from a protest (the targets, organizers and signatories a protest names), the protest's disputed dates.
    private static IEnumerable<FieldClaims> DisputedClaims(Tie tie)
    {
        var claims = tie.Contract is { } contract ? contract.FieldClaims.Concat(tie.FieldClaims) : tie.FieldClaims;
        return claims.Concat(ProtestDateClaims(tie)).Where(c => c.IsDisputed).DistinctBy(c => c.Field);
    }

    // A protest's ties carry its preferred dates (since: start or date, until: end or date) unless they give their own;
    // a date of the tie that is the protest's, with no claims of the tie's own on it, was taken from the protest.
    private static IEnumerable<FieldClaims> ProtestDateClaims(Tie tie)
    {
        foreach (var end in new[] { tie.From, tie.To })
        {
            if (end is not Protest protest)
            {
                continue;
            }

            if (tie.Since is { } since && since == (protest.Start ?? protest.Date) && tie.ClaimsFor("since") is null
                && protest.ClaimsFor(protest.Start is null ? "date" : "start") is { } sinceClaims)
            {
                yield return sinceClaims;
            }

            if (tie.Until is { } until && until == (protest.End ?? protest.Date) && tie.ClaimsFor("until") is null
                && protest.ClaimsFor(protest.End is null ? "date" : "end") is { } untilClaims)
            {
                yield return untilClaims;
            }
        }
    }

    private static string Dates(PathStep step) => string.Join("; ", step.Ties.Select(t => Span(t.Since, t.Until).Trim().Trim('(', ')')).Where(s => s.Length > 0).Distinct());

    private static string Amounts(PathStep step) => string.Join("; ", step.Ties.Select(t => t.Contract?.Amount ?? t.Amount).OfType<Money>().Select(MoneyText.Format));

    private static string SourceIds(PathStep step) => string.Join(", ", step.Citations.Select(c => c.Source).Distinct());

    /// <summary>Numbers sources in order of first citation.</summary>
    private sealed class Footnotes(TechTiesGraph graph)
    {
        private readonly List<string> order = [];

        public int Count => order.Count;

        public string Cite(IEnumerable<Citation> citations)
        {
            var numbers = citations.Select(c => c.Source).Distinct().Select(Number).Order();
            return string.Concat(numbers.Select(n => $"[{n.ToString(CultureInfo.InvariantCulture)}]"));
        }

        public IEnumerable<(Source? Source, string Reference)> Sources() => order.Select(id =>
            graph.TryGet(id, out var entity) && entity is Source source ? (source, source.Reference()) : ((Source?)null, id));

        public IEnumerable<string> Lines() => order.Select((id, i) =>
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (!graph.TryGet(id, out var entity) || entity is not Source source)
            {
                return $"[{number}] {id}";
            }

            return $"[{number}] {source.Reference()}";
        });

        private int Number(string id)
        {
            var i = order.IndexOf(id);
            if (i < 0)
            {
                order.Add(id);
                i = order.Count - 1;
            }

            return i + 1;
        }
    }
}

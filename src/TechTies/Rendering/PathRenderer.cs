using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TechTies.Diagrams;

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
            text.Append(CultureInfo.InvariantCulture, $"({Truncated(set)})\n");
        }

        foreach (var warning in set.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"Note: {warning}\n");
        }

        notes.AppendSourcesTo(text);

        return text.ToString();
    }

    // Tables: one row per tie, so that a step of several contracts gives each its own dates, amount, status and
    // sources on one line; the path and step numbers repeat.
    public static string Markdown(PathSet set)
    {
        var text = new StringBuilder("| ").AppendJoin(" | ", Row.Headers).Append(" |\n|---:|---:|")
            .AppendJoin(string.Empty, Enumerable.Repeat("---|", Row.Headers.Length - 2)).Append('\n');
        foreach (var row in Rows(set))
        {
            text.Append('|');
            foreach (var cell in row.Cells)
            {
                text.Append(' ').Append(Markup.MarkdownCell(cell)).Append(" |");
            }

            text.Append('\n');
        }

        if (set.IsTruncated)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n*Truncated: {Markup.MarkdownCell(set.TruncationReason!)}.*\n");
        }

        foreach (var warning in set.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n*Note: {Markup.MarkdownCell(warning)}*\n");
        }

        return text.ToString();
    }

    // HTML: the picture, the paths as sentences with footnotes, the sources as links, then the table of steps.
    public static string Html(PathSet set, TechTiesGraph graph, DateOnly today)
    {
        // The picture first, numbering the sources as the sentences after it do.
        var notes = new Footnotes(graph);
        var text = new StringBuilder("<div class=\"techties-pathset\">\n");
        if (!set.IsEmpty)
        {
            text.Append(PictureSvg.Write(set.ToPicture(), notes, footnotes: false));
        }

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

            text.Append("</ol>\n");
        }

        foreach (var warning in set.Warnings)
        {
            text.Append("<p class=\"techties-note\">Note: ").Append(Markup.Html(warning)).Append("</p>\n");
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

    internal static string Table(PathSet set)
    {
        var text = new StringBuilder("<table class=\"techties-paths\">\n<thead><tr>")
            .AppendJoin(string.Empty, Row.Headers.Select(h => $"<th>{h}</th>")).Append("</tr></thead>\n<tbody>\n");
        foreach (var row in Rows(set))
        {
            text.Append("<tr>");
            foreach (var cell in row.Cells)
            {
                text.Append("<td>").Append(Markup.Html(cell)).Append("</td>");
            }

            text.Append("</tr>\n");
        }

        text.Append("</tbody>\n</table>\n");
        if (set.IsTruncated)
        {
            text.Append(CultureInfo.InvariantCulture, $"<p class=\"techties-truncated\">Truncated: {Markup.Html(set.TruncationReason!)}.</p>\n");
        }

        return text.ToString();
    }

    // Each entity once, as n0, n1… in order of first appearance; parallel ties of one type merged, drawn in their own direction. Labels are
    // escaped as the Mermaid and DOT exports escape them (docs/export.md), by the same functions.
    public static string Mermaid(PathSet set)
    {
        var (nodes, ties) = Picture(set);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var mermaid = new MermaidWriter(text, "    ");
        mermaid.Open();
        foreach (var (entity, id) in nodes)
        {
            mermaid.Node(id, entity.Name);
        }

        foreach (var edge in Edges(ties))
        {
            mermaid.Edge(nodes[edge.From], nodes[edge.To], edge.Label);
        }

        // A comment for whoever reads the source, and a node for whoever sees the picture.
        if (set.IsTruncated)
        {
            mermaid.Comment("truncated: " + set.TruncationReason!);
            mermaid.Node("truncated", Truncated(set));
        }

        return text.ToString();
    }

    public static string Dot(PathSet set)
    {
        var (nodes, ties) = Picture(set);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var dot = new DotWriter(text, "    ");
        dot.Open("digraph techties");
        dot.Statement("rankdir=LR");
        foreach (var entity in nodes.Keys)
        {
            dot.Node(entity.Id, ("label", entity.Name));
        }

        foreach (var edge in Edges(ties))
        {
            dot.Edge(edge.From.Id, edge.To.Id, ("label", edge.Label));
        }

        if (set.IsTruncated)
        {
            dot.Statement("label=" + DotWriter.Quote(Truncated(set)));
        }

        dot.Close();
        return text.ToString();
    }

    /// <summary>What a picture of a truncated path set says under it, as the sentences say it.</summary>
    internal static string Truncated(PathSet set) => $"Only some {(set.IsConnection ? "connections" : "paths")} are shown: {set.TruncationReason}.";

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

    // Parallel ties of one type between the same two entities are one edge, labelled as in the picture ("3 contracts, $92.2M").
    private static IEnumerable<(Entity From, Entity To, string Label)> Edges(List<Tie> ties) =>
        ties.GroupBy(t => (t.From, t.To, t.Type)).Select(g => (g.Key.From, g.Key.To, DiagramLabels.Edge(g.Key.Type, [.. g])));

    private static IEnumerable<Row> Rows(PathSet set) =>
        set.SelectMany((path, p) => path.Steps.SelectMany((step, s) => step.Ties.Select(tie => Row.Of(p + 1, s + 1, step, tie))));

    // A tie reads in the past tense once it has ended, and its brackets say what `show` says of it, except "ended"
    // (the tense says that): dates, amount (a contract's is in its words), status.
    // A contract with no dates of its own (award data gives none) is not asserted in the present: it "had", as of the
    // latest date of its dated sources. Two ends of one name say their kinds, so that neither reads as the other.
    internal static IEnumerable<string> StepSentences(PathStep step, Footnotes notes, DateOnly today)
    {
        foreach (var tie in step.Ties)
        {
            var asOf = AsOfSource(tie, notes);
            var past = IsPast(tie, today) || asOf is not null;
            var (from, label, other, to) = step.Direction == StepDirection.Forward
                ? (tie.From, tie.Type.Label, tie.Type.InverseLabel, tie.To)
                : (tie.To, tie.Type.InverseLabel, tie.Type.Label, tie.From);
            var (fromName, toName) = Names(from, to);
            if (tie.Contract is not null && tie.Type.Name == "contracts_with")
            {
                (fromName, toName) = Names(tie.From, tie.To);
                var amount = AmountOf(tie);
                var what = amount is { } money ? $"a {MoneyText.Format(money)} contract" : "a contract";
                var verb = asOf is { } date ? $"had, as of {date}," : past ? "had" : "has";
                yield return $"{fromName} {verb} {what} with {toName}{Details(tie, amount: null)} {Sources(CitationsOf(tie), notes)}{Disputes(DisputedClaims(tie), notes)}.";
            }
            else
            {
                yield return $"{fromName} {VerbPhrase.Of(label, past, other)} {toName}{Details(tie, AmountOf(tie), asOf)} {Sources(CitationsOf(tie), notes)}{Disputes(DisputedClaims(tie), notes)}.";
            }
        }
    }

    // "Amazon Web Services Public Cloud (product) is covered by Amazon Web Services Public Cloud (contract)".
    private static (string From, string To) Names(Entity from, Entity to) =>
        string.Equals(from.Name, to.Name, StringComparison.OrdinalIgnoreCase)
            ? ($"{from.Name} ({from.Kind.ToName()})", $"{to.Name} ({to.Kind.ToName()})")
            : (from.Name, to.Name);

    // The date a tie made from a contract without dates is told as of: the latest publication date of its sources, when
    // one of them has one and the tie has not ended; otherwise null.
    private static PartialDate? AsOfSource(Tie tie, Footnotes notes)
    {
        if (tie.Contract is null || tie.Since is not null || tie.Until is not null || tie.Status == TieStatus.Ended)
        {
            return null;
        }

        var dates = CitationsOf(tie).Select(c => notes.Source(c.Source)?.Published).OfType<PartialDate>().ToList();
        return dates.Count == 0 ? null : dates.MaxBy(d => d.End);
    }

    private static string Details(Tie tie, Money? amount, PartialDate? asOf = null)
    {
        var parts = new List<string>();
        if (asOf is { } date)
        {
            parts.Add($"as of {date}");
        }

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
    internal static IEnumerable<FieldClaims> DisputedClaims(Tie tie)
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

    // "sources differ on the amount: also $41 million", or "sources differ: also …" when the field goes without saying;
    // each other value with its footnotes when `cite` is given (an entity card's).
    internal static string OtherValues(FieldClaims claims, string? field, Func<ImmutableArray<Citation>, string>? cite = null)
    {
        var others = string.Join("; ", claims.Claims.Where(c => !c.Preferred)
            .Select(c => cite is null ? MoneyText.FormatClaim(claims.Field, c.Value) : $"{MoneyText.FormatClaim(claims.Field, c.Value)} {cite(c.Citations)}".TrimEnd()));
        return field is null ? $"sources differ: also {others}" : $"sources differ on the {field}: also {others}";
    }

    // The amount a rendering gives a tie: its own or its contract's headline amount, else the contract's current value
    // (spending data gives only that).
    internal static Money? AmountOf(Tie tie) => DiagramLabels.AmountOf(tie);

    internal static IEnumerable<Citation> CitationsOf(Tie tie) => DiagramLabels.CitationsOf(tie);

    /// <summary>A table row: one tie of a step, the contract it was made from (by id), and the dates, amount and disputes the sentences give it.</summary>
    private sealed record Row(int Path, int Step, string From, string Relationship, string To, string Contract, string Dates, string Amount, string Status, string Sources)
    {
        private static readonly string[] DateFields = ["date", "start", "end", "since", "until"];

        /// <summary>The column headings, in the order of <see cref="Cells"/> (the first two are numbers).</summary>
        public static readonly string[] Headers = ["Path", "Step", "From", "Relationship", "To", "Contract", "Dates", "Amount", "Status", "Sources"];

        public IEnumerable<string> Cells =>
        [
            Path.ToString(CultureInfo.InvariantCulture), Step.ToString(CultureInfo.InvariantCulture), From, Relationship, To, Contract, Dates, Amount, Status, Sources,
        ];

        public static Row Of(int path, int index, PathStep step, Tie tie)
        {
            var amount = AmountOf(tie);
            var amountField = tie.Amount is null && amount is not null ? "current_value" : "amount";
            var disputed = DisputedClaims(tie).ToList();
            var dates = Span(tie.Since, tie.Until).Trim().Trim('(', ')')
                + string.Concat(disputed.Where(c => DateFields.Contains(c.Field)).Select(c => Also(c, c.Field == "date" ? null : c.Field)));
            var money = (amount is { } m ? MoneyText.Format(m) : string.Empty)
                + string.Concat(disputed.Where(c => c.Field == amountField).Select(c => Also(c, null)));
            var status = string.Join(' ', disputed.Where(c => !DateFields.Contains(c.Field) && c.Field != amountField).Select(c => Also(c, c.Field.Replace('_', ' ')))
                .Prepend(tie.Status == TieStatus.Reported ? string.Empty : tie.Status.ToString().ToLowerInvariant())).Trim();
            var sources = string.Join(", ", CitationsOf(tie).Select(c => c.Source).Distinct());
            return new Row(path, index, step.From.Name, step.Label, step.To.Name, tie.Contract?.Id ?? string.Empty, dates.Trim(), money.Trim(), status, sources.Length > 0 ? sources : "[no source]");
        }

        // "(sources differ: also $41 million)", naming the field when the cell could show more than one.
        private static string Also(FieldClaims claims, string? field) => $" ({OtherValues(claims, field)})";
    }

    /// <summary>Numbers sources in order of first citation.</summary>
    internal sealed class Footnotes(TechTiesGraph graph)
    {
        private readonly List<string> order = [];

        public int Count => order.Count;

        public string Cite(IEnumerable<Citation> citations) =>
            string.Concat(Numbers(citations).Select(n => $"[{n.ToString(CultureInfo.InvariantCulture)}]"));

        public IEnumerable<int> Numbers(IEnumerable<Citation> citations) => citations.Select(c => c.Source).Distinct().Select(Number).Order();

        public Source? Source(string id) => graph.TryGet(id, out var entity) ? entity as Source : null;

        public IEnumerable<(Source? Source, string Reference)> Sources() => order.Select(id =>
            graph.TryGet(id, out var entity) && entity is Source source ? (source, source.Reference()) : ((Source?)null, id));

        /// <summary>The plain-text source list under sentences: a blank line, "Sources:", then one numbered line each.</summary>
        public void AppendSourcesTo(StringBuilder text)
        {
            if (Count == 0)
            {
                return;
            }

            text.Append("\nSources:\n");
            foreach (var line in Lines())
            {
                text.Append(line).Append('\n');
            }
        }

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

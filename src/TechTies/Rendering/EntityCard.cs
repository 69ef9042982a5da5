using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace TechTies;

/// <summary>
/// Everything the graph says about one entity: its fields, its ties in both directions and the sources cited for
/// them, numbered for footnotes; for a source, also what cites it. Made by <see cref="TechTiesGraphExtensions.Card(TechTiesGraph, Entity)"/>. Immutable.
/// </summary>
public sealed class EntityCard
{
    internal EntityCard(TechTiesGraph graph, Entity entity)
    {
        Entity = entity;
        Outgoing = graph.TiesFrom(entity);
        Incoming = graph.TiesTo(entity);
        var cited = entity.Citations.Concat(entity.FieldClaims.SelectMany(c => c.Claims).SelectMany(c => c.Citations))
            .Concat(Outgoing.Concat(Incoming).SelectMany(t => t.Citations))
            .Select(c => c.Source)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Fields = [.. EntityFields.Of(entity).Select(f => KeyValuePair.Create(f.Field, f.Value))];
        Sources = [.. cited.Select(id => graph.TryGet(id, out var s) ? s as Source : null).OfType<Source>()];
        CitingTies = entity is Source ? graph.TiesCiting(entity) : [];
        CitingEntities = entity is Source ? graph.EntitiesCiting(entity) : [];
    }

    /// <summary>The entity.</summary>
    public Entity Entity { get; }

    /// <summary>The entity's kind-specific fields that have a value, as (YAML field name, canonical text), in format order.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The ties that start at the entity, ordered by type, then the other end.</summary>
    public ImmutableArray<Tie> Outgoing { get; }

    /// <summary>The ties that end at the entity, ordered by type, then the other end.</summary>
    public ImmutableArray<Tie> Incoming { get; }

    /// <summary>For a source, the ties that cite it (<see cref="TechTiesGraph.TiesCiting(Entity)"/>), in ordinal order of id; empty for other kinds.</summary>
    public ImmutableArray<Tie> CitingTies { get; }

    /// <summary>For a source, the entities that cite it (<see cref="TechTiesGraph.EntitiesCiting(Entity)"/>), in ordinal order of id; empty for other kinds.</summary>
    public ImmutableArray<Entity> CitingEntities { get; }

    /// <summary>The sources cited by the entity and its ties, in order of first citation; footnote n is <c>Sources[n - 1]</c>.</summary>
    public ImmutableArray<Source> Sources { get; }

    /// <summary>
    /// The card as plain text: header, fields (money as people read it, every digit: <c>$53,000,000</c>; <see cref="Fields"/>
    /// keeps the canonical <c>USD 53000000</c>), for a source the ties and entities citing it, ties with footnote numbers,
    /// then the numbered sources.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Entity.Name} ({Entity.Kind.ToName()} {Entity.Id})");
        if (!Entity.Aliases.IsEmpty)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  also known as: {string.Join(", ", Entity.Aliases)}");
        }

        foreach (var (field, value) in Fields)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {field}: {Readable(field, value)}{Disputes(Entity.ClaimsFor(field))}");
        }

        if (Entity.Description is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Entity.Description}");
        }

        if (!Entity.Citations.IsEmpty)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  sources: {Notes(Entity.Citations)}");
        }

        if (!CitingTies.IsEmpty)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Cited by {Count(CitingTies.Length, "tie")}");
            foreach (var (cited, details) in CitingRows().Take(CitingTies.Length))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {cited}{(details.Length == 0 ? string.Empty : $" ({details})")}");
            }
        }

        if (!CitingEntities.IsEmpty)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Cited by {Count(CitingEntities.Length, "entity")}");
            foreach (var (cited, details) in CitingRows().Skip(CitingTies.Length))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {cited}{(details.Length == 0 ? string.Empty : $" ({details})")}");
            }
        }

        if (!Outgoing.IsEmpty || !Incoming.IsEmpty)
        {
            text.AppendLine();
            text.AppendLine("Ties");
            foreach (var tie in Outgoing)
            {
                text.AppendLine(($"  {tie.Type.Label} {tie.To.Name} ({tie.To.Id}){Details(tie)} " + Notes(tie.Citations)).TrimEnd());
            }

            foreach (var tie in Incoming)
            {
                text.AppendLine(($"  {tie.Type.InverseLabel} {tie.From.Name} ({tie.From.Id}){Details(tie)} " + Notes(tie.Citations)).TrimEnd());
            }
        }

        if (!Sources.IsEmpty)
        {
            text.AppendLine();
            text.AppendLine("Sources");
            for (var i = 0; i < Sources.Length; i++)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  [{i + 1}] {Describe(Sources[i])}");
            }
        }

        return text.ToString();
    }

    /// <summary>The card as Markdown: a heading, a table of fields, for a source a table of the ties and entities citing it, a table of ties with footnotes, and the sources as a numbered list.</summary>
    /// <returns>The Markdown; all text from the data is escaped.</returns>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("### ").Append(Markup.MarkdownCell(Entity.Name)).Append(" (").Append(Entity.Kind.ToName()).Append(" `").Append(Entity.Id).AppendLine("`)").AppendLine();
        if (Entity.Description is not null)
        {
            md.AppendLine(Markup.MarkdownCell(Entity.Description)).AppendLine();
        }

        var rows = new List<(string, string)>();
        if (!Entity.Aliases.IsEmpty)
        {
            rows.Add(("also known as", string.Join(", ", Entity.Aliases)));
        }

        rows.AddRange(Fields.Select(f => (f.Key, Readable(f.Key, f.Value) + Disputes(Entity.ClaimsFor(f.Key)))));
        if (rows.Count > 0)
        {
            md.AppendLine("| field | value |").AppendLine("|---|---|");
            foreach (var (field, value) in rows)
            {
                md.Append("| ").Append(Markup.MarkdownCell(field)).Append(" | ").Append(Markup.MarkdownCell(value)).AppendLine(" |");
            }

            md.AppendLine();
        }

        if (CitingRows().Any())
        {
            md.AppendLine("| cited by | details |").AppendLine("|---|---|");
            foreach (var (cited, details) in CitingRows())
            {
                md.Append("| ").Append(Markup.MarkdownCell(cited)).Append(" | ").Append(Markup.MarkdownCell(details)).AppendLine(" |");
            }

            md.AppendLine();
        }

        if (!Outgoing.IsEmpty || !Incoming.IsEmpty)
        {
            md.AppendLine("| tie | entity | details | sources |").AppendLine("|---|---|---|---|");
            foreach (var (label, other, tie) in TieRows())
            {
                md.Append("| ").Append(Markup.MarkdownCell(label)).Append(" | ").Append(Markup.MarkdownCell($"{other.Name} ({other.Id})"))
                    .Append(" | ").Append(Markup.MarkdownCell(Details(tie).Trim().Trim('(', ')'))).Append(" | ").Append(Notes(tie.Citations)).AppendLine(" |");
            }

            md.AppendLine();
        }

        for (var i = 0; i < Sources.Length; i++)
        {
            md.Append(i + 1).Append(". ").AppendLine(Markup.MarkdownLink(Describe(Sources[i]), Sources[i].Url));
        }

        return md.ToString();
    }

    /// <summary>The card as an HTML fragment: the same content as <see cref="ToMarkdown"/>, with sources as links.</summary>
    /// <returns>The HTML; all text from the data is encoded.</returns>
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<div class=\"techties-card\"><h3>").Append(Markup.Html(Entity.Name)).Append(" <small>(").Append(Entity.Kind.ToName()).Append(' ').Append(Markup.Html(Entity.Id)).AppendLine(")</small></h3>");
        if (Entity.Description is not null)
        {
            html.Append("<p>").Append(Markup.Html(Entity.Description)).AppendLine("</p>");
        }

        html.AppendLine("<table><tbody>");
        if (!Entity.Aliases.IsEmpty)
        {
            html.Append("<tr><th>also known as</th><td>").Append(Markup.Html(string.Join(", ", Entity.Aliases))).AppendLine("</td></tr>");
        }

        foreach (var (field, value) in Fields)
        {
            html.Append("<tr><th>").Append(Markup.Html(field)).Append("</th><td>").Append(Markup.Html(Readable(field, value) + Disputes(Entity.ClaimsFor(field)))).AppendLine("</td></tr>");
        }

        html.AppendLine("</tbody></table>");
        if (CitingRows().Any())
        {
            html.AppendLine("<table class=\"techties-cited-by\"><thead><tr><th>cited by</th><th>details</th></tr></thead><tbody>");
            foreach (var (cited, details) in CitingRows())
            {
                html.Append("<tr><td>").Append(Markup.Html(cited)).Append("</td><td>").Append(Markup.Html(details)).AppendLine("</td></tr>");
            }

            html.AppendLine("</tbody></table>");
        }

        if (!Outgoing.IsEmpty || !Incoming.IsEmpty)
        {
            html.AppendLine("<table><thead><tr><th>tie</th><th>entity</th><th>details</th><th>sources</th></tr></thead><tbody>");
            foreach (var (label, other, tie) in TieRows())
            {
                html.Append("<tr><td>").Append(Markup.Html(label)).Append("</td><td>").Append(Markup.Html(other.Name)).Append(" <small>").Append(Markup.Html(other.Id))
                    .Append("</small></td><td>").Append(Markup.Html(Details(tie).Trim().Trim('(', ')'))).Append("</td><td>").Append(Markup.Html(Notes(tie.Citations))).AppendLine("</td></tr>");
            }

            html.AppendLine("</tbody></table>");
        }

        if (!Sources.IsEmpty)
        {
            html.AppendLine("<ol class=\"techties-sources\">");
            foreach (var source in Sources)
            {
                html.Append("<li>").Append(Markup.HtmlLink(Describe(source), source.Url)).AppendLine("</li>");
            }

            html.AppendLine("</ol>");
        }

        return html.AppendLine("</div>").ToString();
    }

    internal static string Describe(Source source) => source.Reference();

    private static string Count(int count, string what) => count == 1 ? $"1 {what}" : $"{count} {(what == "entity" ? "entities" : what + "s")}";

    // The ties citing the source in the arrow form of ids that neighbors prints (the entities citing it name them), then
    // the entities as "Name (kind id)"; each with the card's details of a tie, and the fields it cites the source for
    // when it cites it only in claims of those fields.
    private IEnumerable<(string Cited, string Details)> CitingRows()
    {
        foreach (var tie in CitingTies)
        {
            var details = Details(tie).Trim().Trim('(', ')');
            var only = OnlyFor(tie.Citations, tie.FieldClaims);
            yield return ($"{tie.From.Id} -> {tie.Type.Label} -> {tie.To.Id}", string.Join(", ", new[] { details, only }.Where(d => d.Length > 0)));
        }

        foreach (var entity in CitingEntities)
        {
            yield return (entity.ToString(), OnlyFor(entity.Citations, entity.FieldClaims));
        }
    }

    // "only for its date" when the source is cited in claims of fields and not for the whole tie or entity.
    private string OnlyFor(ImmutableArray<Citation> citations, ImmutableArray<FieldClaims> claims)
    {
        if (citations.Any(c => c.Source == Entity.Id))
        {
            return string.Empty;
        }

        var fields = claims.Where(f => f.Claims.Any(c => c.Citations.Any(x => x.Source == Entity.Id))).Select(f => f.Field.Replace('_', ' '));
        return $"only for its {string.Join(" and ", fields)}";
    }

    private IEnumerable<(string Label, Entity Other, Tie Tie)> TieRows() =>
        Outgoing.Select(t => (t.Type.Label, t.To, t)).Concat(Incoming.Select(t => (t.Type.InverseLabel, t.From, t)));

    // The same date and money wording as the path sentences: "(2015–2018)", "$39 million"; and, as they do, the values
    // the sources differ on (the tie's own, its contract's, or the dates it takes from a protest).
    private string Details(Tie tie)
    {
        var parts = new List<string>();
        var span = Rendering.PathRenderer.Span(tie.Since, tie.Until).Trim().Trim('(', ')');
        if (span.Length > 0)
        {
            parts.Add(span);
        }

        if (Rendering.PathRenderer.AmountOf(tie) is { } amount)
        {
            parts.Add(Rendering.MoneyText.Format(amount));
        }

        if (tie.Contract is { } contract && !ReferenceEquals(contract, tie.From))
        {
            parts.Add($"contract {contract.Id}");
        }

        if (tie.Status != TieStatus.Reported)
        {
            parts.Add(tie.Status.ToString().ToLowerInvariant());
        }

        parts.AddRange(Rendering.PathRenderer.DisputedClaims(tie).Select(c => Rendering.PathRenderer.OtherValues(c, c.Field.Replace('_', ' '), Notes)));

        return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
    }

    private string Notes(ImmutableArray<Citation> citations)
    {
        var numbers = citations.Select(c => Sources.IndexOf(Sources.FirstOrDefault(s => s.Id == c.Source)!) + 1).Where(n => n > 0).Distinct().Order();
        var text = string.Concat(numbers.Select(n => $"[{n}]"));
        return text;
    }

    // Money fields as people read them ("$53,000,000"); Fields keeps the canonical text ("USD 53000000") that JSON has.
    private static string Readable(string field, string value) => Rendering.MoneyText.FormatField(field, value);

    private string Disputes(FieldClaims? claims)
    {
        if (claims is null || !claims.IsDisputed)
        {
            return string.Empty;
        }

        var others = claims.Claims.Where(c => !c.Preferred).Select(c => $"{Readable(claims.Field, c.Value)} {Notes(c.Citations)}");
        return $" {Notes(claims.Preferred.Citations)} (sources differ: also {string.Join("; ", others)})";
    }
}

/// <summary>The kind-specific fields of an entity as (YAML field name, canonical text) pairs, in format order.</summary>
internal static class EntityFields
{
    public static IEnumerable<(string Field, string Value)> Of(Entity entity)
    {
        var fields = new List<(string, string?)>();
        switch (entity)
        {
            case Company c:
                fields.AddRange([("url", c.Url), ("founded", c.Founded?.ToString())]);
                fields.AddRange(c.Identifiers.Select(i => ("identifiers." + i.Key, (string?)i.Value)));
                break;
            case Agency a:
                fields.AddRange([("url", a.Url), ("founded", a.Founded?.ToString())]);
                fields.AddRange(a.Identifiers.Select(i => ("identifiers." + i.Key, (string?)i.Value)));
                break;
            case Group g:
                fields.AddRange([("url", g.Url), ("founded", g.Founded?.ToString())]);
                break;
            case Product p:
                fields.Add(("url", p.Url));
                break;
            case Contract k:
                fields.AddRange([
                    ("award_id", k.AwardId), ("vendor", k.VendorId), ("vendor_parent", k.VendorParentId), ("agency", k.AgencyId), ("office", k.OfficeId),
                    ("product", k.ProductIds.IsEmpty ? null : string.Join(", ", k.ProductIds)),
                    ("amount", k.Amount?.ToString()), ("obligated", k.Obligated?.ToString()), ("current_value", k.CurrentValue?.ToString()),
                    ("potential_value", k.PotentialValue?.ToString()), ("start", k.Start?.ToString()), ("end", k.End?.ToString()),
                ]);
                break;
            case Protest p:
                fields.AddRange([
                    ("kind", p.ProtestKind.ToString().ToLowerInvariant()), ("date", p.Date?.ToString()), ("start", p.Start?.ToString()),
                    ("end", p.End?.ToString()), ("place", p.Place), ("size", p.Size),
                ]);
                break;
            case Source s:
                fields.AddRange([
                    ("kind", s.SourceKind.ToString().ToLowerInvariant()), ("publisher", s.Publisher), ("author", s.Author),
                    ("published", s.Published?.ToString()), ("url", s.Url),
                ]);
                break;
        }

        return fields.Where(f => f.Item2 is not null).Select(f => (f.Item1, f.Item2!));
    }
}

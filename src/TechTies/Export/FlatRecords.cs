using System.Collections.Immutable;

namespace TechTies.Export;

/// <summary>
/// Entities and ties as flat rows of text columns, the shape the table and interchange formats share. Lists are
/// joined with <c>"; "</c>, identifiers as <c>scheme=value</c>, citations as the cited source ids; an empty cell
/// means no value. A field that sources disagree on holds its preferred value, and <c>disputed</c> names the columns
/// that do. The canonical JSON is the lossless format; these are for tools that want flat attributes.
/// </summary>
internal static class FlatRecords
{
    public const string ListSeparator = "; ";

    public static readonly ImmutableArray<string> EntityColumns =
    [
        "id", "kind", "name", "aliases", "description", "url", "founded", "identifiers", "award_id", "vendor", "agency", "office", "products",
        "amount", "obligated", "current_value", "potential_value", "start", "end", "protest_kind", "date", "place", "size",
        "source_kind", "publisher", "author", "published", "sources", "disputed",
    ];

    public static readonly ImmutableArray<string> TieColumns =
    [
        "id", "type", "from", "to", "label", "since", "until", "amount", "status", "description", "contract", "sources", "disputed",
    ];

    /// <summary>The cells of an entity, in <see cref="EntityColumns"/> order.</summary>
    public static string?[] Entity(Entity e)
    {
        var row = new string?[EntityColumns.Length];
        void Set(string column, string? value) => row[EntityColumns.IndexOf(column)] = string.IsNullOrEmpty(value) ? null : value;
        Set("id", e.Id);
        Set("kind", e.Kind.ToName());
        Set("name", e.Name);
        Set("aliases", Join(e.Aliases));
        Set("description", e.Description);
        Set("sources", Join(e.Citations.Select(c => c.Source).Distinct()));
        Set("disputed", Join(DisputedColumns(e)));
        switch (e)
        {
            case Company c:
                Set("url", c.Url);
                Set("founded", c.Founded?.ToString());
                Set("identifiers", Join(c.Identifiers.Select(i => $"{i.Key}={i.Value}")));
                break;
            case Agency a:
                Set("url", a.Url);
                Set("founded", a.Founded?.ToString());
                Set("identifiers", Join(a.Identifiers.Select(i => $"{i.Key}={i.Value}")));
                break;
            case Group g:
                Set("url", g.Url);
                Set("founded", g.Founded?.ToString());
                break;
            case Product p:
                Set("url", p.Url);
                break;
            case Contract c:
                Set("award_id", c.AwardId);
                Set("vendor", c.VendorId);
                Set("agency", c.AgencyId);
                Set("office", c.OfficeId);
                Set("products", Join(c.ProductIds));
                Set("amount", c.Amount?.ToString());
                Set("obligated", c.Obligated?.ToString());
                Set("current_value", c.CurrentValue?.ToString());
                Set("potential_value", c.PotentialValue?.ToString());
                Set("start", c.Start?.ToString());
                Set("end", c.End?.ToString());
                break;
            case Protest p:
                Set("protest_kind", CanonicalJsonWriter.Word(p.ProtestKind));
                Set("date", p.Date?.ToString());
                Set("start", p.Start?.ToString());
                Set("end", p.End?.ToString());
                Set("place", p.Place);
                Set("size", p.Size);
                break;
            case Source s:
                Set("source_kind", CanonicalJsonWriter.Word(s.SourceKind));
                Set("publisher", s.Publisher);
                Set("author", s.Author);
                Set("published", s.Published?.ToString());
                Set("url", s.Url);
                break;
        }

        return row;
    }

    /// <summary>The cells of a tie, in <see cref="TieColumns"/> order.</summary>
    public static string?[] Tie(Tie t) =>
    [
        t.Id, t.Type.Name, t.From.Id, t.To.Id, t.Type.Label, t.Since?.ToString(), t.Until?.ToString(), t.Amount?.ToString(),
        CanonicalJsonWriter.Word(t.Status), NullIfEmpty(t.Description), t.Contract?.Id, NullIfEmpty(Join(t.Citations.Select(c => c.Source).Distinct())),
        NullIfEmpty(Join(DisputedColumns(t))),
    ];

    /// <summary>The non-empty cells as (column, value) pairs.</summary>
    public static IEnumerable<(string Column, string Value)> Pairs(ImmutableArray<string> columns, string?[] row) =>
        columns.Select((c, i) => (c, row[i])).Where(x => x.Item2 is not null).Select(x => (x.c, x.Item2!));

    // The columns of an entity whose fields list several values: a contract's or source's title is its name column,
    // a protest's or source's kind its protest_kind or source_kind. A contract's disputed status is on its ties.
    private static IEnumerable<string> DisputedColumns(Entity e) =>
        Disputed(e)
            .Select(field => field switch
            {
                "title" => "name",
                "kind" => e is Protest ? "protest_kind" : "source_kind",
                _ => field,
            })
            .Where(EntityColumns.Contains)
            .Distinct();

    // A tie's own disputed fields, and the disputed fields it carries from the contract or protest that made it, when
    // it has their value rather than one of its own: a contract's amount, start (since), end (until) and status; a
    // protest's date, start and end (since and until).
    private static IEnumerable<string> DisputedColumns(Tie t)
    {
        var own = t.FieldClaims.Where(c => c.IsDisputed).Select(c => c.Field);
        var fromContract = t.Contract is not { } contract ? [] : Disputed(contract).Select(field => field switch
        {
            "amount" when t.Amount == contract.Amount => "amount",
            "start" when t.Since == contract.Start => "since",
            "end" when t.Until == contract.End => "until",
            "status" when t.Status == contract.TieStatus => "status",
            _ => null,
        });
        var protest = t.To as Protest ?? t.From as Protest;
        var fromProtest = protest is null ? [] : Disputed(protest).SelectMany(field => new[]
        {
            field is "date" or "start" && t.Since == (protest.Start ?? protest.Date) ? "since" : null,
            field is "date" or "end" && t.Until == (protest.End ?? protest.Date) ? "until" : null,
        });
        return own.Concat(fromContract).Concat(fromProtest).OfType<string>().Where(TieColumns.Contains).Distinct();
    }

    private static IEnumerable<string> Disputed(Entity e) => e.FieldClaims.Where(c => c.IsDisputed).Select(c => c.Field);

    private static string Join(IEnumerable<string> items) => string.Join(ListSeparator, items);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

using System.Collections.Immutable;
using System.Text;
using TechTies.Import;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TechTies.Export;

/// <summary>
/// Writes a graph as one format v1 YAML file that loads back to an equal graph: entities in their sections (in id
/// order), contracts with their vendor, agency, office and products, protests with their organizers and signatories,
/// every other tie in <c>ties:</c>, fields with several sourced values in the claim form. Text that another YAML reader
/// would resolve to null, a boolean, a number or a date is double-quoted; dates in date fields are plain. A graph with several <c>dataset:</c> blocks keeps the first: one file holds one.
/// </summary>
internal static class YamlGraphWriter
{
    private static readonly (Kind Kind, string Section)[] Order =
        [.. new[] { Kind.Source, Kind.Company, Kind.Agency, Kind.Contract, Kind.Group, Kind.Person, Kind.Product, Kind.Protest }.Select(k => (k, k.ToSection()))];

    public static void Write(TechTiesGraph graph, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: 120, isCanonical: false, maxSimpleKeyLength: 1024));
        var y = new YamlEvents(emitter);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        y.StartMap();
        y.Key("techties");
        y.Plain("1");
        if (graph.Datasets.FirstOrDefault() is { } dataset)
        {
            y.Key("dataset");
            y.StartMap();
            y.Field("name", dataset.Name);
            y.Field("title", dataset.Title);
            y.Field("license", dataset.License);
            y.Field("description", dataset.Description);
            y.Field("url", dataset.Url);
            y.EndMap();
        }

        var declared = graph.Schema.RelationshipTypes.Where(t => !t.IsBuiltIn).ToList();
        if (declared.Count > 0)
        {
            y.Key("relationship_types");
            y.StartMap();
            foreach (var type in declared)
            {
                y.Key(type.Name);
                y.StartMap();
                y.Key("from");
                y.List(type.From.Select(k => k.ToName()));
                y.Key("to");
                y.List(type.To.Select(k => k.ToName()));
                y.Field("label", type.Label);
                y.Field("inverse", type.InverseLabel);
                if (type.SameKind)
                {
                    y.Key("same_kind");
                    y.Plain("true");
                }

                if (type.Acyclic)
                {
                    y.Key("acyclic");
                    y.Plain("true");
                }

                y.Field("description", type.Description);
                y.EndMap();
            }

            y.EndMap();
        }

        var contractTies = graph.Ties.Where(t => t.Contract is not null).ToHashSet();
        var protestTies = graph.Ties.Where(t => IsProtestField(graph, t)).ToHashSet();
        foreach (var (kind, section) in Order)
        {
            var entities = graph.EntitiesOf(kind).ToList();
            if (entities.Count == 0)
            {
                continue;
            }

            y.Key(section);
            y.StartMap();
            foreach (var entity in entities)
            {
                y.Key(entity.Id);
                WriteEntity(y, graph, entity, protestTies);
            }

            y.EndMap();
        }

        var ties = graph.Ties.Where(t => !contractTies.Contains(t) && !protestTies.Contains(t)).ToList();
        if (ties.Count > 0)
        {
            y.Key("ties");
            y.StartSeq();
            foreach (var tie in ties)
            {
                y.StartMap();
                y.Field("from", tie.From.Id);
                y.Field("type", tie.Type.Name);
                y.Field("to", tie.To.Id);
                y.Claimed("since", tie.Since?.ToString(), tie.FieldClaims);
                y.Claimed("until", tie.Until?.ToString(), tie.FieldClaims);
                y.Claimed("amount", tie.Amount?.ToString(), tie.FieldClaims);
                y.Claimed("status", tie.Status == TieStatus.Reported && tie.ClaimsFor("status") is null ? null : CanonicalJsonWriter.Word(tie.Status), tie.FieldClaims);
                y.Claimed("description", tie.Description, tie.FieldClaims);
                y.Citations(tie.Citations);
                y.EndMap();
            }

            y.EndSeq();
        }

        y.EndMap();
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    // An organized or signed tie is written as the protest's field when it is exactly what that field makes.
    private static bool IsProtestField(TechTiesGraph graph, Tie tie) =>
        tie.To is Protest protest
        && tie.Type.Name is "organized" or "signed"
        && tie.Since == (protest.Start ?? protest.Date)
        && tie.Until == (protest.End ?? protest.Date)
        && tie.Amount is null
        && tie.Status == TieStatus.Reported
        && tie.Description is null
        && tie.FieldClaims.IsEmpty
        && tie.Citations.SequenceEqual(protest.Citations)
        && graph.TiesTo(protest).Count(t => t.From == tie.From && t.Type == tie.Type) == 1;

    private static void WriteEntity(YamlEvents y, TechTiesGraph graph, Entity entity, HashSet<Tie> protestTies)
    {
        var claims = entity.FieldClaims;
        y.StartMap();
        // A source without a headline is named by its publisher; writing that name as a title would invent one.
        if (entity is not Source { HasTitle: false })
        {
            y.Claimed(entity.Kind is Kind.Contract or Kind.Source ? "title" : "name", entity.Name, claims);
        }

        if (!entity.Aliases.IsEmpty)
        {
            y.Key("aliases");
            y.List(entity.Aliases);
        }

        y.Claimed("description", entity.Description, claims);
        switch (entity)
        {
            case Company c:
                y.Claimed("url", c.Url, claims);
                y.Claimed("founded", c.Founded?.ToString(), claims);
                y.Identifiers(c.Identifiers);
                break;
            case Agency a:
                y.Claimed("url", a.Url, claims);
                y.Claimed("founded", a.Founded?.ToString(), claims);
                y.Identifiers(a.Identifiers);
                break;
            case Group g:
                y.Claimed("url", g.Url, claims);
                y.Claimed("founded", g.Founded?.ToString(), claims);
                break;
            case Product p:
                y.Claimed("url", p.Url, claims);
                break;
            case Contract c:
                y.Claimed("award_id", c.AwardId, claims);
                y.Field("vendor", c.VendorId);
                y.Field("vendor_parent", c.VendorParentId);
                y.Field("agency", c.AgencyId);
                y.Field("office", c.OfficeId);
                if (!c.ProductIds.IsEmpty)
                {
                    y.Key("product");
                    y.List(c.ProductIds);
                }

                y.Claimed("amount", c.Amount?.ToString(), claims);
                y.Claimed("obligated", c.Obligated?.ToString(), claims);
                y.Claimed("current_value", c.CurrentValue?.ToString(), claims);
                y.Claimed("potential_value", c.PotentialValue?.ToString(), claims);
                y.Claimed("start", c.Start?.ToString(), claims);
                y.Claimed("end", c.End?.ToString(), claims);
                var status = graph.Ties.FirstOrDefault(t => t.Contract == c)?.Status ?? TieStatus.Reported;
                y.Claimed("status", status == TieStatus.Reported && c.ClaimsFor("status") is null ? null : CanonicalJsonWriter.Word(status), claims);
                break;
            case Protest p:
                y.Claimed("kind", CanonicalJsonWriter.Word(p.ProtestKind), claims);
                y.Claimed("date", p.Date?.ToString(), claims);
                y.Claimed("start", p.Start?.ToString(), claims);
                y.Claimed("end", p.End?.ToString(), claims);
                y.Claimed("place", p.Place, claims);
                y.Claimed("size", p.Size, claims);
                foreach (var (field, type) in new[] { ("organizers", "organized"), ("signatories", "signed") })
                {
                    var who = graph.TiesTo(p).Where(t => t.Type.Name == type && protestTies.Contains(t)).Select(t => t.From.Id).ToList();
                    if (who.Count > 0)
                    {
                        y.Key(field);
                        y.List(who);
                    }
                }

                break;
            case Source s:
                y.Claimed("kind", CanonicalJsonWriter.Word(s.SourceKind), claims);
                y.Claimed("publisher", s.Publisher, claims);
                y.Claimed("author", s.Author, claims);
                y.Claimed("published", s.Published?.ToString(), claims);
                y.Claimed("url", s.Url, claims);
                break;
        }

        y.Citations(entity.Citations);
        y.EndMap();
    }

    /// <summary>Emits YAML events; text is quoted whenever the plain form would read back as something else.</summary>
    private sealed class YamlEvents(IEmitter emitter)
    {
        public void StartMap() => emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));

        public void EndMap() => emitter.Emit(new MappingEnd());

        public void StartSeq(SequenceStyle style = SequenceStyle.Block) => emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, style));

        public void EndSeq() => emitter.Emit(new SequenceEnd());

        public void Key(string key) => Text(key);

        public void Plain(string value) => emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

        // Text that a YAML 1.1 or 1.2 reader would take for null, a boolean, a number or a date is double-quoted, and
        // so is empty text, text with control characters and text with spaces at either end.
        public void Text(string value)
        {
            var risky = YamlImplicitTypes.ReadsAsNonString(value) || value.Any(char.IsControl) || value.Trim() != value;
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, risky ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));
        }

        // A date field is written plain, as people write it (since: 2018-08-01, founded: 2004): TechTies reads it by its
        // field, and the format defines it as a date, so a YAML reader that sees a date or a year there sees the truth.
        public void Value(string key, string value)
        {
            if (YamlImplicitTypes.DateFields.Contains(key))
            {
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));
            }
            else
            {
                Text(value);
            }
        }

        public void Field(string key, string? value)
        {
            if (value is not null)
            {
                Key(key);
                Value(key, value);
            }
        }

        public void List(IEnumerable<string> values)
        {
            StartSeq(SequenceStyle.Flow);
            foreach (var value in values)
            {
                Text(value);
            }

            EndSeq();
        }

        public void Identifiers(ImmutableSortedDictionary<string, string> identifiers)
        {
            if (identifiers.IsEmpty)
            {
                return;
            }

            Key("identifiers");
            StartMap();
            foreach (var (scheme, value) in identifiers)
            {
                Field(scheme, value);
            }

            EndMap();
        }

        // A field with claims is written in the claim form, so every value keeps its sources.
        public void Claimed(string key, string? value, ImmutableArray<FieldClaims> claims)
        {
            var fieldClaims = claims.FirstOrDefault(c => c.Field == key);
            if (fieldClaims is null)
            {
                Field(key, value);
                return;
            }

            Key(key);
            StartSeq();
            foreach (var claim in fieldClaims.Claims)
            {
                StartMap();
                Key("value");
                Value(key, claim.Value);
                if (!claim.Citations.IsEmpty)
                {
                    Citations(claim.Citations);
                }

                Key("preferred");
                Plain(claim.Preferred ? "true" : "false");
                EndMap();
            }

            EndSeq();
        }

        public void Citations(ImmutableArray<Citation> citations)
        {
            if (citations.IsEmpty)
            {
                return;
            }

            Key("sources");
            StartSeq();
            foreach (var citation in citations)
            {
                if (citation.Quote is null && citation.Page is null)
                {
                    Text(citation.Source);
                    continue;
                }

                StartMap();
                Field("source", citation.Source);
                Field("quote", citation.Quote);
                Field("page", citation.Page);
                EndMap();
            }

            EndSeq();
        }
    }
}

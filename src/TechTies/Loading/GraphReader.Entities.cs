using System.Collections.Immutable;
using static TechTies.Loading.FormatV1;

namespace TechTies.Loading;

// Phase 3: entities from their fields, with the ties their fields make.
internal sealed partial class GraphReader
{
    // Phase 3: entities and their field ties (or in phase 1, as the YAML reader reads them: see EntityStream).
    private void BuildEntity(RawEntity e)
    {
        var kind = e.Kind;
        var allowed = FieldsByKind[kind];
        var map = e.Fields!;
        e.Fields = null;
        var fields = new FieldReader(this, e.File, map);
        foreach (var (key, value) in map.Entries)
        {
            if (allowed.Contains(key.Value))
            {
                continue;
            }

            if (schema.TryGet(key.Value, out var type))
            {
                if (type.From.Contains(kind))
                {
                    ReadRelationshipField(e, key, value, type.Name);
                }
                else
                {
                    diagnostics.Error(DiagnosticCodes.WrongEndpointKind, e.File, key.Line, key.Column, $"{A(kind.ToName())} cannot have {DiagnosticText.Quote(key.Value)} ties: {type.Name} goes from {Describe(type.From)} to {Describe(type.To)}", $"write the tie on the other entity, or use another type");
                }

                continue;
            }

            if (SplitNumber(e.File, map, key))
            {
                continue;
            }

            var applicable = schema.RelationshipTypes.Where(t => t.From.Contains(kind)).Select(t => t.Name);
            var candidates = allowed.Concat(applicable).ToList();
            diagnostics.Error(DiagnosticCodes.UnknownField, e.File, key.Line, key.Column, $"{DiagnosticText.Quote(key.Value)} is not a field of {A(kind.ToName())}", Suggest.DidYouMean(key.Value, candidates) ?? "fields are " + string.Join(", ", candidates));
        }

        var publisher = kind == Kind.Source ? fields.Text("publisher") : null;
        var published = kind == Kind.Source ? fields.Date("published") : null;
        var name = kind switch
        {
            Kind.Contract => fields.Text("title", required: true),
            // A source whose headline is not known is named by its publisher rather than by an invented title.
            // A title given but refused is reported once, not again as a missing title.
            Kind.Source => fields.Text("title") ?? (map.ValueOf("title") is null or YScalar { IsNull: true } ? SourceName(e, publisher, published) : null),
            _ => fields.Text("name", required: true),
        } ?? e.Key.Value;
        var aliases = fields.TextList("aliases");
        var description = fields.Text("description");
        var citations = fields.Citations("sources");
        var location = new SourceLocation { File = e.File, Line = e.Key.Line, Column = e.Key.Column };

        Entity entity;
        switch (kind)
        {
            case Kind.Company:
                entity = new Company { Id = e.Key.Value, Name = name, Aliases = aliases, Description = description, Citations = citations, Location = location, Url = fields.Url("url"), Founded = fields.Date("founded"), Identifiers = fields.Identifiers("identifiers"), FieldClaims = fields.Claims };
                break;
            case Kind.Agency:
                entity = new Agency { Id = e.Key.Value, Name = name, Aliases = aliases, Description = description, Citations = citations, Location = location, Url = fields.Url("url"), Founded = fields.Date("founded"), Identifiers = fields.Identifiers("identifiers"), FieldClaims = fields.Claims };
                break;
            case Kind.Group:
                entity = new Group { Id = e.Key.Value, Name = name, Aliases = aliases, Description = description, Citations = citations, Location = location, Url = fields.Url("url"), Founded = fields.Date("founded"), FieldClaims = fields.Claims };
                break;
            case Kind.Person:
                entity = new Person { Id = e.Key.Value, Name = name, Aliases = aliases, Description = description, Citations = citations, Location = location, FieldClaims = fields.Claims };
                break;
            case Kind.Product:
                entity = new Product { Id = e.Key.Value, Name = name, Aliases = aliases, Description = description, Citations = citations, Location = location, Url = fields.Url("url"), FieldClaims = fields.Claims };
                break;
            case Kind.Contract:
                entity = BuildContract(e, fields, name, aliases, description, citations, location);
                break;
            case Kind.Protest:
                entity = BuildProtest(e, fields, name, aliases, description, citations, location);
                break;
            default:
                entity = new Source
                {
                    Id = e.Key.Value, Name = name, Aliases = aliases, Description = description, Citations = citations, Location = location,
                    SourceKind = fields.Enum("kind", SourceKindWords, required: true, SourceKind.News),
                    Publisher = publisher, Author = fields.Text("author"), Published = published, Url = fields.Url("url"),
                    FieldClaims = fields.Claims,
                };
                break;
        }

        entities[entity.Id] = entity;
    }

    private string? SourceName(RawEntity e, string? publisher, PartialDate? published)
    {
        if (publisher is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingField, e.File, e.Key.Line, e.Key.Column, $"the source {DiagnosticText.Quote(e.Key.Value)} has neither a title nor a publisher", "add title: (the headline) or, when it is not known, publisher:");
            return null;
        }

        return Source.FallbackName(publisher, published);
    }

    private Contract BuildContract(RawEntity e, FieldReader fields, string name, ImmutableArray<string> aliases, string? description, ImmutableArray<Citation> citations, SourceLocation location)
    {
        var vendor = fields.Reference("vendor", required: true);
        var vendorParent = fields.Reference("vendor_parent", required: false);
        if (vendorParent is not null)
        {
            vendorParents.Add((e.File, vendorParent));
        }
        var agency = fields.Reference("agency", required: true);
        var office = fields.Reference("office", required: false);
        var products = fields.ReferenceList("product");
        var start = fields.Date("start");
        var end = fields.Date("end");
        fields.CheckOrder("start", start, "end", end);
        fields.CheckCurrency();
        var status = fields.Enum("status", StatusWords, required: false, TieStatus.Reported);
        var contract = new Contract
        {
            Id = e.Key.Value, Name = name, Aliases = aliases, Description = description, Citations = citations, Location = location,
            AwardId = fields.Text("award_id"),
            VendorId = vendor is null ? string.Empty : IdOf(vendor),
            VendorParentId = vendorParent is null ? null : IdOf(vendorParent),
            AgencyId = agency is null ? string.Empty : IdOf(agency),
            OfficeId = office is null ? null : IdOf(office),
            ProductIds = products.Count == 0 ? [] : [.. products.Select(IdOf)],
            Amount = fields.Money("amount"),
            Obligated = fields.Money("obligated"),
            CurrentValue = fields.Money("current_value"),
            PotentialValue = fields.Money("potential_value"),
            Start = start,
            End = end,
            FieldClaims = fields.Claims,
            TieStatus = status,
        };

        var tieFields = new TieDefaults(start, end, contract.Amount, status, citations, contract);
        e.Defaults = tieFields;
        if (vendor is not null)
        {
            e.Ties.Add(new RawTie(e.File, e.Key, "awarded_to", vendor.Line, vendor.Column, vendor, null, e) { Defaults = tieFields });
            if (agency is not null)
            {
                e.Ties.Add(new RawTie(e.File, vendor, "contracts_with", vendor.Line, vendor.Column, agency, null, e) { Defaults = tieFields });
            }
        }

        if (agency is not null)
        {
            e.Ties.Add(new RawTie(e.File, e.Key, "awarded_by", agency.Line, agency.Column, agency, null, e) { Defaults = tieFields });
        }

        if (office is not null)
        {
            e.Ties.Add(new RawTie(e.File, e.Key, "awarded_by", office.Line, office.Column, office, null, e) { Defaults = tieFields });
        }

        foreach (var product in products)
        {
            e.Ties.Add(new RawTie(e.File, e.Key, "covers", product.Line, product.Column, product, null, e) { Defaults = tieFields });
        }

        return contract;
    }

    private Protest BuildProtest(RawEntity e, FieldReader fields, string name, ImmutableArray<string> aliases, string? description, ImmutableArray<Citation> citations, SourceLocation location)
    {
        var date = fields.Date("date");
        var start = fields.Date("start");
        var end = fields.Date("end");
        fields.CheckOrder("start", start, "end", end);
        var protest = new Protest
        {
            Id = e.Key.Value, Name = name, Aliases = aliases, Description = description, Citations = citations, Location = location,
            ProtestKind = fields.Enum("kind", ProtestKindWords, required: true, ProtestKind.Other),
            Date = date, Start = start, End = end,
            Place = fields.Text("place"),
            Size = fields.Text("size"),
            FieldClaims = fields.Claims,
        };

        e.Defaults = new TieDefaults(start ?? date, end ?? date, null, TieStatus.Reported, citations, null);
        foreach (var (field, type) in new[] { ("organizers", "organized"), ("signatories", "signed") })
        {
            foreach (var who in fields.ReferenceList(field))
            {
                e.Ties.Add(new RawTie(e.File, who, type, who.Line, who.Column, e.Key, null, e) { Defaults = e.Defaults });
            }
        }

        return protest;
    }

    private void ReadRelationshipField(RawEntity e, YScalar key, YNode value, string type)
    {
        var items = value is YSeq seq ? seq.Items : [value];
        foreach (var item in items)
        {
            switch (item)
            {
                case YScalar { IsNull: false } target:
                    if (OneLine(e.File, key.Value, target, anywhere: true))
                    {
                        e.Ties.Add(new RawTie(e.File, e.Key, type, key.Line, key.Column, target, null, e));
                    }

                    break;
                case YMap map:
                    var known = CheckFields(e.File, map, FieldTieFields, $"{A(type)} tie");
                    var to = Required(e.File, map, "to", $"{A(type)} tie");
                    if (known && to is not null)
                    {
                        e.Ties.Add(new RawTie(e.File, e.Key, type, key.Line, key.Column, to, map, e));
                    }
                    else
                    {
                        ReadTieFacts(e.File, map, TieFacts.None);
                    }

                    break;
                default:
                    WrongShape(e.File, item, key.Value, $"an id, a list of ids, or a list of {{ to: id, since: ..., sources: [...] }}");
                    break;
            }
        }
    }
}

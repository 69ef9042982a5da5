using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace TechTies.Loading;

/// <summary>One file's bytes and the name used for it in diagnostics.</summary>
internal sealed record GraphFile(string Name, byte[] Bytes);

/// <summary>
/// Turns YAML files into a validated graph: reads every file, checks every section, field, reference, date, amount
/// and citation, collects every problem, and builds the graph only when there are no errors.
/// </summary>
internal sealed partial class GraphReader
{
    private const int SupportedVersion = 1;

    /// <summary>The top-level keys of a YAML file.</summary>
    internal static readonly string[] Sections = ["techties", "dataset", "sources", "companies", "agencies", "contracts", "groups", "people", "products", "protests", "ties", "relationship_types"];
    private static readonly string[] DatasetFields = ["name", "title", "license", "description", "url"];
    private static readonly string[] TieFields = ["from", "type", "to", "since", "until", "amount", "currency", "status", "description", "sources"];
    private static readonly string[] FieldTieFields = ["to", "since", "until", "amount", "currency", "status", "description", "sources"];
    private static readonly string[] ClaimFields = ["value", "sources", "preferred"];
    private static readonly string[] StatusWords = ["reported", "confirmed", "alleged", "denied", "ended"];
    private static readonly string[] SourceKindWords = ["news", "report", "letter", "dataset", "record", "statement"];
    private static readonly string[] ProtestKindWords = ["rally", "letter", "petition", "walkout", "campaign", "strike", "boycott", "other"];

    private static readonly Dictionary<Kind, string[]> FieldsByKind = new()
    {
        [Kind.Company] = ["name", "aliases", "description", "sources", "url", "founded", "identifiers"],
        [Kind.Agency] = ["name", "aliases", "description", "sources", "url", "founded", "identifiers"],
        [Kind.Group] = ["name", "aliases", "description", "sources", "url", "founded"],
        [Kind.Person] = ["name", "aliases", "description", "sources"],
        [Kind.Product] = ["name", "aliases", "description", "sources", "url"],
        [Kind.Contract] = ["title", "aliases", "description", "sources", "award_id", "vendor", "vendor_parent", "agency", "office", "product", "amount", "obligated", "current_value", "potential_value", "currency", "start", "end", "status"],
        [Kind.Protest] = ["name", "aliases", "description", "sources", "kind", "date", "start", "end", "place", "size", "organizers", "signatories"],
        [Kind.Source] = ["title", "aliases", "description", "sources", "kind", "publisher", "author", "published", "url"],
    };

    private readonly LoadOptions options;
    private readonly DiagnosticBag diagnostics = new();
    private readonly Dictionary<string, RawEntity> raw = new(StringComparer.Ordinal);
    private readonly List<RawEntity> rawOrder = [];
    // The ties of ties sections; the ties entities make are kept by each entity (RawEntity.Ties).
    private readonly List<RawTie> rawTies = [];
    private readonly List<(string File, YNode Section)> typeSections = [];
    private readonly List<(string File, YMap Map)> datasets = [];
    private readonly Dictionary<string, Entity> entities = new(StringComparer.Ordinal);
    private readonly List<(Citation Citation, string File, YNode Node)> citationsToCheck = [];
    private readonly List<(string File, YScalar Reference)> vendorParents = [];
    private readonly HashSet<(string Code, string File, int Line, int Column)> reportedOnce = [];
    private readonly Dictionary<(string Id, string Role), (string Message, string Suggestion)> unknownReferences = [];
    // The ids suggested for invalid ids: a reference to one is not reported as naming nothing.
    private readonly HashSet<string> suggestedIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<Citation>> sharedCitations = new(StringComparer.Ordinal);
    private GraphSchema schema = GraphSchema.BuiltIn;
    private bool buildWhileReading;

    private GraphReader(LoadOptions options)
    {
        this.options = options;
    }

    public static TechTiesGraph Read(IEnumerable<GraphFile> files, LoadOptions options) => Read(files, options, buildWhileReading: true);

    /// <summary>Reads the files; <paramref name="buildWhileReading"/> false reads every file whole first (for tests that compare the two ways).</summary>
    internal static TechTiesGraph Read(IEnumerable<GraphFile> files, LoadOptions options, bool buildWhileReading)
    {
        var reader = new GraphReader(options);
        return reader.ReadAll(files, buildWhileReading);
    }

    private TechTiesGraph ReadAll(IEnumerable<GraphFile> files, bool mayBuildWhileReading)
    {
        var list = files as IReadOnlyList<GraphFile> ?? [.. files];
        // Entities can be built as they are read, and their part of the YAML tree let go at once, when the schema cannot
        // change: when no file declares relationship types (a file that names relationship_types anywhere counts).
        buildWhileReading = mayBuildWhileReading && !list.Any(f => f.Bytes.AsSpan().IndexOf("relationship_types"u8) >= 0);
        foreach (var file in list)
        {
            ReadFile(file);
        }

        ReadDeclaredTypes();
        foreach (var entity in rawOrder)
        {
            if (entity.Fields is not null)
            {
                BuildEntity(entity);
            }
        }

        var ties = BuildTies();
        CheckCitations();
        CheckVendorParents();
        CheckCycles(ties);
        // Read before the errors are counted, so that a bad dataset field fails the load like any other.
        var datasetInfos = BuildDatasets();
        // Sorted before the diagnostics are taken, as numbering parallel ties finds repeated ones (every tie's ends
        // and type are the graph's, so this holds for a load that fails too).
        var sorted = SortTies(ties);

        var all = diagnostics.Sorted().ToImmutableArray();
        if (all.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new GraphLoadException(all);
        }

        return new TechTiesGraph(schema, entities.Values, sorted, all, datasetInfos, tiesSorted: true);
    }

    // Phase 1: files, sections, ids.
    private void ReadFile(GraphFile file)
    {
        YNode? root;
        if (file.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            root = JsonTreeReader.Read(file.Bytes, file.Name, diagnostics);
        }
        else
        {
            var stream = new EntityStream(this, file.Name);
            root = YamlTreeReader.Read(file.Bytes, file.Name, diagnostics, stream, stream.Undo);
        }

        if (root is null)
        {
            if (!diagnostics.Items.Any(d => d.File == file.Name && d.Severity == DiagnosticSeverity.Error))
            {
                diagnostics.Error(DiagnosticCodes.MissingVersion, file.Name, 1, 1, "the file is empty: every TechTies file starts with its format version", "start the file with techties: 1");
            }

            return;
        }

        if (root is not YMap map)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, file.Name, root.Line, root.Column, $"a TechTies file is a mapping of sections, not {root.Describe}", "start the file with techties: 1, then sections such as companies:");
            return;
        }

        var version = map.Entries.FirstOrDefault(e => e.Key.Value == "techties");
        if (version.Key is null)
        {
            // techtie: 1 or TechTies: 1 is the version line misspelled: say so where it is.
            var nearMiss = map.Entries.FirstOrDefault(e => Suggest.DidYouMean(e.Key.Value.ToLowerInvariant(), ["techties"]) is not null || e.Key.Value.Equals("techties", StringComparison.OrdinalIgnoreCase)).Key;
            if (nearMiss is not null)
            {
                diagnostics.Error(DiagnosticCodes.MissingVersion, file.Name, nearMiss.Line, nearMiss.Column, $"the file has no format version: {DiagnosticText.Quote(nearMiss.Value)} is not 'techties' (keys are lowercase)", "write techties: 1");
                return;
            }

            diagnostics.Error(DiagnosticCodes.MissingVersion, file.Name, map.Line, map.Column, "the file has no format version", "add techties: 1 as the first line");
            return;
        }

        if (version.Value is YScalar { IsNull: true })
        {
            diagnostics.Error(DiagnosticCodes.MissingVersion, file.Name, version.Value.Line, version.Value.Column, "the format version is empty", $"write techties: {SupportedVersion}");
            return;
        }

        if (version.Value is not YScalar { Value: var v } || v != SupportedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            var given = (version.Value as YScalar)?.Value ?? version.Value.Describe;
            diagnostics.Error(DiagnosticCodes.UnsupportedVersion, file.Name, version.Value.Line, version.Value.Column, $"format version {DiagnosticText.Quote(given)} is not supported: this package reads version {SupportedVersion}", $"write techties: {SupportedVersion}, or update the TechTies package");
            return;
        }

        foreach (var (key, value) in map.Entries)
        {
            if (KindNames.TryParseSection(key.Value, out var kind))
            {
                ReadEntitySection(file.Name, kind, value);
            }
            else if (key.Value == "ties")
            {
                ReadTieSection(file.Name, value);
            }
            else if (key.Value == "relationship_types")
            {
                typeSections.Add((file.Name, value));
            }
            else if (key.Value == "dataset")
            {
                if (value is YMap datasetMap)
                {
                    datasets.Add((file.Name, datasetMap));
                }
                else
                {
                    WrongShape(file.Name, value, "dataset", "a mapping such as { name: my-graph, title: ..., license: CC-BY-4.0 }");
                }
            }
            else if (key.Value != "techties")
            {
                // A kind's name (company:) is too far from its section (companies:) for the nearest-word suggestion.
                var suggestion = KindNames.TryParse(key.Value, out var named) ? $"did you mean {DiagnosticText.Quote(named.ToSection())}?" : Suggest.DidYouMean(key.Value, Sections);
                diagnostics.Error(DiagnosticCodes.UnknownSection, file.Name, key.Line, key.Column, $"{DiagnosticText.Quote(key.Value)} is not a section of the format", suggestion ?? "sections are " + string.Join(", ", Sections));
            }
        }
    }

    private void ReadEntitySection(string file, Kind kind, YNode section)
    {
        if (section is YScalar { IsNull: true })
        {
            return;
        }

        if (section is not YMap map)
        {
            WrongShape(file, section, kind.ToSection(), $"a mapping of ids to {kind.ToSection()}, such as my-id: {{ name: ... }}");
            return;
        }

        foreach (var (key, value) in map.Entries)
        {
            ReadEntity(file, kind, key, value);
        }
    }

    // The first character of an id outside ASCII, named: a Cyrillic 'а' (U+0430) looks like the Latin 'a'.
    private static string NotAscii(string id) =>
        id.FirstOrDefault(c => !char.IsAscii(c)) is var c and not '\0'
            ? $"; it has '{c}' (U+{(int)c:X4}, {(char.IsLetter(c) ? "a letter that is not a-z, though it may look like one" : "not a-z, 0-9 or a hyphen")})"
            : string.Empty;

    // One entry of an entity section: its id checked and kept with its fields, for BuildEntity.
    private RawEntity? ReadEntity(string file, Kind kind, YScalar key, YNode value)
    {
        if (!IsSlug(key.Value))
        {
            // The graph cannot load, but the entity is still read under its id, so that its fields are checked and
            // references to it, by this id or by the one suggested, are not reported as naming nothing.
            var slug = Slugify(key.Value);
            diagnostics.Error(DiagnosticCodes.BadId, file, key.Line, key.Column, $"{DiagnosticText.Quote(key.Value)} is not a valid id: ids are lowercase slugs of a-z, 0-9 and single hyphens{NotAscii(key.Value)}", $"use {DiagnosticText.Quote(slug)}");
            suggestedIds.Add(slug);
        }

        if (raw.TryGetValue(key.Value, out var first))
        {
            diagnostics.Error(DiagnosticCodes.DuplicateId, file, key.Line, key.Column, $"the id {DiagnosticText.Quote(key.Value)} is already defined as {A(first.Kind.ToName())} at {first.File}:{first.Key.Line}:{first.Key.Column}", "ids are unique across all files and kinds: rename one of them");
            return null;
        }

        if (value is not YMap fields)
        {
            WrongShape(file, value, key.Value, "a mapping of fields, such as { name: ... }");
            return null;
        }

        var entity = new RawEntity(kind, key, file) { Fields = fields };
        raw[key.Value] = entity;
        rawOrder.Add(entity);
        return entity;
    }

    private void ReadTieSection(string file, YNode section)
    {
        if (section is YScalar { IsNull: true })
        {
            return;
        }

        if (section is not YSeq seq)
        {
            WrongShape(file, section, "ties", "a list of ties, each - { from: ..., type: ..., to: ..., sources: [...] }");
            return;
        }

        foreach (var item in seq.Items)
        {
            if (item is not YMap map)
            {
                WrongShape(file, item, "a tie", "a mapping { from: ..., type: ..., to: ..., sources: [...] }");
                continue;
            }

            var known = CheckFields(file, map, TieFields, "a tie");
            var from = Required(file, map, "from", "a tie");
            var type = Required(file, map, "type", "a tie");
            var to = Required(file, map, "to", "a tie");
            if (!known || from is null || type is null || to is null)
            {
                // Not a tie, but its other fields are still checked, so that every problem is reported at once.
                ReadTieFacts(file, map, TieFacts.None);
                continue;
            }

            rawTies.Add(new RawTie(file, from, type.Value, type.Line, type.Column, to, map, Owner: null));
        }
    }

    // Phase 2: relationship types declared in files.
    private void ReadDeclaredTypes()
    {
        foreach (var (file, section) in typeSections)
        {
            var declared = SchemaReader.ReadSection(section, file, diagnostics, builtIn: false, existing: schema);
            schema = schema.With(declared);
        }
    }

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

    // Phase 4: ties, in ordinal order of id. Ids are made again when asked for, so the graph does not hold a string
    // per tie; parallel ties (the same id but for the number) are numbered and sorted without making them.
    private List<Tie> BuildTies()
    {
        // The ties sections' ties first, then those entities make, in the order the entities were written: parallel
        // ties are numbered in this order once sorted (see SortTies).
        var count = rawTies.Count + rawOrder.Sum(e => e.Ties.Count);
        var ties = new List<Tie>(count);
        foreach (var t in rawTies.Concat(rawOrder.SelectMany(e => e.Ties)))
        {
            // The relationship fields of a contract or protest take its dates and sources once it is built.
            var defaults = t.Defaults ?? t.Owner?.Defaults;
            if (BuildTie(t, defaults) is { } tie)
            {
                ties.Add(new Tie(tie.Type, tie.From, tie.To, tie.Facts, tie.Contract, t.File, t.TypeLine, t.TypeColumn, parallel: 1));
            }
        }

        return ties;
    }

    // Whether two parallel ties say the same thing: a tie written twice (as a field and again in ties:, say) rather
    // than two ties, such as two contracts or two periods.
    private static bool SameClaim(Tie a, Tie b) =>
        ReferenceEquals(a.Contract, b.Contract) && a.Since == b.Since && a.Until == b.Until && a.Amount == b.Amount
        && a.Status == b.Status && a.Description == b.Description && a.Citations.SequenceEqual(b.Citations)
        && a.FieldClaims.IsEmpty && b.FieldClaims.IsEmpty;

    // The ties in ordinal order of id, parallel ties numbered. Sorting puts ties with the same ends, type and contract
    // next to each other in the order they were written (the ties sections' first, then the entities' in the order
    // written), so they are numbered there, without a map of every tie's id.
    private Tie[] SortTies(List<Tie> ties)
    {
        var order = TieOrder.Sort(ties, entities.Values, schema.RelationshipTypes);
        var sorted = new Tie[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = ties[order[i]];
        }

        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && TieOrder.SameIdParts(sorted[start], sorted[end]))
            {
                end++;
            }

            if (end - start > 1)
            {
                NumberParallel(sorted.AsSpan(start, end - start));
            }

            start = end;
        }

        return sorted;
    }

    // Parallel ties in the order written: the first keeps its id, the others get #2, #3…, and a tie that says what
    // the first says is a repeat (TT0062). Then in the order of their ids: the text of the numbers (#10 before #2).
    private void NumberParallel(Span<Tie> run)
    {
        var first = run[0];
        var at = first.Location!;
        for (var n = 2; n <= run.Length; n++)
        {
            var tie = run[n - 1];
            if (SameClaim(first, tie))
            {
                var here = tie.Location!;
                diagnostics.Warning(DiagnosticCodes.RepeatedTie, here.File, here.Line, here.Column, $"this {tie.Type.Name} tie from {DiagnosticText.Quote(tie.From.Id)} to {DiagnosticText.Quote(tie.To.Id)} repeats the one at {at.File}:{at.Line}:{at.Column}, with the same dates, amount, status, description and sources", "remove one of them, or tell them apart by their dates, amount or sources");
            }

            run[n - 1] = tie.WithParallel(n);
        }

        run[1..].Sort(TieOrder.CompareParallel);
    }

    private (RelationshipType Type, Entity From, Entity To, TieFacts? Facts, Contract? Contract)? BuildTie(RawTie t, TieDefaults? defaults)
    {
        if (!schema.TryGet(t.Type, out var type))
        {
            diagnostics.Error(DiagnosticCodes.UnknownRelationshipType, t.File, t.TypeLine, t.TypeColumn, $"{DiagnosticText.Quote(t.Type)} is not a relationship type", Suggest.DidYouMean(t.Type, schema.RelationshipTypes.Select(r => r.Name)) ?? "declare it in relationship_types:");
            return Unmade(t);
        }

        var from = Resolve(t.File, t.From, type, start: true);
        var to = Resolve(t.File, t.To, type, start: false);
        if (from is null || to is null)
        {
            return Unmade(t);
        }

        if (!type.Allows(from.Kind, to.Kind))
        {
            var at = type.From.Contains(from.Kind) ? t.To : t.From;
            ErrorOnce(DiagnosticCodes.WrongEndpointKind, t.File, at, $"{A(type.Name)} tie cannot join {A(from.Kind.ToName())} ({from.Id}) to {A(to.Kind.ToName())} ({to.Id})", $"{type.Name} goes from {Describe(type.From)} to {Describe(type.To)}" + (type.SameKind ? " of the same kind" : string.Empty));
            return Unmade(t);
        }

        if (ReferenceEquals(from, to))
        {
            diagnostics.Error(DiagnosticCodes.SelfTie, t.File, t.To.Line, t.To.Column, $"{A(type.Name)} tie joins {DiagnosticText.Quote(from.Id)} to itself", "a tie joins two different entities");
            return Unmade(t);
        }

        var facts = defaults?.Facts ?? TieFacts.None;
        var own = t.Details is not null;
        if (t.Details is { } details)
        {
            facts = ReadTieFacts(t.File, details, facts);
        }

        if (facts.Citations.IsEmpty)
        {
            var severity = options.Strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            if (!own && defaults is not null && t.Owner is { } owner)
            {
                // The ties a contract or protest makes take its sources: one word about the entity, not one per tie.
                ReportOnce(DiagnosticCodes.TieWithoutSource, severity, t.File, owner.Key, $"{A(owner.Kind.ToName())} {DiagnosticText.Quote(owner.Key.Value)} cites no source, so neither do the ties it makes (such as the {type.Name} tie from {DiagnosticText.Quote(from.Id)} to {DiagnosticText.Quote(to.Id)})", $"add sources: [source-id] to the {owner.Kind.ToName()}");
            }
            else
            {
                diagnostics.Add(DiagnosticCodes.TieWithoutSource, severity, t.File, t.TypeLine, t.TypeColumn, $"the {type.Name} tie from {DiagnosticText.Quote(from.Id)} to {DiagnosticText.Quote(to.Id)} cites no source", "add sources: [source-id] to the tie" + (t.Owner is null ? string.Empty : " (write it as { to: id, sources: [...] })"));
            }
        }

        // A tie a contract makes with nothing of its own reads the contract's facts rather than holding them.
        return (type, from, to, own || defaults?.Contract is null ? facts : null, defaults?.Contract);
    }

    // A tie that cannot be made: its own fields are still checked, and it is left out (the load fails).
    private (RelationshipType Type, Entity From, Entity To, TieFacts? Facts, Contract? Contract)? Unmade(RawTie t)
    {
        if (t.Details is { } details)
        {
            ReadTieFacts(t.File, details, TieFacts.None);
        }

        return null;
    }

    // A tie's own fields over what it takes from its contract or protest. Read for a tie that cannot be made too
    // (an unknown type or end), so that its other problems are reported with that one.
    private TieFacts ReadTieFacts(string file, YMap details, TieFacts facts)
    {
        var fields = new FieldReader(this, file, details);
        var since = fields.Date("since") ?? facts.Since;
        var until = fields.Date("until") ?? facts.Until;
        fields.CheckOrder("since", since, "until", until);
        fields.CheckCurrency();
        var amount = fields.Money("amount") ?? facts.Amount;
        var status = fields.Enum("status", StatusWords, required: false, facts.Status);
        var description = fields.Text("description");
        var cited = fields.Citations("sources");
        return new TieFacts(since, until, amount, status, description, cited.IsEmpty ? facts.Citations : cited, fields.Claims);
    }

    private Entity? Resolve(string file, YScalar reference, RelationshipType type, bool start)
    {
        if (entities.TryGetValue(reference.Value, out var entity))
        {
            return entity;
        }

        if (!raw.ContainsKey(reference.Value) && !suggestedIds.Contains(reference.Value))
        {
            UnknownReference(file, reference, start ? type.From : type.To, $"the {(start ? "start" : "end")} of {A(type.Name)} tie");
        }

        // Otherwise defined, but its own fields failed validation; that error is already reported.
        return null;
    }

    private void UnknownReference(string file, YScalar reference, ImmutableArray<Kind> kinds, string role)
    {
        // An id named by thousands of ties gets its message and suggestion made once, shared by all its diagnostics.
        if (!unknownReferences.TryGetValue((reference.Value, role), out var text))
        {
            var candidates = entities.Values.Where(x => kinds.Contains(x.Kind)).Select(x => x.Id);
            var byName = entities.Values.Where(x => kinds.Contains(x.Kind) && (Lookup.Normalize(x.Name) == Lookup.Normalize(reference.Value) || x.Aliases.Any(a => Lookup.Normalize(a) == Lookup.Normalize(reference.Value)))).Select(x => x.Id).ToList();
            var suggestion = byName.Count > 0 ? "did you mean " + string.Join(" or ", byName.Select(b => $"'{b}'")) + "? references use ids" : BuiltInHint(reference.Value) ?? Suggest.DidYouMean(reference.Value, candidates);
            text = ($"{DiagnosticText.Quote(reference.Value)} ({role}) is not the id of any {Describe(kinds)}", suggestion ?? "define it in its section, in any file of the graph");
            unknownReferences.Add((reference.Value, role), text);
        }

        ErrorOnce(DiagnosticCodes.UnknownReference, file, reference, text.Message, text.Suggestion);
    }

    // A reference to a defined entity holds that entity's own id string, not a copy of it per reference.
    private string IdOf(YScalar reference) => IdOf(reference.Value);

    private string IdOf(string reference) => raw.TryGetValue(reference, out var target) ? target.Key.Value : reference;

    // The citations of sources: [id] with nothing but the id, one list per source and graph however often it is cited.
    private ImmutableArray<Citation> CitationsOf(string source)
    {
        if (!sharedCitations.TryGetValue(source, out var citations))
        {
            var id = IdOf(source);
            citations = [new Citation { Source = id }];
            sharedCitations.Add(id, citations);
        }

        return citations;
    }

    // A contract's vendor_parent makes no tie, so it is checked here as a tie's end would be: a company of the graph.
    private void CheckVendorParents()
    {
        foreach (var (file, reference) in vendorParents)
        {
            if (entities.TryGetValue(reference.Value, out var entity))
            {
                if (entity.Kind != Kind.Company)
                {
                    diagnostics.Error(DiagnosticCodes.WrongEndpointKind, file, reference.Line, reference.Column, $"vendor_parent {DiagnosticText.Quote(reference.Value)} is {A(entity.Kind.ToName())}, but a vendor's parent is a company", Suggest.DidYouMean(reference.Value, entities.Values.Where(x => x.Kind == Kind.Company).Select(x => x.Id)) ?? "name the id of a company");
                }
            }
            else if (!raw.ContainsKey(reference.Value) && !suggestedIds.Contains(reference.Value))
            {
                UnknownReference(file, reference, [Kind.Company], "a contract's vendor_parent");
            }
        }
    }

    private void CheckCitations()
    {
        var sourceIds = entities.Values.OfType<Source>().Select(s => s.Id).ToList();
        foreach (var (citation, file, node) in citationsToCheck)
        {
            if (entities.TryGetValue(citation.Source, out var entity) || raw.TryGetValue(citation.Source, out _) || suggestedIds.Contains(citation.Source))
            {
                if (entity is not null and not Source)
                {
                    diagnostics.Error(DiagnosticCodes.DanglingSource, file, node.Line, node.Column, $"{DiagnosticText.Quote(citation.Source)} is cited as a source but is {A(entity.Kind.ToName())}", Suggest.DidYouMean(citation.Source, sourceIds) ?? "cite an id from the sources: section");
                }

                continue;
            }

            diagnostics.Error(DiagnosticCodes.DanglingSource, file, node.Line, node.Column, $"the cited source {DiagnosticText.Quote(citation.Source)} is not defined", BuiltInHint(citation.Source) ?? Suggest.DidYouMean(citation.Source, sourceIds) ?? "define it in a sources: section");
        }
    }

    private void CheckCycles(List<Tie> ties)
    {
        foreach (var type in schema.RelationshipTypes.Where(t => t.Acyclic))
        {
            var edges = ties.Where(t => t.Type == type).GroupBy(t => t.From.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
            {
                if (state.ContainsKey(start))
                {
                    continue;
                }

                // Iterative depth-first search; a tie into a node on the current path closes a cycle.
                var path = new List<string> { start };
                var stack = new Stack<(string Node, int Next)>();
                stack.Push((start, 0));
                state[start] = 1;
                while (stack.Count > 0)
                {
                    var (node, next) = stack.Pop();
                    var outgoing = edges.GetValueOrDefault(node) ?? [];
                    if (next >= outgoing.Count)
                    {
                        state[node] = 2;
                        path.RemoveAt(path.Count - 1);
                        continue;
                    }

                    stack.Push((node, next + 1));
                    var tie = outgoing[next];
                    var target = tie.To.Id;
                    var targetState = state.GetValueOrDefault(target);
                    if (targetState == 1)
                    {
                        var cycle = path.Skip(path.IndexOf(target)).Append(target).ToList();
                        var at = tie.Location!;

                        // A cycle of thousands of entities is named by its first few and its length, as long values are cut.
                        var shown = cycle.Count <= 12 ? string.Join(" -> ", cycle) : $"{string.Join(" -> ", cycle.Take(10))} -> … -> {target} ({(cycle.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} entities)";
                        diagnostics.Error(DiagnosticCodes.Cycle, at.File, at.Line, at.Column, $"{type.Name} ties form a cycle: {shown}", $"{type.Name} must not loop back; remove one of these ties");
                    }
                    else if (targetState == 0)
                    {
                        state[target] = 1;
                        path.Add(target);
                        stack.Push((target, 0));
                    }
                }
            }
        }
    }

    private ImmutableArray<DatasetInfo> BuildDatasets()
    {
        var list = new List<DatasetInfo>();
        foreach (var (file, map) in datasets)
        {
            // An unknown field fails the load; the known ones are still checked, so every problem is reported at once.
            CheckFields(file, map, DatasetFields, "dataset");
            var fields = new FieldReader(this, file, map);
            list.Add(new DatasetInfo { File = file, Name = fields.Text("name"), Title = fields.Text("title"), License = fields.Text("license"), Description = fields.Text("description"), Url = fields.Url("url") });
        }

        return [.. list];
    }

    // Shared checks.
    private bool CheckFields(string file, YMap map, string[] allowed, string what)
    {
        var ok = true;
        foreach (var (key, _) in map.Entries)
        {
            if (Array.IndexOf(allowed, key.Value) >= 0)
            {
                continue;
            }

            ok = false;
            if (!SplitNumber(file, map, key))
            {
                diagnostics.Error(DiagnosticCodes.UnknownField, file, key.Line, key.Column, $"{DiagnosticText.Quote(key.Value)} is not a field of {what}", Suggest.DidYouMean(key.Value, allowed) ?? "fields are " + string.Join(", ", allowed));
            }
        }

        return ok;
    }

    // In { amount: 39,000,000 } the commas separate fields: amount is 39, then come the keys 000 and 000 without a
    // value (the YAML reader leaves the second out of the mapping and does not report it as a duplicate key). Whether
    // the key is such a part of a number: the number is reported once, where it is written, with the advice to quote it.
    private bool SplitNumber(string file, YMap map, YScalar key)
    {
        var index = map.Entries.FindIndex(e => ReferenceEquals(e.Key, key));
        if (!YMap.IsNumberPart(key) || map.Entries[index].Value is not YScalar { IsNull: true } || map.SplitNumberBefore(index + 1) is not (>= 0 and var at))
        {
            return false;
        }

        if (at + 1 == index)
        {
            var (field, number) = (map.Entries[at].Key.Value, (YScalar)map.Entries[at].Value);
            var parts = map.Entries.Skip(index).TakeWhile(e => YMap.IsNumberPart(e.Key) && e.Value is YScalar { IsNull: true }).Select(e => e.Key.Value).ToList();
            var rest = parts.Count == 1 ? $"{DiagnosticText.Quote(parts[0])} a field of its own" : $"{string.Join(", ", parts.Select(DiagnosticText.Quote))} fields of their own";
            diagnostics.Error(DiagnosticCodes.UnknownField, file, number.Line, number.Column, $"inside {{ }} a comma separates fields, so {DiagnosticText.Quote(field)} is {number.Value} and {rest}", $"quote the whole value as written: {field}: \"{number.Value},{string.Join(",", parts)}…\"");
        }

        return true;
    }

    private YScalar? Required(string file, YMap map, string field, string what)
    {
        var node = map.ValueOf(field);
        if (node is YScalar { IsNull: false } scalar)
        {
            if (string.IsNullOrWhiteSpace(scalar.Value))
            {
                diagnostics.Error(DiagnosticCodes.MissingField, file, scalar.Line, scalar.Column, $"'{field}' of {what} is empty", $"give the {field}");
                return null;
            }

            return OneLine(file, field, scalar, anywhere: true) ? scalar : null;
        }

        if (node is null or YScalar)
        {
            diagnostics.Error(DiagnosticCodes.MissingField, file, (node ?? map).Line, (node ?? map).Column, $"{what} needs '{field}'", $"add {field}: ...");
        }
        else
        {
            WrongShape(file, node, field, "a single id");
        }

        return null;
    }

    // A contract's vendor is the end of its awarded_to tie and the start of its contracts_with tie: one wrong
    // vendor is one error, not one per tie.
    private void ErrorOnce(string code, string file, YNode at, string message, string? suggestion) =>
        ReportOnce(code, DiagnosticSeverity.Error, file, at, message, suggestion);

    private void ReportOnce(string code, DiagnosticSeverity severity, string file, YNode at, string message, string? suggestion)
    {
        if (!reportedOnce.Add((code, file, at.Line, at.Column)))
        {
            return;
        }

        diagnostics.Add(code, severity, file, at.Line, at.Column, message, suggestion);
    }

    // A line break where a value is one line of text. Text (a name, a title, an alias) may hold line breaks of its own,
    // but not at its end, where a | or > block leaves one; an id or an address (anywhere: true) holds none at all.
    private bool OneLine(string file, string field, YScalar scalar, bool anywhere) => OneLine(diagnostics, file, field, scalar, anywhere);

    // Also for relationship type labels (SchemaReader): says so at the value when it is not one line.
    internal static bool OneLine(DiagnosticBag diagnostics, string file, string field, YScalar scalar, bool anywhere)
    {
        var value = scalar.Value.AsSpan();
        if (anywhere ? value.IndexOfAny('\n', '\r') < 0 : value.Length == 0 || value[^1] is not ('\n' or '\r'))
        {
            return true;
        }

        if (anywhere)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, file, scalar.Line, scalar.Column, $"'{field}' holds a line break, but an id, identifier or address is one line", "write the value on one line (a | or > block keeps a final line break: use |- or >-, or a plain value)");
        }
        else
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, file, scalar.Line, scalar.Column, $"'{field}' ends with a line break, which a | or > block keeps", $"write {field}: |- or {field}: >-, which drop the final line break, or the value on one line; only a description may end with one");
        }

        return false;
    }

    private void WrongShape(string file, YNode node, string field, string expected) =>
        diagnostics.Error(DiagnosticCodes.WrongShape, file, node.Line, node.Column, $"'{field}' is {node.Describe}", $"expected {expected}");

    private static string Describe(ImmutableArray<Kind> kinds) => string.Join(" or ", kinds.Select(k => k.ToName()));

    // "a company", "an agency", "an awarded_to": messages name kinds and types with their article.
    // When the files are loaded on their own and the id is the built-in graph's, the fix is to load them into it.
    private string? BuiltInHint(string id) =>
        !options.IncludeBuiltIn && BuiltInGraph.Find(id) is { } builtIn
            ? $"{DiagnosticText.Quote(id)} is the id of {A(builtIn.Kind.ToName())} in the built-in graph ({builtIn.Name}): to refer to it, load the files into the built-in graph: add --with-built-in (LoadOptions.IncludeBuiltIn)"
            : null;

    private static string A(string word) => ("aeiou".Contains(word[0], StringComparison.Ordinal) ? "an " : "a ") + word;

    internal static bool IsSlug(string id) => SlugPattern().IsMatch(id);

    private static string Slugify(string text)
    {
        var slug = NonSlug().Replace(Lookup.Normalize(text), "-").Trim('-');
        return slug.Length == 0 ? "my-id" : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();

    private sealed record RawEntity(Kind Kind, YScalar Key, string File)
    {
        /// <summary>The entity's fields as read; let go once the entity is built, so the tree does not outlive its use.</summary>
        public YMap? Fields { get; set; }

        public TieDefaults? Defaults { get; set; }

        /// <summary>The ties its fields make, in the order written.</summary>
        public List<RawTie> Ties { get; } = [];
    }

    /// <summary>
    /// Takes the entities of a YAML file's sections as the reader reads them, and builds each at once when the schema
    /// is settled, so that only one entity's part of the tree is alive at a time rather than the whole file's. Only for
    /// a file that begins with the format version this package reads; any other file is read whole, so that a wrong
    /// version reports nothing else.
    /// </summary>
    private sealed class EntityStream(GraphReader reader, string file) : ISectionStream
    {
        private (int Entities, int Diagnostics, int Citations)? start;

        public bool Streams(YMap root, YScalar section) =>
            reader.buildWhileReading
            && root.Entries.Count > 0
            && root.Entries[0] is { Key.Value: "techties", Value: YScalar { Value: var version } }
            && version == SupportedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && KindNames.TryParseSection(section.Value, out _);

        public void Entry(YScalar section, YScalar key, YNode value)
        {
            start ??= (reader.rawOrder.Count, reader.diagnostics.Items.Count, reader.citationsToCheck.Count);
            KindNames.TryParseSection(section.Value, out var kind);
            if (reader.ReadEntity(file, kind, key, value) is { } entity)
            {
                reader.BuildEntity(entity);
            }
        }

        /// <summary>
        /// Undoes every entry taken, for a file the reader gave up on: YamlDotNet reads it again whole. Reading and
        /// building an entity adds to the ids, the entities, the diagnostics and the citations to check, and to the
        /// entity's own field ties; nothing else (ReportOnce is used only once ties are built, after every file).
        /// </summary>
        public void Undo()
        {
            if (start is not { } s)
            {
                return;
            }

            for (var i = s.Entities; i < reader.rawOrder.Count; i++)
            {
                var id = reader.rawOrder[i].Key.Value;
                reader.raw.Remove(id);
                reader.entities.Remove(id);
                if (!IsSlug(id))
                {
                    reader.suggestedIds.Remove(Slugify(id));
                }
            }

            reader.rawOrder.RemoveRange(s.Entities, reader.rawOrder.Count - s.Entities);
            reader.diagnostics.TruncateTo(s.Diagnostics);
            reader.citationsToCheck.RemoveRange(s.Citations, reader.citationsToCheck.Count - s.Citations);
            start = null;
        }
    }

    /// <summary>A tie before resolution, placed at its type (or the field that makes it); <paramref name="Details"/> holds its own fields when written out.</summary>
    private sealed record RawTie(string File, YScalar From, string Type, int TypeLine, int TypeColumn, YScalar To, YMap? Details, RawEntity? Owner)
    {
        public TieDefaults? Defaults { get; init; }
    }

    /// <summary>What a tie made from a contract's or protest's fields takes from it unless it says otherwise.</summary>
    private sealed record TieDefaults(PartialDate? Since, PartialDate? Until, Money? Amount, TieStatus Status, ImmutableArray<Citation> Citations, Contract? Contract)
    {
        /// <summary>The facts every tie made from the contract or protest shares unless it gives its own.</summary>
        public TieFacts Facts { get; } = new(Since, Until, Amount, Status, null, Citations, []);
    }
}

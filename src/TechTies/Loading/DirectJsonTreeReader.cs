using System.Text.Json;

namespace TechTies.Loading;

/// <summary>
/// Reads a canonical JSON file straight into the format v1 tree that <see cref="JsonTreeReader"/> builds, in one pass
/// of <see cref="Utf8JsonReader"/> that counts lines and columns as it goes: no records, no map of positions by path.
/// It gives up, returning <see langword="null"/>, on anything that would be a diagnostic of the JSON reader (malformed
/// JSON, a null, a duplicate, unknown or missing member, a wrong type, an unknown version or kind, a contract tie
/// that is not what its contract makes, a plain value that is not its preferred claim) and on what it does not
/// handle (escaped member names): the caller then reads the file the strict way, which reports the problem. So a
/// tree from here is the tree the strict path gives, with the same positions, for a file it reads without a problem.
/// </summary>
internal ref struct DirectJsonTreeReader
{
    private static readonly Member[] RootMembers = [new("schemaVersion"u8, Shape.Text, true), new("datasets"u8, Shape.Array), new("relationshipTypes"u8, Shape.Array), new("entities"u8, Shape.Array, true), new("ties"u8, Shape.Array, true)];

    private static readonly Member[] DatasetMembers = [new("name"u8, Shape.Text), new("title"u8, Shape.Text), new("license"u8, Shape.Text), new("description"u8, Shape.Text), new("url"u8, Shape.Text)];

    private static readonly string[] DatasetKeys = FormatV1.DatasetFields;

    private static readonly Member[] TypeMembers =
    [
        new("name"u8, Shape.Text, true), new("from"u8, Shape.List, true), new("to"u8, Shape.List, true), new("label"u8, Shape.Text, true),
        new("inverse"u8, Shape.Text, true), new("sameKind"u8, Shape.Bool), new("acyclic"u8, Shape.Bool), new("description"u8, Shape.Text),
    ];

    private static readonly string[] TypeKeys = ["name", "from", "to", "label", "inverse", "same_kind", "acyclic", "description"];

    private static readonly Member[] EntityMembers =
    [
        new("kind"u8, Shape.Text, true), new("id"u8, Shape.Text, true), new("name"u8, Shape.Text, true), new("aliases"u8, Shape.List),
        new("description"u8, Shape.Text), new("url"u8, Shape.Text), new("founded"u8, Shape.Text), new("identifiers"u8, Shape.Identifiers),
        new("awardId"u8, Shape.Text), new("vendor"u8, Shape.Text), new("vendorParent"u8, Shape.Text), new("agency"u8, Shape.Text), new("office"u8, Shape.Text),
        new("products"u8, Shape.List), new("amount"u8, Shape.Text), new("obligated"u8, Shape.Text), new("currentValue"u8, Shape.Text),
        new("potentialValue"u8, Shape.Text), new("start"u8, Shape.Text), new("end"u8, Shape.Text), new("status"u8, Shape.Text),
        new("protestKind"u8, Shape.Text), new("date"u8, Shape.Text), new("place"u8, Shape.Text), new("size"u8, Shape.Text),
        new("sourceKind"u8, Shape.Text), new("publisher"u8, Shape.Text), new("author"u8, Shape.Text), new("published"u8, Shape.Text),
        new("citations"u8, Shape.Citations), new("fieldClaims"u8, Shape.FieldClaims),
    ];

    // The YAML keys of the entity members from aliases to citations, in the order the strict path writes them.
    private static readonly string[] EntityKeys =
    [
        "kind", "id", "name", "aliases", "description", "url", "founded", "identifiers", "award_id", "vendor", "vendor_parent", "agency", "office",
        "product", "amount", "obligated", "current_value", "potential_value", "start", "end", "status", "protestKind", "date",
        "place", "size", "sourceKind", "publisher", "author", "published", "sources",
    ];

    private static readonly Member[] TieMembers =
    [
        new("id"u8, Shape.Text, true), new("type"u8, Shape.Text, true), new("from"u8, Shape.Text, true), new("to"u8, Shape.Text, true),
        new("since"u8, Shape.Text), new("until"u8, Shape.Text), new("amount"u8, Shape.Text), new("status"u8, Shape.Text, true),
        new("description"u8, Shape.Text), new("citations"u8, Shape.Citations), new("fieldClaims"u8, Shape.FieldClaims), new("contract"u8, Shape.Text),
    ];

    private static readonly Member[] CitationMembers = [new("source"u8, Shape.Text, true), new("quote"u8, Shape.Text), new("page"u8, Shape.Text)];

    private static readonly string[] CitationKeys = ["source", "quote", "page"];

    private static readonly Member[] FieldClaimsMembers = [new("field"u8, Shape.Text, true), new("claims"u8, Shape.Claims, true)];

    private static readonly string[] FieldClaimsKeys = ["field", "claims"];

    private static readonly Member[] ClaimMembers = [new("value"u8, Shape.Text, true), new("citations"u8, Shape.Citations), new("preferred"u8, Shape.Bool, true)];

    private static readonly string[] ClaimKeys = ["value", "sources", "preferred"];

    private readonly ReadOnlySpan<byte> json;

    // Objects of one type never nest in each other, so each type reuses one array of members.
    private readonly YNode?[] citationSlots = new YNode?[CitationMembers.Length];
    private readonly YNode?[] fieldClaimsSlots = new YNode?[FieldClaimsMembers.Length];
    private readonly YNode?[] claimSlots = new YNode?[ClaimMembers.Length];
    private Utf8JsonReader reader;

    // Lines and columns are counted up to the start of the last token read.
    private int counted;
    private int line = 1;
    private int column = 1;

    private DirectJsonTreeReader(ReadOnlySpan<byte> json)
    {
        this.json = json;
        reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = YamlTreeReader.MaxDepth });
    }

    private enum Shape
    {
        Text,
        Bool,
        List,
        Identifiers,
        Citations,
        FieldClaims,
        Claims,
        Array,
    }

    /// <summary>The tree of <paramref name="json"/> (without a byte order mark), or <see langword="null"/> when the strict path must read it.</summary>
    public static YMap? TryRead(ReadOnlySpan<byte> json)
    {
        var direct = new DirectJsonTreeReader(json);
        try
        {
            return direct.Graph();
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-8.
            return null;
        }
    }

    private YMap? Graph()
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var root = new YMap { Line = Position().Line, Column = Position().Column };
        var slots = new YNode?[RootMembers.Length];
        var datasets = new List<YMap>();
        YMap? types = null;
        var sections = new List<(Kind Kind, YMap Section)>();
        YSeq? ties = null;
        var contracts = new Dictionary<string, ContractTerms>(StringComparer.Ordinal);
        var contractTies = new List<TieTerms>();
        var entitySlots = new YNode?[EntityMembers.Length];
        var tieSlots = new YNode?[TieMembers.Length];
        while (Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(RootMembers);
            if (index < 0 || slots[index] is not null || !Read())
            {
                return null;
            }

            if (index == 0)
            {
                slots[0] = Value(Shape.Text);
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            var (line, column) = Position();
            var array = slots[index] = new YSeq { Line = line, Column = column };
            switch (index)
            {
                case 1:
                    while (NextItem())
                    {
                        var (mapLine, mapColumn) = Position();
                        var dataset = Members(DatasetMembers, new YNode?[DatasetMembers.Length]) is { } values ? Map(mapLine, mapColumn, values, DatasetKeys, 0) : null;
                        if (dataset is null)
                        {
                            return null;
                        }

                        datasets.Add(dataset);
                    }

                    break;
                case 2:
                    types = new YMap { Line = line, Column = column };
                    while (NextItem())
                    {
                        var (mapLine, mapColumn) = Position();
                        if (Members(TypeMembers, new YNode?[TypeMembers.Length]) is not { } values)
                        {
                            return null;
                        }

                        types.Entries.Add(new((YScalar)values[0]!, Map(mapLine, mapColumn, values, TypeKeys, 1)));
                    }

                    break;
                case 3:
                    while (NextItem())
                    {
                        var (mapLine, mapColumn) = Position();
                        if (Members(EntityMembers, entitySlots) is null || !TryKind(entitySlots, out var kind))
                        {
                            return null;
                        }

                        var section = sections.Find(s => s.Kind == kind).Section;
                        if (section is null)
                        {
                            section = new YMap { Line = line, Column = column };
                            sections.Add((kind, section));
                        }

                        var id = (YScalar)entitySlots[1]!;
                        if (kind == Kind.Contract)
                        {
                            contracts.TryAdd(id.Value, new ContractTerms(entitySlots));
                        }

                        var entity = Entity(mapLine, mapColumn, entitySlots, kind);
                        if (entity is null)
                        {
                            return null;
                        }

                        section.Entries.Add(new(id, entity));
                    }

                    break;
                default:
                    ties = (YSeq)array;
                    while (NextItem())
                    {
                        var (mapLine, mapColumn) = Position();
                        if (Members(TieMembers, tieSlots) is null)
                        {
                            return null;
                        }

                        if (tieSlots[11] is not null)
                        {
                            contractTies.Add(new TieTerms(tieSlots));
                            continue;
                        }

                        var tie = Tie(mapLine, mapColumn, tieSlots);
                        if (tie is null)
                        {
                            return null;
                        }

                        ties.Items.Add(tie);
                    }

                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || slots[0] is not YScalar { Value: JsonGraph.CurrentVersion } version
            || slots[3] is null || ties is null || !contractTies.TrueForAll(t => contracts.TryGetValue(t.Contract, out var c) && t.IsMadeBy(c)))
        {
            return null;
        }

        Add(root, "techties", new YScalar { Value = "1", IsPlain = true, Line = version.Line, Column = version.Column });
        foreach (var dataset in datasets)
        {
            Add(root, "dataset", dataset);
        }

        if (types is { Entries.Count: > 0 })
        {
            Add(root, "relationship_types", types);
        }

        foreach (var (kind, section) in sections)
        {
            Add(root, kind.ToSection(), section);
        }

        Add(root, "ties", ties);
        return root;
    }

    private static bool TryKind(YNode?[] slots, out Kind kind) => KindNames.TryParse(((YScalar)slots[0]!).Value, out kind);

    private static YMap? Entity(int line, int column, YNode?[] slots, Kind kind)
    {
        var map = new YMap { Line = line, Column = column };
        var name = (YScalar)slots[2]!;
        // A source named by its publisher and date has no headline: its title is left out so the name is derived again.
        var untitled = kind == Kind.Source && slots[26] is YScalar publisher
            && name.Value == Source.FallbackName(publisher.Value, PartialDate.TryParse((slots[28] as YScalar)?.Value, out var published) ? published : null);
        if (!untitled)
        {
            Add(map, kind is Kind.Contract or Kind.Source ? "title" : "name", name);
        }

        for (var i = 3; i < EntityKeys.Length; i++)
        {
            var key = (i == 21 && kind == Kind.Protest) || (i == 25 && kind == Kind.Source) ? "kind" : EntityKeys[i];
            if (slots[i] is { } value)
            {
                Add(map, key, value);
            }
        }

        return ApplyClaims(map, slots[30]) ? map : null;
    }

    private static YMap? Tie(int line, int column, YNode?[] slots)
    {
        var map = new YMap { Line = line, Column = column };
        AddIfAny(map, "from", slots[2]);
        AddIfAny(map, "type", slots[1]);
        AddIfAny(map, "to", slots[3]);
        AddIfAny(map, "since", slots[4]);
        AddIfAny(map, "until", slots[5]);
        AddIfAny(map, "amount", slots[6]);
        AddIfAny(map, "status", slots[7]);
        AddIfAny(map, "description", slots[8]);
        AddIfAny(map, "sources", slots[9]);
        return ApplyClaims(map, slots[10]) ? map : null;
    }

    // A map of the members from `first` on, under their YAML keys.
    private static YMap Map(int line, int column, YNode?[] values, string[] keys, int first)
    {
        var map = new YMap { Line = line, Column = column };
        for (var i = first; i < keys.Length; i++)
        {
            AddIfAny(map, keys[i], values[i]);
        }

        return map;
    }

    // A field with claims takes the claim form; its plain value, when given too, must be the preferred one.
    private static bool ApplyClaims(YMap map, YNode? fieldClaims)
    {
        foreach (var item in (fieldClaims as YSeq)?.Items ?? [])
        {
            var field = ((YScalar)((YMap)item).Entries[0].Value).Value;
            var claims = (YSeq)((YMap)item).Entries[1].Value;
            var index = map.Entries.FindIndex(e => e.Key.Value == field);
            if (index < 0)
            {
                Add(map, field, claims);
                continue;
            }

            if (map.Entries[index].Value is YScalar plain)
            {
                var preferred = claims.Items.Cast<YMap>().Where(c => c.ValueOf("preferred") is YScalar { Value: "true" }).ToList();
                if (preferred.Count == 1 && !JsonTreeReader.SameValue(plain.Value, ((YScalar)preferred[0].ValueOf("value")!).Value))
                {
                    return false;
                }
            }

            map.Entries[index] = new(map.Entries[index].Key, claims);
        }

        return true;
    }

    private static void AddIfAny(YMap map, string key, YNode? value)
    {
        if (value is not null)
        {
            Add(map, key, value);
        }
    }

    private static void Add(YMap map, string key, YNode value) =>
        map.Entries.Add(new(new YScalar { Value = key, IsPlain = true, Line = value.Line, Column = value.Column }, value));

    // Reads the members of the object the reader is on into slots; null when one is unknown, twice, missing or of a wrong shape.
    private YNode?[]? Members(Member[] members, YNode?[] slots)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        Array.Clear(slots);
        while (Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(members);
            if (index < 0 || slots[index] is not null || !Read() || Value(members[index].Shape) is not { } value)
            {
                return null;
            }

            slots[index] = value;
        }

        for (var i = 0; i < members.Length; i++)
        {
            if (members[i].Required && slots[i] is null)
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject ? slots : null;
    }

    private YNode? Value(Shape shape)
    {
        var (line, column) = Position();
        switch (shape)
        {
            case Shape.Text when reader.TokenType == JsonTokenType.String:
                return new YScalar { Value = reader.GetString()!, IsPlain = false, Line = line, Column = column };
            case Shape.Bool when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                return new YScalar { Value = reader.TokenType == JsonTokenType.True ? "true" : "false", IsPlain = true, Line = line, Column = column };
            case Shape.Identifiers when reader.TokenType == JsonTokenType.StartObject:
                return Identifiers(line, column);
            case Shape.List or Shape.Citations or Shape.FieldClaims or Shape.Claims when reader.TokenType == JsonTokenType.StartArray:
                var seq = new YSeq { Line = line, Column = column };
                while (NextItem())
                {
                    var item = shape switch
                    {
                        Shape.List => Value(Shape.Text),
                        Shape.Citations => Object(CitationMembers, citationSlots, CitationKeys),
                        Shape.FieldClaims => Object(FieldClaimsMembers, fieldClaimsSlots, FieldClaimsKeys),
                        _ => Object(ClaimMembers, claimSlots, ClaimKeys),
                    };
                    if (item is null)
                    {
                        return null;
                    }

                    seq.Items.Add(item);
                }

                return seq;
            default:
                return null;
        }
    }

    private YMap? Object(Member[] members, YNode?[] slots, string[] keys)
    {
        var (line, column) = Position();
        return Members(members, slots) is { } values ? Map(line, column, values, keys, 0) : null;
    }

    // Identifiers are written in the order of their schemes under the default comparer, as the strict path's SortedDictionary keeps them.
    private YMap? Identifiers(int line, int column)
    {
        var sorted = new SortedDictionary<string, YScalar>();
        while (Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var scheme = reader.GetString()!;
            if (!Read() || Value(Shape.Text) is not YScalar value || !sorted.TryAdd(scheme, value))
            {
                return null;
            }
        }

        var map = new YMap { Line = line, Column = column };
        foreach (var (scheme, value) in sorted)
        {
            map.Entries.Add(new(new YScalar { Value = scheme, IsPlain = false, Line = value.Line, Column = value.Column }, value));
        }

        return map;
    }

    // Moves to the next item of the array the reader is in; false at its end.
    private bool NextItem() => Read() && reader.TokenType != JsonTokenType.EndArray;

    private bool Read() => reader.Read();

    private int IndexOf(Member[] members)
    {
        if (reader.ValueIsEscaped)
        {
            return -1;
        }

        var name = reader.ValueSpan;
        for (var i = 0; i < members.Length; i++)
        {
            if (name.SequenceEqual(members[i].Name))
            {
                return i;
            }
        }

        return -1;
    }

    // The line and column of the current token's start, counted on from the previous token (columns in characters).
    private (int Line, int Column) Position()
    {
        var offset = (int)reader.TokenStartIndex;
        for (; counted < offset; counted++)
        {
            var b = json[counted];
            if (b == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    private readonly record struct Member(byte[] Name, Shape Shape, bool Required = false)
    {
        public Member(ReadOnlySpan<byte> name, Shape shape, bool required = false)
            : this(name.ToArray(), shape, required)
        {
        }
    }

    /// <summary>What a contract says about the ties it makes.</summary>
    private sealed class ContractTerms(YNode?[] slots)
    {
        public string Id { get; } = Text(slots[1])!;

        public string? Vendor { get; } = Text(slots[9]);

        public string? Agency { get; } = Text(slots[11]);

        public string? Office { get; } = Text(slots[12]);

        public YSeq? Products { get; } = slots[13] as YSeq;

        public string? Start { get; } = Text(slots[18]);

        public string? End { get; } = Text(slots[19]);

        public string? Amount { get; } = Text(slots[14]);

        public string Status { get; } = Text(slots[20]) ?? "reported";

        public YSeq? Citations { get; } = slots[29] as YSeq;

        public static string? Text(YNode? node) => (node as YScalar)?.Value;
    }

    /// <summary>A tie written with its contract: it must say what the contract says.</summary>
    private sealed class TieTerms(YNode?[] slots)
    {
        private readonly string type = ContractTerms.Text(slots[1])!;
        private readonly string from = ContractTerms.Text(slots[2])!;
        private readonly string to = ContractTerms.Text(slots[3])!;
        private readonly string? since = ContractTerms.Text(slots[4]);
        private readonly string? until = ContractTerms.Text(slots[5]);
        private readonly string? amount = ContractTerms.Text(slots[6]);
        private readonly string status = ContractTerms.Text(slots[7])!;
        private readonly bool ownFields = slots[8] is not null || slots[10] is not null;
        private readonly YSeq? citations = slots[9] as YSeq;

        public string Contract { get; } = ContractTerms.Text(slots[11])!;

        // Conservative: citations that differ only in how the strict path joins them are left to it.
        public bool IsMadeBy(ContractTerms c) =>
            Makes(c) && JsonTreeReader.SameOrBoth(since, c.Start) && JsonTreeReader.SameOrBoth(until, c.End) && JsonTreeReader.SameOrBoth(amount, c.Amount)
            && status == c.Status && !ownFields && SameCitations(citations, c.Citations);

        private bool Makes(ContractTerms c) =>
            (type == "awarded_to" && from == c.Id && to == c.Vendor)
            || (type == "contracts_with" && from == c.Vendor && to == c.Agency)
            || (type == "awarded_by" && from == c.Id && (to == c.Agency || to == c.Office))
            || (type == "covers" && from == c.Id && c.Products is not null && c.Products.Items.Exists(p => ((YScalar)p).Value == to));

        private static bool SameCitations(YSeq? a, YSeq? b)
        {
            var left = a?.Items ?? [];
            var right = b?.Items ?? [];
            if (left.Count != right.Count)
            {
                return false;
            }

            for (var i = 0; i < left.Count; i++)
            {
                var (x, y) = ((YMap)left[i], (YMap)right[i]);
                foreach (var key in CitationKeys)
                {
                    if ((ContractTerms.Text(x.ValueOf(key)) ?? string.Empty) != (ContractTerms.Text(y.ValueOf(key)) ?? string.Empty))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}

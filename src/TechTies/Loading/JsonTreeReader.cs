using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TechTies.Loading;

/// <summary>
/// Reads one canonical JSON file (see <c>docs/json.md</c>) strictly, then turns it into the same tree a YAML file of
/// format v1 gives, with the JSON positions, so JSON and YAML go through one validation path. Malformed JSON,
/// duplicate members (checked here, so .NET 8 and .NET 10 behave alike), unknown members, missing required members
/// nulls (the format has none) and wrong types become diagnostics with line and column; nothing throws for bad input.
/// A file without problems is read by <see cref="DirectJsonTreeReader"/> in one pass; the strict path below reads the
/// others and reports their problems.
/// </summary>
internal static partial class JsonTreeReader
{
    public static YNode? Read(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var json = new ReadOnlyMemory<byte>(bytes, start, bytes.Length - start);
        if (DirectJsonTreeReader.TryRead(json.Span) is { } tree)
        {
            return tree;
        }

        // Bytes that are not UTF-8 are the same error in JSON as in YAML (TT0001 at the first of them); left to the
        // serializer, a string holding them ends the load with an exception instead of a diagnostic.
        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
        {
            YamlTreeReader.TryDecode(bytes, file, diagnostics, out _);
            return null;
        }

        return ReadStrictly(json, file, diagnostics);
    }

    internal static bool SameOrBoth(string? value, string? other) => value == other || (value is not null && other is not null && SameValue(value, other));

    internal static bool SameValue(string value, string claim) =>
        value == claim
        || (PartialDate.TryParse(value, out var d1) && PartialDate.TryParse(claim, out var d2) && d1 == d2)
        || (Money.TryParse(value, out var m1) && Money.TryParse(claim, out var m2) && m1 == m2);

    /// <summary>
    /// Reads the file the strict way, which reports every problem: a pass of the low-level reader for positions,
    /// malformed JSON, duplicates and nulls, then the serializer for the members, then the tree from the records.
    /// </summary>
    internal static YNode? ReadStrictly(ReadOnlyMemory<byte> json, string file, DiagnosticBag diagnostics)
    {
        var lines = new LineMap(json);
        var positions = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var names = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        // The low-level pass finds malformed JSON and duplicates; the serializer then finds unknown, missing and mistyped members.
        try
        {
            if (!MapPositions(json.Span, file, lines, positions, names, diagnostics))
            {
                return null;
            }
        }
        catch (JsonException e)
        {
            var readerMessage = WithoutPosition(e.Message);
            var offset = lines.OffsetOf((int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            var (message, suggestion) = JsonSyntax.Describe(readerMessage, json.Span, offset);
            var (line, column) = lines.PositionOfOffset(JsonSyntax.Offset(readerMessage, json.Span, offset));
            diagnostics.Error(DiagnosticCodes.YamlSyntax, file, line, column, "JSON syntax error: " + message, suggestion);
            return null;
        }

        JsonGraph? graph;
        try
        {
            graph = JsonSerializer.Deserialize(json.Span, CanonicalJsonContext.Default.JsonGraph);
        }
        catch (JsonException e)
        {
            // The exception's own position is just past the token it is about; the low-level pass knows where the token starts.
            var (code, message, suggestion) = Describe(e);
            // An unknown member is reported at its name, a mistyped one at its value, a missing one at its object.
            var (line, column) = PointerOf(e.Path) is { } pointer && (code == DiagnosticCodes.UnknownField ? names : positions).TryGetValue(pointer, out var at)
                ? at
                : lines.Position((int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            diagnostics.Error(code, file, line, column, message, suggestion);
            return null;
        }

        if (graph is null)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, file, 1, 1, "the JSON is null, not a TechTies graph", "write an object with schemaVersion, entities and ties");
            return null;
        }

        return new TreeBuilder(file, positions, diagnostics).Build(graph);
    }

    /// <summary>The serializer's path of a member (<c>$.entities[3].name</c>, <c>$['a b']</c>) as a key of the position maps (<c>/entities/3/name</c>).</summary>
    internal static string? PointerOf(string? path)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        var pointer = new StringBuilder();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                pointer.Append('/').Append(path, i + 1, end - i - 1);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                pointer.Append('/').Append(path, i + 2, end - i - 2);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    return null;
                }

                pointer.Append('/').Append(path, i + 1, end - i - 1);
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return pointer.ToString();
    }

    // One pass with the low-level reader: positions of every value by path ("/entities/3/name") and of every member name
    // (in names, by the same path), and duplicates.
    private static bool MapPositions(ReadOnlySpan<byte> json, string file, LineMap lines, Dictionary<string, (int Line, int Column)> positions, Dictionary<string, (int Line, int Column)> names, DiagnosticBag diagnostics)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = YamlTreeReader.MaxDepth });
        var frames = new Stack<Frame>();
        var ok = true;
        while (reader.Read())
        {
            var at = lines.PositionOfOffset((int)reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var frame = frames.Peek();
                var name = reader.GetString()!;
                if (!frame.Names!.TryAdd(name, at))
                {
                    var first = frame.Names[name];
                    diagnostics.Error(DiagnosticCodes.DuplicateKey, file, at.Line, at.Column, $"the member {DiagnosticText.Quote(name)} appears twice in this object (first at line {first.Line}, column {first.Column})", "remove or rename one of them");
                    ok = false;
                }

                frame.Pending = name;
                names[frame.Path + "/" + name] = at;
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                frames.Pop();
                continue;
            }

            var path = frames.Count == 0 ? string.Empty : frames.Peek().Next();
            positions[path] = at;
            if (reader.TokenType == JsonTokenType.Null)
            {
                // The format has no nulls: a member without a value is left out. This also keeps nulls out of required members.
                diagnostics.Error(DiagnosticCodes.WrongShape, file, at.Line, at.Column, "null is not a value in a TechTies graph", "leave the member out instead");
                ok = false;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartObject));
            }
        }

        return ok;
    }

    private static (string Code, string Message, string? Suggestion) Describe(JsonException e)
    {
        var text = WithoutPosition(e.Message);
        var where = WhatPath(e.Path);
        var unmapped = Unmapped().Match(text);
        // A YAML section name at the top (ties is a member of both layouts, so never unmapped) means the YAML layout.
        if (unmapped.Success && where == "the graph object" && FormatV1.Sections.Contains(unmapped.Groups[1].Value))
        {
            return (DiagnosticCodes.UnknownField, $"{DiagnosticText.Quote(unmapped.Groups[1].Value)} is not a member of the graph object: this file is written in the YAML layout (techties: 1, companies: ...), not the JSON format", "rename the file to .yaml, or write the JSON format of docs/json.md (schemaVersion, entities, ties)");
        }

        if (unmapped.Success)
        {
            return (DiagnosticCodes.UnknownField, $"{DiagnosticText.Quote(unmapped.Groups[1].Value)} is not a member of {where}", "see docs/json.md for the members of each object");
        }

        var missing = Missing().Match(text);
        return missing.Success
            ? (DiagnosticCodes.MissingField, $"{where} needs {missing.Groups[1].Value.Trim()}", "see docs/json.md for the required members")
            : (DiagnosticCodes.WrongShape, $"{Member(e.Path)}{where} has a value of the wrong JSON type", "see docs/json.md for the type of each member: text, money and dates are strings");
    }

    private static string Member(string? path)
    {
        var name = path is null ? null : Regex.Match(path, @"\.(\w+)(\[\d+\])?$").Groups[1].Value;
        return string.IsNullOrEmpty(name) ? string.Empty : $"{DiagnosticText.Quote(name)} of ";
    }

    // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 5."; the position is reported separately.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var cutLine = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        var end = cut >= 0 ? cut : cutLine >= 0 ? cutLine : message.Length;
        return message[..end].Trim().TrimEnd('|').Trim();
    }

    private static string WhatPath(string? path) => path switch
    {
        null or "$" => "the graph object",
        _ when path.Contains("fieldClaims", StringComparison.Ordinal) && path.Contains("claims[", StringComparison.Ordinal) => "a claim",
        _ when path.Contains("fieldClaims", StringComparison.Ordinal) => "a field's claims",
        _ when path.Contains("citations", StringComparison.Ordinal) => "a citation",
        _ when path.StartsWith("$.entities", StringComparison.Ordinal) => "an entity",
        _ when path.StartsWith("$.ties", StringComparison.Ordinal) => "a tie",
        _ when path.StartsWith("$.relationshipTypes", StringComparison.Ordinal) => "a relationship type",
        _ when path.StartsWith("$.datasets", StringComparison.Ordinal) => "a dataset",
        _ => "the graph object",
    };

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex("missing required properties including: (.*?)\\.?$")]
    private static partial Regex Missing();

    private sealed class Frame(string path, bool isObject)
    {
        private int index;

        public string Path => path;

        public Dictionary<string, (int Line, int Column)>? Names { get; } = isObject ? new(StringComparer.Ordinal) : null;

        public string? Pending { get; set; }

        public string Next() => Names is null ? $"{path}/{index++}" : $"{path}/{Pending}";
    }

    /// <summary>Turns byte offsets into 1-based lines and columns counted in characters.</summary>
    private sealed class LineMap
    {
        private readonly ReadOnlyMemory<byte> json;
        private readonly List<int> starts = [0];

        public LineMap(ReadOnlyMemory<byte> json)
        {
            this.json = json;
            var span = json.Span;
            for (var i = 0; i < span.Length; i++)
            {
                if (span[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) PositionOfOffset(int offset)
        {
            var line = starts.BinarySearch(offset);
            line = line >= 0 ? line : ~line - 1;
            return Position(line, offset - starts[line]);
        }

        // Line and byte position are 0-based, as JsonException gives them.
        public int OffsetOf(int line, int bytePosition) => starts[Math.Clamp(line, 0, starts.Count - 1)] + bytePosition;

        public (int Line, int Column) Position(int line, int bytePosition)
        {
            line = Math.Clamp(line, 0, starts.Count - 1);
            var span = json.Span;

            // Tokens are looked up in order: counting on from the last position on the same line keeps a file of one
            // long line (minified JSON) linear instead of recounting the line for every token.
            var (from, column) = line == lastLine && bytePosition >= lastBytePosition ? (lastBytePosition, lastColumn) : (0, 1);
            for (var i = starts[line] + from; i < starts[line] + bytePosition && i < span.Length; i++)
            {
                if ((span[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            (lastLine, lastBytePosition, lastColumn) = (line, bytePosition, column);
            return (line + 1, column);
        }

        private int lastLine = -1;
        private int lastBytePosition;
        private int lastColumn;
    }

    /// <summary>Builds the format v1 tree from the records.</summary>
    private sealed class TreeBuilder(string file, Dictionary<string, (int Line, int Column)> positions, DiagnosticBag diagnostics)
    {
        public YNode? Build(JsonGraph graph)
        {
            var root = Map(string.Empty);
            if (graph.SchemaVersion != JsonGraph.CurrentVersion)
            {
                var (line, column) = At("/schemaVersion");
                diagnostics.Error(DiagnosticCodes.UnsupportedVersion, file, line, column, $"schema version {DiagnosticText.Quote(graph.SchemaVersion)} is not supported: this package reads version {JsonGraph.CurrentVersion}", $"write \"schemaVersion\": \"{JsonGraph.CurrentVersion}\", or update the TechTies package");
                return null;
            }

            Add(root, "techties", Plain("1", "/schemaVersion"));
            for (var i = 0; i < (graph.Datasets?.Count ?? 0); i++)
            {
                var d = graph.Datasets![i];
                var path = $"/datasets/{i}";
                var map = Map(path);
                Text(map, "name", d.Name, path + "/name");
                Text(map, "title", d.Title, path + "/title");
                Text(map, "license", d.License, path + "/license");
                Text(map, "description", d.Description, path + "/description");
                Text(map, "url", d.Url, path + "/url");
                Add(root, "dataset", map);
            }

            if (graph.RelationshipTypes is { Count: > 0 } types)
            {
                var section = Map("/relationshipTypes");
                for (var i = 0; i < types.Count; i++)
                {
                    section.Entries.Add(new(Quoted(types[i].Name, $"/relationshipTypes/{i}/name"), RelationshipType(types[i], $"/relationshipTypes/{i}")));
                }

                Add(root, "relationship_types", section);
            }

            var sections = new Dictionary<Kind, YMap>();
            var contracts = new Dictionary<string, JsonEntity>(StringComparer.Ordinal);
            for (var i = 0; i < graph.Entities.Count; i++)
            {
                var e = graph.Entities[i];
                var path = $"/entities/{i}";
                if (!KindNames.TryParse(e.Kind, out var kind))
                {
                    var (line, column) = At(path + "/kind");
                    diagnostics.Error(DiagnosticCodes.BadEnumValue, file, line, column, $"{DiagnosticText.Quote(e.Kind)} is not an entity kind", Suggest.DidYouMean(e.Kind, KindNames.All) ?? "kinds are " + string.Join(", ", KindNames.All));
                    continue;
                }

                if (kind == Kind.Contract)
                {
                    contracts.TryAdd(e.Id, e);
                }

                if (!sections.TryGetValue(kind, out var section))
                {
                    section = sections[kind] = Map("/entities");
                    Add(root, kind.ToSection(), section);
                }

                section.Entries.Add(new(Quoted(e.Id, path + "/id"), Entity(e, kind, path)));
            }

            var ties = Seq("/ties");
            for (var i = 0; i < graph.Ties.Count; i++)
            {
                var t = graph.Ties[i];
                var path = $"/ties/{i}";
                if (t.Contract is null)
                {
                    ties.Items.Add(Tie(t, path));
                }
                else if (!contracts.TryGetValue(t.Contract, out var contract))
                {
                    var (line, column) = At(path + "/contract");
                    diagnostics.Error(DiagnosticCodes.UnknownReference, file, line, column, $"{DiagnosticText.Quote(t.Contract)} (the contract of a tie) is not the id of any contract", "ties with a contract are made from that contract's entity; define the contract or remove the tie");
                }
                else if (DiffersFromContract(t, contract) is { } difference)
                {
                    var (line, column) = At(path);
                    diagnostics.Error(DiagnosticCodes.WrongShape, file, line, column, $"the tie {DiagnosticText.Quote(t.Id)} is not what contract {DiagnosticText.Quote(contract.Id)} makes: {difference}", "a tie with a contract is made from the contract's fields; change the contract, or remove 'contract' to write an ordinary tie");
                }
            }

            Add(root, "ties", ties);
            return root;
        }

        // A contract's ties are made again from the contract, so a written copy must say what the contract says.
        private static string? DiffersFromContract(JsonTie t, JsonEntity c)
        {
            (string Type, string? From, string? To)[] made =
            [
                ("awarded_to", c.Id, c.Vendor), ("contracts_with", c.Vendor, c.Agency), ("awarded_by", c.Id, c.Agency), ("awarded_by", c.Id, c.Office),
                .. (c.Products ?? []).Select(p => ("covers", (string?)c.Id, (string?)p)),
            ];
            if (!made.Contains((t.Type, t.From, t.To)))
            {
                return $"it makes no {t.Type} tie from {DiagnosticText.Quote(t.From)} to {DiagnosticText.Quote(t.To)}";
            }

            static string Citations(List<JsonCitation>? list) => string.Join("|", (list ?? []).Select(x => $"{x.Source}\u0001{x.Quote}\u0001{x.Page}"));
            return !SameOrBoth(t.Since, c.Start) ? $"since is {DiagnosticText.Quote(t.Since)}, the contract's start {DiagnosticText.Quote(c.Start)}"
                : !SameOrBoth(t.Until, c.End) ? $"until is {DiagnosticText.Quote(t.Until)}, the contract's end {DiagnosticText.Quote(c.End)}"
                : !SameOrBoth(t.Amount, c.Amount) ? $"amount is {DiagnosticText.Quote(t.Amount)}, the contract's {DiagnosticText.Quote(c.Amount)}"
                : t.Status != (c.Status ?? "reported") ? $"status is {DiagnosticText.Quote(t.Status)}, the contract's '{c.Status ?? "reported"}'"
                : t.Description is not null || t.FieldClaims is not null ? "it has its own description or claims"
                : Citations(t.Citations) != Citations(c.Citations) ? "its citations are not the contract's"
                : null;
        }

        private YMap Entity(JsonEntity e, Kind kind, string path)
        {
            var map = Map(path);
            // A source named by its publisher and date has no headline: leave the title out so the name is derived again.
            var untitled = kind == Kind.Source && e.Publisher is not null
                && e.Name == Source.FallbackName(e.Publisher, PartialDate.TryParse(e.Published, out var published) ? published : null);
            if (!untitled)
            {
                Text(map, kind is Kind.Contract or Kind.Source ? "title" : "name", e.Name, path + "/name");
            }

            List(map, "aliases", e.Aliases, path + "/aliases");
            Text(map, "description", e.Description, path + "/description");
            Text(map, "url", e.Url, path + "/url");
            Text(map, "founded", e.Founded, path + "/founded");
            if (e.Identifiers is not null)
            {
                var identifiers = Map(path + "/identifiers");
                foreach (var (scheme, value) in e.Identifiers)
                {
                    identifiers.Entries.Add(new(Quoted(scheme, path + "/identifiers/" + scheme), Quoted(value, path + "/identifiers/" + scheme)));
                }

                Add(map, "identifiers", identifiers);
            }

            Text(map, "award_id", e.AwardId, path + "/awardId");
            Text(map, "vendor", e.Vendor, path + "/vendor");
            Text(map, "vendor_parent", e.VendorParent, path + "/vendorParent");
            Text(map, "agency", e.Agency, path + "/agency");
            Text(map, "office", e.Office, path + "/office");
            List(map, "product", e.Products, path + "/products");
            Text(map, "amount", e.Amount, path + "/amount");
            Text(map, "obligated", e.Obligated, path + "/obligated");
            Text(map, "current_value", e.CurrentValue, path + "/currentValue");
            Text(map, "potential_value", e.PotentialValue, path + "/potentialValue");
            Text(map, "start", e.Start, path + "/start");
            Text(map, "end", e.End, path + "/end");
            Text(map, "status", e.Status, path + "/status");
            Text(map, kind == Kind.Protest ? "kind" : "protestKind", e.ProtestKind, path + "/protestKind");
            Text(map, "date", e.Date, path + "/date");
            Text(map, "place", e.Place, path + "/place");
            Text(map, "size", e.Size, path + "/size");
            Text(map, kind == Kind.Source ? "kind" : "sourceKind", e.SourceKind, path + "/sourceKind");
            Text(map, "publisher", e.Publisher, path + "/publisher");
            Text(map, "author", e.Author, path + "/author");
            Text(map, "published", e.Published, path + "/published");
            Citations(map, e.Citations, path + "/citations");
            Claims(map, e.FieldClaims, path + "/fieldClaims");
            return map;
        }

        private YMap Tie(JsonTie t, string path)
        {
            var map = Map(path);
            Text(map, "from", t.From, path + "/from");
            Text(map, "type", t.Type, path + "/type");
            Text(map, "to", t.To, path + "/to");
            Text(map, "since", t.Since, path + "/since");
            Text(map, "until", t.Until, path + "/until");
            Text(map, "amount", t.Amount, path + "/amount");
            Text(map, "status", t.Status, path + "/status");
            Text(map, "description", t.Description, path + "/description");
            Citations(map, t.Citations, path + "/citations");
            Claims(map, t.FieldClaims, path + "/fieldClaims");
            return map;
        }

        private YMap RelationshipType(JsonRelationshipType t, string path)
        {
            var map = Map(path);
            List(map, "from", t.From, path + "/from");
            List(map, "to", t.To, path + "/to");
            Text(map, "label", t.Label, path + "/label");
            Text(map, "inverse", t.Inverse, path + "/inverse");
            if (t.SameKind is { } sameKind)
            {
                Add(map, "same_kind", Plain(sameKind ? "true" : "false", path + "/sameKind"));
            }

            if (t.Acyclic is { } acyclic)
            {
                Add(map, "acyclic", Plain(acyclic ? "true" : "false", path + "/acyclic"));
            }

            Text(map, "description", t.Description, path + "/description");
            return map;
        }

        private void Citations(YMap map, List<JsonCitation>? citations, string path)
        {
            if (citations is not null)
            {
                Add(map, "sources", CitationList(citations, path));
            }
        }

        private YSeq CitationList(List<JsonCitation> citations, string path)
        {
            var seq = Seq(path);
            for (var i = 0; i < citations.Count; i++)
            {
                var c = citations[i];
                var item = Map($"{path}/{i}");
                Text(item, "source", c.Source, $"{path}/{i}/source");
                Text(item, "quote", c.Quote, $"{path}/{i}/quote");
                Text(item, "page", c.Page, $"{path}/{i}/page");
                seq.Items.Add(item);
            }

            return seq;
        }

        // A field with claims is written in the claim form; its plain value, when given too, must be the preferred one.
        private void Claims(YMap map, List<JsonFieldClaims>? fieldClaims, string path)
        {
            for (var i = 0; i < (fieldClaims?.Count ?? 0); i++)
            {
                var field = fieldClaims![i];
                var fieldPath = $"{path}/{i}";
                var seq = Seq(fieldPath + "/claims");
                for (var j = 0; j < field.Claims.Count; j++)
                {
                    var claim = field.Claims[j];
                    var claimPath = $"{fieldPath}/claims/{j}";
                    var item = Map(claimPath);
                    Text(item, "value", claim.Value, claimPath + "/value");
                    if (claim.Citations is not null)
                    {
                        Add(item, "sources", CitationList(claim.Citations, claimPath + "/citations"));
                    }

                    Add(item, "preferred", Plain(claim.Preferred ? "true" : "false", claimPath + "/preferred"));
                    seq.Items.Add(item);
                }

                var index = map.Entries.FindIndex(e => e.Key.Value == field.Field);
                if (index < 0)
                {
                    Add(map, field.Field, seq);
                    continue;
                }

                var preferred = field.Claims.Where(c => c.Preferred).Select(c => c.Value).ToList();
                if (map.Entries[index].Value is YScalar plain && preferred.Count == 1 && !SameValue(plain.Value, preferred[0]))
                {
                    diagnostics.Error(DiagnosticCodes.PreferredClaim, file, plain.Line, plain.Column, $"'{field.Field}' is {DiagnosticText.Quote(plain.Value)} but its preferred claim is {DiagnosticText.Quote(preferred[0])}", "give the field its preferred claim's value");
                }

                map.Entries[index] = new(map.Entries[index].Key, seq);
            }
        }

        private void Text(YMap map, string key, string? value, string path)
        {
            if (value is not null)
            {
                Add(map, key, Quoted(value, path));
            }
        }

        private void List(YMap map, string key, List<string>? values, string path)
        {
            if (values is null)
            {
                return;
            }

            var seq = Seq(path);
            for (var i = 0; i < values.Count; i++)
            {
                seq.Items.Add(Quoted(values[i], $"{path}/{i}"));
            }

            Add(map, key, seq);
        }

        private static void Add(YMap map, string key, YNode value) =>
            map.Entries.Add(new(new YScalar { Value = key, IsPlain = true, Line = value.Line, Column = value.Column }, value));

        private YScalar Quoted(string value, string path)
        {
            var (line, column) = At(path);
            return new YScalar { Value = value, IsPlain = false, Line = line, Column = column };
        }

        private YScalar Plain(string value, string path)
        {
            var (line, column) = At(path);
            return new YScalar { Value = value, IsPlain = true, Line = line, Column = column };
        }

        private YMap Map(string path)
        {
            var (line, column) = At(path);
            return new YMap { Line = line, Column = column };
        }

        private YSeq Seq(string path)
        {
            var (line, column) = At(path);
            return new YSeq { Line = line, Column = column };
        }

        // The position of a path, or of its nearest parent that has one.
        private (int Line, int Column) At(string path)
        {
            while (true)
            {
                if (positions.TryGetValue(path, out var at))
                {
                    return at;
                }

                if (path.Length == 0)
                {
                    return (1, 1);
                }

                path = path[..path.LastIndexOf('/')];
            }
        }
    }
}

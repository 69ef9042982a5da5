using System.Collections.Immutable;
using static TechTies.Loading.FormatV1;

namespace TechTies.Loading;

// Phases 1 and 2: files, sections and ids, as read (whole or streamed entity by entity), then declared relationship types.
internal sealed partial class GraphReader
{
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
}

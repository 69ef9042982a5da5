using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace TechTies.Loading;

/// <summary>Reads relationship type declarations: the embedded schema and <c>relationship_types:</c> sections.</summary>
internal static partial class SchemaReader
{
    private static readonly string[] TypeFields = ["from", "to", "label", "inverse", "same_kind", "acyclic", "description"];

    public static IReadOnlyList<RelationshipType> ReadBuiltIn()
    {
        using var stream = typeof(SchemaReader).Assembly.GetManifestResourceStream("TechTies.schema.yaml")
            ?? throw new InvalidOperationException("The embedded schema TechTies.schema.yaml is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(buffer.ToArray(), "schema.yaml", diagnostics) as YMap;
        var section = root?.Entries.FirstOrDefault(e => e.Key.Value == "relationship_types").Value;
        var types = section is null ? [] : ReadSection(section, "schema.yaml", diagnostics, builtIn: true, existing: null);
        return diagnostics.HasErrors || types.Count == 0
            ? throw new InvalidOperationException("The embedded schema is invalid: " + string.Join("; ", diagnostics.Items))
            : types;
    }

    public static List<RelationshipType> ReadSection(YNode section, string file, DiagnosticBag diagnostics, bool builtIn, GraphSchema? existing)
    {
        var types = new List<RelationshipType>();
        if (section is not YMap map)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, file, section.Line, section.Column, $"relationship_types must be a mapping of type names to declarations, not {section.Describe}", "write e.g. lobbies: { from: [company], to: [agency], label: lobbies, inverse: lobbied by }");
            return types;
        }

        foreach (var (key, value) in map.Entries)
        {
            if (!TypeName().IsMatch(key.Value))
            {
                diagnostics.Error(DiagnosticCodes.BadRelationshipType, file, key.Line, key.Column, $"{DiagnosticText.Quote(key.Value)} is not a valid relationship type name", "use lowercase letters, digits and underscores, starting with a letter, such as lobbies or funded_by");
                continue;
            }

            if (existing is not null && existing.TryGet(key.Value, out var known))
            {
                diagnostics.Error(DiagnosticCodes.BadRelationshipType, file, key.Line, key.Column, known.IsBuiltIn ? $"{DiagnosticText.Quote(key.Value)} is a built-in relationship type and cannot be redefined" : $"the relationship type {DiagnosticText.Quote(key.Value)} is declared twice", "choose another name");
                continue;
            }

            if (value is not YMap fields)
            {
                diagnostics.Error(DiagnosticCodes.WrongShape, file, value.Line, value.Column, $"the declaration of {DiagnosticText.Quote(key.Value)} must be a mapping, not {value.Describe}", "write { from: [...], to: [...], label: ..., inverse: ... }");
                continue;
            }

            var type = ReadType(key, fields, file, diagnostics, builtIn);
            if (type is not null)
            {
                types.Add(type);
            }
        }

        return types;
    }

    private static RelationshipType? ReadType(YScalar name, YMap fields, string file, DiagnosticBag diagnostics, bool builtIn)
    {
        var ok = true;
        foreach (var (field, _) in fields.Entries.Where(e => !TypeFields.Contains(e.Key.Value)))
        {
            diagnostics.Error(DiagnosticCodes.UnknownField, file, field.Line, field.Column, $"{DiagnosticText.Quote(field.Value)} is not a field of a relationship type declaration", Suggest.DidYouMean(field.Value, TypeFields) ?? "the fields are " + string.Join(", ", TypeFields));
            ok = false;
        }

        ImmutableArray<Kind> Kinds(string field)
        {
            var node = fields.Entries.FirstOrDefault(e => e.Key.Value == field).Value;
            if (node is null)
            {
                diagnostics.Error(DiagnosticCodes.MissingField, file, name.Line, name.Column, $"the relationship type {DiagnosticText.Quote(name.Value)} has no '{field}' kinds", $"add {field}: [company] (kinds: {string.Join(", ", KindNames.All)})");
                ok = false;
                return [];
            }

            var items = node is YSeq seq ? seq.Items : [node];
            var kinds = ImmutableArray.CreateBuilder<Kind>();
            foreach (var item in items)
            {
                if (item is YScalar scalar && KindNames.TryParse(scalar.Value, out var kind))
                {
                    kinds.Add(kind);
                }
                else
                {
                    var given = (item as YScalar)?.Value ?? item.Describe;
                    diagnostics.Error(DiagnosticCodes.BadEnumValue, file, item.Line, item.Column, $"{DiagnosticText.Quote(given)} is not an entity kind", Suggest.DidYouMean(given, KindNames.All) ?? "kinds are " + string.Join(", ", KindNames.All));
                    ok = false;
                }
            }

            if (items.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.MissingField, file, node.Line, node.Column, $"the relationship type {DiagnosticText.Quote(name.Value)} has an empty '{field}' list", $"list at least one kind, such as {field}: [company] (kinds: {string.Join(", ", KindNames.All)})");
                ok = false;
            }

            return kinds.ToImmutable();
        }

        string? Text(string field, bool required)
        {
            var node = fields.Entries.FirstOrDefault(e => e.Key.Value == field).Value;
            if (node is YScalar { IsNull: false } scalar)
            {
                if (required && string.IsNullOrWhiteSpace(scalar.Value))
                {
                    diagnostics.Error(DiagnosticCodes.MissingField, file, scalar.Line, scalar.Column, $"the {field} of the relationship type {DiagnosticText.Quote(name.Value)} is empty", $"give the {field}, such as {field}: {(field == "inverse" ? "lobbied by" : "lobbies")}");
                    ok = false;
                    return null;
                }

                if (required && !GraphReader.OneLine(diagnostics, file, field, scalar, anywhere: false))
                {
                    ok = false;
                    return null;
                }

                return scalar.Value;
            }

            if (node is not null || required)
            {
                var at = node ?? name;
                diagnostics.Error(node is null ? DiagnosticCodes.MissingField : DiagnosticCodes.WrongShape, file, at.Line, at.Column, $"the relationship type {DiagnosticText.Quote(name.Value)} needs '{field}' as a single text value", $"add {field}: some words");
                ok = false;
            }

            return null;
        }

        bool Flag(string field)
        {
            var node = fields.Entries.FirstOrDefault(e => e.Key.Value == field).Value;
            if (node is null)
            {
                return false;
            }

            if (node is YScalar { Value: "true" or "false" } scalar)
            {
                return scalar.Value == "true";
            }

            diagnostics.Error(DiagnosticCodes.WrongShape, file, node.Line, node.Column, $"'{field}' must be true or false", null);
            ok = false;
            return false;
        }

        var from = Kinds("from");
        var to = Kinds("to");
        var label = Text("label", required: true);
        var inverse = Text("inverse", required: true);
        var description = Text("description", required: false);
        var sameKind = Flag("same_kind");
        var acyclic = Flag("acyclic");
        if (sameKind && !from.IsEmpty && !to.IsEmpty && !from.Any(to.Contains))
        {
            // No tie could ever be made: both ends must be of one kind, and no kind is at both ends.
            var at = fields.ValueOf("same_kind")!;
            diagnostics.Error(DiagnosticCodes.BadRelationshipType, file, at.Line, at.Column, $"the relationship type {DiagnosticText.Quote(name.Value)} has same_kind: true, but no kind is both in 'from' ({string.Join(", ", from.Select(k => k.ToName()))}) and in 'to' ({string.Join(", ", to.Select(k => k.ToName()))})", "add a kind to both lists, or remove same_kind");
            ok = false;
        }
        return ok
            ? new RelationshipType { Name = name.Value, From = from, To = to, Label = label!, InverseLabel = inverse!, Description = description, SameKind = sameKind, Acyclic = acyclic, IsBuiltIn = builtIn }
            : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex TypeName();
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TechTies.Import;

/// <summary>
/// Writes an imported graph as format-v1 YAML through YamlDotNet's emitter (never by joining strings), so every
/// value is quoted as it must be: one value per line, two-space indents, LF line ends, so that a person can review
/// the file and a re-import of the same data gives the same bytes.
/// </summary>
internal sealed class GraphYamlWriter
{
    private readonly Emitter emitter;
    private string? openSection;

    public GraphYamlWriter(TextWriter writer)
    {
        emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, skipAnchorName: false, indentSequences: true, newLine: "\n"));
    }

    public void Start(IEnumerable<string> comments)
    {
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        foreach (var comment in comments)
        {
            emitter.Emit(new Comment(comment, isInline: false));
        }

        emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
        Pair("techties", "1");
    }

    public void End()
    {
        CloseSection();
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    public void Source(string id, string title, string? publisher, string? url)
    {
        Section("sources");
        Key(id);
        BeginMap();
        Pair("title", title);
        Pair("kind", "dataset");
        Pair("publisher", publisher);
        Pair("url", url);
        EndMap();
    }

    public void Entity(ImportedEntity entity, string sourceId)
    {
        Section(entity.Kind.ToSection());
        Key(entity.Id);
        BeginMap();
        Pair("name", entity.Name);
        if (entity.Aliases.Count > 0)
        {
            Key("aliases");
            FlowList(entity.Aliases);
        }

        if (entity.Identifiers.Count > 0)
        {
            Key("identifiers");
            emitter.Emit(new MappingStart(null, null, true, MappingStyle.Flow));
            foreach (var (scheme, value) in entity.Identifiers)
            {
                Pair(scheme, value);
            }

            EndMap();
        }

        Key("sources");
        FlowList([sourceId]);
        foreach (var group in entity.Ties.GroupBy(t => t.Type))
        {
            Key(group.Key);
            BeginList();
            foreach (var (_, to) in group)
            {
                BeginMap();
                Pair("to", to);
                Key("sources");
                FlowList([sourceId]);
                EndMap();
            }

            EndList();
        }

        EndMap();
    }

    public void Contract(ContractRecord contract, string sourceId)
    {
        Section("contracts");
        Key(contract.Id);
        BeginMap();
        Pair("title", contract.Title);
        Pair("award_id", contract.AwardId);
        Pair("vendor", contract.VendorId);
        Pair("vendor_parent", contract.VendorParentId);
        Pair("agency", contract.AgencyId);
        Pair("office", contract.OfficeId);
        Pair("amount", contract.Amount);
        Pair("obligated", contract.Obligated);
        Pair("current_value", contract.CurrentValue);
        Pair("potential_value", contract.PotentialValue);
        Pair("start", contract.Start);
        Pair("end", contract.End);
        Pair("description", contract.Description);
        Key("sources");
        BeginList();
        if (contract.Page is null)
        {
            Scalar(sourceId);
        }
        else
        {
            BeginMap();
            Pair("source", sourceId);
            Pair("page", contract.Page);
            EndMap();
        }

        EndList();
        EndMap();
    }

    /// <summary>Ties from entities the output does not define (those of the graph merged with), in the <c>ties:</c> section.</summary>
    public void Tie(string from, string type, string to, string sourceId)
    {
        if (openSection != "ties")
        {
            CloseSection();
            Key("ties");
            BeginList();
            openSection = "ties";
        }

        BeginMap();
        Pair("from", from);
        Pair("type", type);
        Pair("to", to);
        Key("sources");
        FlowList([sourceId]);
        EndMap();
    }

    private void Section(string name)
    {
        if (openSection == name)
        {
            return;
        }

        CloseSection();
        Key(name);
        BeginMap();
        openSection = name;
    }

    private void CloseSection()
    {
        if (openSection is not null)
        {
            emitter.Emit(openSection == "ties" ? new SequenceEnd() : new MappingEnd());
            openSection = null;
        }
    }

    private void Pair(string key, string? value)
    {
        if (value is not null)
        {
            Key(key);
            Scalar(value, plainIfImplicit: key == "techties" || YamlImplicitTypes.DateFields.Contains(key));
        }
    }

    private void Key(string key) => Scalar(key);

    // Strings that a plain scalar would turn into null, a boolean, a number or a date for other YAML readers (as the
    // YAML export quotes them; date fields stay plain), whose edges a plain scalar would lose, or that hold control
    // characters or characters YAML reads as line breaks (NEL, LS, PS) or skips (BOM) are double-quoted, where the
    // emitter escapes them.
    private void Scalar(string value, bool plainIfImplicit = false)
    {
        var quote = (!plainIfImplicit && YamlImplicitTypes.ReadsAsNonString(value))
            || value is "" or "~" or "null" or "Null" or "NULL" || value.Trim() != value || value.Any(NeedsEscape);
        emitter.Emit(new Scalar(null, null, value, quote ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\ufeff' || char.IsSurrogate(c);

    private void FlowList(IEnumerable<string> values)
    {
        emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Flow));
        foreach (var value in values)
        {
            Scalar(value);
        }

        EndList();
    }

    private void BeginMap() => emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));

    private void EndMap() => emitter.Emit(new MappingEnd());

    private void BeginList() => emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));

    private void EndList() => emitter.Emit(new SequenceEnd());
}

using System.Collections.Immutable;
using System.Text;
using TechTies.Loading;

namespace TechTies.Import;

/// <summary>
/// A person's decisions about names of imported data, kept in a YAML file beside the reporting and applied to every
/// later import: <c>same_as</c> (this name is that entity) and <c>not_same</c> (this name is not that entity).
/// They win over every automatic rule (identifiers, name keys), so a candidate once judged is never listed again.
/// Immutable.
/// </summary>
/// <remarks>
/// The file holds the two lists a mapping may hold, and nothing else:
/// <code>
/// same_as:
///   "PALANTIR USG, INC.": palantir-usg
/// not_same:
///   "AMAZON.COM, INC.": amazon
///   "WEST CORPORATION": [west-publishing]
/// </code>
/// Names are matched by the import's name key (case, accents, punctuation and legal forms do not matter).
/// </remarks>
public sealed class ImportJudgements
{
    private ImportJudgements(ImmutableArray<CsvMapping.SameAsRule> sameAs, ImmutableArray<CsvMapping.NotSameRule> notSame)
    {
        SameAs = sameAs;
        NotSame = notSame;
    }

    /// <summary>No judgements.</summary>
    public static ImportJudgements None { get; } = new([], []);

    /// <summary>The number of judgements: <c>same_as</c> and <c>not_same</c> pairs.</summary>
    public int Count => SameAs.Length + NotSame.Length;

    internal ImmutableArray<CsvMapping.SameAsRule> SameAs { get; }

    internal ImmutableArray<CsvMapping.NotSameRule> NotSame { get; }

    /// <summary>Reads judgements from a YAML file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The judgements.</returns>
    /// <exception cref="GraphLoadException">The file is invalid; every problem is listed with its line and column.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static ImportJudgements Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path)
            ? Read(File.ReadAllBytes(path), path)
            : throw new FileNotFoundException($"No judgements file '{path}'.", path);
    }

    /// <summary>Reads judgements from YAML text.</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="fileName">The name to use for the text in diagnostics.</param>
    /// <returns>The judgements.</returns>
    /// <exception cref="GraphLoadException">The text is invalid; every problem is listed with its line and column.</exception>
    public static ImportJudgements Parse(string yaml, string fileName = "judgements.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return Read(Encoding.UTF8.GetBytes(yaml), fileName);
    }

    /// <summary>The number of judgements.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{SameAs.Length} same_as, {NotSame.Length} not_same";

    private static ImportJudgements Read(byte[] bytes, string file)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(bytes, file, diagnostics);
        var reader = new JudgementReader(file, diagnostics);
        if (root is YMap map)
        {
            foreach (var (key, _) in map.Entries.Where(e => e.Key.Value is not ("same_as" or "not_same")))
            {
                diagnostics.Error(DiagnosticCodes.UnknownField, file, key.Line, key.Column, $"'{key.Value}' is not a field of a judgements file", Suggest.DidYouMean(key.Value, ["same_as", "not_same"]) ?? "the fields are same_as and not_same");
            }

            reader.ReadSameAs(map.Entries.FirstOrDefault(e => e.Key.Value == "same_as").Value);
            reader.ReadNotSame(map.Entries.FirstOrDefault(e => e.Key.Value == "not_same").Value);
        }
        else if (root is not null and not YScalar { IsNull: true })
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, file, root.Line, root.Column, $"a judgements file is a YAML mapping, not {root.Describe}", "write same_as: and not_same: with names and ids");
        }

        return diagnostics.HasErrors ? throw new GraphLoadException(diagnostics.Sorted()) : new ImportJudgements([.. reader.SameAs], [.. reader.NotSame]);
    }
}

/// <summary>Reads the <c>same_as</c> and <c>not_same</c> lists of a mapping or a judgements file.</summary>
internal sealed class JudgementReader(string file, DiagnosticBag diagnostics)
{
    public List<CsvMapping.SameAsRule> SameAs { get; } = [];

    public List<CsvMapping.NotSameRule> NotSame { get; } = [];

    public void ReadSameAs(YNode? node)
    {
        foreach (var (name, id) in Pairs(node, "same_as", allowList: false))
        {
            SameAs.Add(new CsvMapping.SameAsRule(name, id.Value, file, id.Line, id.Column));
        }
    }

    public void ReadNotSame(YNode? node)
    {
        foreach (var (name, id) in Pairs(node, "not_same", allowList: true))
        {
            NotSame.Add(new CsvMapping.NotSameRule(name, id.Value, file, id.Line, id.Column));
        }
    }

    private IEnumerable<(string Name, YScalar Id)> Pairs(YNode? node, string field, bool allowList)
    {
        if (node is null or YScalar { IsNull: true })
        {
            yield break;
        }

        var example = field == "same_as" ? "{ \"PALANTIR USG INC\": palantir-usg }" : "{ \"AMAZON.COM, INC.\": amazon } (or a list of ids)";
        if (node is not YMap map)
        {
            WrongShape(node, field, $"a mapping of names as the CSV spells them to ids, such as {example}");
            yield break;
        }

        foreach (var (key, value) in map.Entries)
        {
            var items = allowList && value is YSeq seq ? seq.Items : [value];
            foreach (var item in items)
            {
                if (item is YScalar { IsNull: false } id && GraphReader.IsSlug(id.Value))
                {
                    yield return (key.Value, id);
                }
                else if (item is YScalar { IsNull: false } bad)
                {
                    diagnostics.Error(DiagnosticCodes.BadId, file, bad.Line, bad.Column, $"'{bad.Value}' is not an id: {field} maps a name to the id of an entity of the graph to merge with", "write the entity's id, such as palantir-usg");
                }
                else
                {
                    WrongShape(item, key.Value, allowList ? "the id of an entity, or a list of ids" : "the id of an entity");
                }
            }
        }
    }

    private void WrongShape(YNode node, string field, string expected) =>
        diagnostics.Error(DiagnosticCodes.WrongShape, file, node.Line, node.Column, $"'{field}' is {node.Describe}", $"expected {expected}");
}

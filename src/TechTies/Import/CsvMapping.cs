using System.Collections.Immutable;
using System.Text;
using TechTies.Loading;

namespace TechTies.Import;

/// <summary>
/// How the columns of a CSV file of contract awards become entities, ties and fields: which columns give the
/// contract, its vendor and the vendor's parent, the agency, sub-agency and office, how contract ids are made, which
/// source each row cites, and which names are the same as entities of a curated graph. Immutable.
/// </summary>
/// <remarks>
/// A mapping is written in YAML (<c>techties_mapping: 1</c>); <c>docs/import.md</c> describes every field and
/// shows the built-in <see cref="UsaSpending"/> mapping in full. Columns are found by header name, so their order
/// and any other columns do not matter.
/// </remarks>
public sealed partial class CsvMapping
{
    private const string ResourcePrefix = "TechTies.mappings/";
    private const int SupportedVersion = 1;

    private static readonly Lazy<ImmutableArray<string>> BuiltInList = new(() =>
    [
        .. typeof(CsvMapping).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal),
    ]);

    private CsvMapping(string file, MappingReader reader)
    {
        File = file;
        Name = reader.Name;
        Title = reader.Title;
        Currency = reader.Currency;
        Dataset = reader.Dataset!;
        Contract = reader.Contract!;
        Vendor = reader.Vendor!;
        Agency = reader.Agency!;
        Page = reader.Page;
        SameAs = [.. reader.SameAs];
        NotSame = [.. reader.NotSame];
        Columns = [.. AllColumns().Where(c => !c.IsConstant).Select(c => c.Name).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The mapping's name, such as <c>usaspending</c>.</summary>
    public string Name { get; }

    /// <summary>A human title of the data the mapping reads; <see langword="null"/> when not given.</summary>
    public string? Title { get; }

    /// <summary>Where the mapping was read from: a file path, or <c>usaspending</c> style names for built-in mappings.</summary>
    public string File { get; }

    /// <summary>The CSV columns the mapping reads, in the order it names them; each must be in the file's header.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>The names of the built-in mappings, such as <c>usaspending</c>.</summary>
    public static ImmutableArray<string> BuiltInNames => BuiltInList.Value;

    /// <summary>
    /// The built-in mapping for the prime award summary download of USAspending.gov (contracts), by column name:
    /// <c>contract_award_unique_key</c>, <c>award_id_piid</c>, <c>recipient_name</c>, <c>recipient_uei</c> and the rest
    /// that <c>docs/import.md</c> lists.
    /// </summary>
    public static CsvMapping UsaSpending => BuiltIn("usaspending");

    internal string Currency { get; }

    internal DatasetRule Dataset { get; }

    internal ContractRule Contract { get; }

    internal VendorRule Vendor { get; }

    internal AgencyRule Agency { get; }

    internal Column? Page { get; }

    internal ImmutableArray<SameAsRule> SameAs { get; }

    internal ImmutableArray<NotSameRule> NotSame { get; }

    /// <summary>The built-in mapping called <paramref name="name"/>.</summary>
    /// <param name="name">The name, such as <c>usaspending</c> (see <see cref="BuiltInNames"/>).</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ArgumentException">No built-in mapping has that name; the message lists those that exist.</exception>
    public static CsvMapping BuiltIn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var stream = typeof(CsvMapping).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".yaml")
            ?? throw new ArgumentException($"There is no built-in mapping '{name}': the built-in mappings are {string.Join(", ", BuiltInNames)}.", nameof(name));
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray(), name);
    }

    /// <summary>The YAML text of the built-in mapping called <paramref name="name"/>, to read or to start a mapping of one's own from.</summary>
    /// <param name="name">The name, such as <c>usaspending</c>.</param>
    /// <returns>The YAML.</returns>
    /// <exception cref="ArgumentException">No built-in mapping has that name.</exception>
    public static string BuiltInText(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var stream = typeof(CsvMapping).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".yaml")
            ?? throw new ArgumentException($"There is no built-in mapping '{name}': the built-in mappings are {string.Join(", ", BuiltInNames)}.", nameof(name));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a mapping from a YAML file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="GraphLoadException">The mapping is invalid; every problem is listed with its line and column.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static CsvMapping Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"No mapping file '{path}'.", path);
        }

        return Read(System.IO.File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a mapping from YAML text.</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="fileName">The name to use for the text in diagnostics.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="GraphLoadException">The mapping is invalid; every problem is listed with its line and column.</exception>
    public static CsvMapping Parse(string yaml, string fileName = "mapping.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return Read(Encoding.UTF8.GetBytes(yaml), fileName);
    }

    /// <summary>A built-in mapping when <paramref name="nameOrPath"/> is one's name, otherwise the mapping file at that path.</summary>
    /// <param name="nameOrPath">A built-in name such as <c>usaspending</c>, or a path to a YAML mapping.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="GraphLoadException">The mapping file is invalid.</exception>
    /// <exception cref="FileNotFoundException">It is neither a built-in name nor a file; the message lists the built-in names.</exception>
    public static CsvMapping Resolve(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (BuiltInNames.Contains(nameOrPath, StringComparer.Ordinal))
        {
            return BuiltIn(nameOrPath);
        }

        return System.IO.File.Exists(nameOrPath)
            ? Load(nameOrPath)
            : throw new FileNotFoundException($"No mapping file '{nameOrPath}', and no built-in mapping of that name: the built-in mappings are {string.Join(", ", BuiltInNames)}.", nameOrPath);
    }

    /// <summary>The mapping's name and where it was read from.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name == File ? $"mapping {Name}" : $"mapping {Name} ({File})";

    private static CsvMapping Read(byte[] bytes, string file)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(bytes, file, diagnostics);
        var reader = new MappingReader(file, diagnostics);
        if (root is not null)
        {
            reader.ReadRoot(root);
        }
        else if (!diagnostics.HasErrors)
        {
            diagnostics.Error(DiagnosticCodes.MissingVersion, file, 1, 1, "the mapping is empty", $"start the mapping with techties_mapping: {SupportedVersion}");
        }

        return diagnostics.HasErrors ? throw new GraphLoadException(diagnostics.Sorted()) : new CsvMapping(file, reader);
    }

    private IEnumerable<Column> AllColumns()
    {
        IEnumerable<Column?> all =
        [
            .. Contract.IdColumns, Contract.AwardId, Contract.Title, Contract.Obligated, Contract.CurrentValue, Contract.PotentialValue,
            Contract.Start, Contract.End, .. Contract.Details.Select(d => d.Column),
            Vendor.Name, .. Vendor.Identifiers.Select(i => i.Column), Vendor.ParentName, .. Vendor.ParentIdentifiers.Select(i => i.Column),
            Agency.Name, Agency.SubAgency, Agency.Office, Page,
        ];
        return all.OfType<Column>();
    }
}

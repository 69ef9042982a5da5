using System.Collections.Immutable;
using System.Text;
using TechTies.Loading;

namespace TechTies;

// The CSV imports of a load: this part of the options lives with the import code, which Loading does not know;
// Loading sees each import as an ILoadSource.
public sealed partial record LoadOptions
{
    /// <summary>
    /// CSV files to import and load with the YAML files, such as
    /// <c>new LoadOptions { Imports = [new CsvImport("awards.csv", CsvMapping.UsaSpending)] }</c>. Each is imported
    /// as <see cref="Import.CsvImporter"/> does, merging with the YAML files (and the imports before it), and loaded
    /// as one more file named <c>&lt;csv path&gt; (imported)</c>. Empty by default (a default array is empty too).
    /// </summary>
    public ImmutableArray<Import.CsvImport> Imports { get; init => field = value.IsDefault ? [] : value; } = [];

    internal partial ImmutableArray<ILoadSource> Sources => ImmutableArray<ILoadSource>.CastUp(Imports);

    // The compiler's printing shows Imports as "System.Collections.Immutable.ImmutableArray`1[TechTies.Import.CsvImport]".
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(
        builder,
        (nameof(Strict), Strict),
        (nameof(Imports), Imports),
        (nameof(IncludeBuiltIn), IncludeBuiltIn));
}

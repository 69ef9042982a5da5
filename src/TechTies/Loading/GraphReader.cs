using System.Collections.Immutable;
using static TechTies.Loading.FormatV1;

namespace TechTies.Loading;

/// <summary>One file's bytes and the name used for it in diagnostics.</summary>
internal sealed record GraphFile(string Name, byte[] Bytes);

/// <summary>
/// Turns YAML and JSON files into the validated model of a graph: reads every file, checks every section, field,
/// reference, date, amount and citation, collects every problem, and gives the model only when there are no errors.
/// The pipeline is here; its phases are the other parts (files, entities, ties, checks, reporting).
/// </summary>
internal sealed partial class GraphReader
{
    private const int SupportedVersion = FormatV1.Version;

    private readonly LoadOptions options;
    private readonly Func<string, Entity?>? builtInEntity;
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

    private GraphReader(LoadOptions options, Func<string, Entity?>? builtInEntity)
    {
        this.options = options;
        this.builtInEntity = builtInEntity;
    }

    /// <summary>
    /// Reads the files, then one more file from each source of the options (a CSV import, which merges with the files
    /// before it); the sources' warnings come first.
    /// </summary>
    public static LoadedGraph ReadWithSources(IReadOnlyList<GraphFile> files, LoadOptions options, Func<string, Entity?>? builtInEntity)
    {
        if (options.Sources.IsEmpty)
        {
            return Read(files, options, builtInEntity);
        }

        var all = files.ToList();
        var warnings = new List<Diagnostic>();
        foreach (var source in options.Sources)
        {
            all.Add(source.Read(all, options, warnings));
        }

        var loaded = Read(all, options, builtInEntity);
        return warnings.Count == 0 ? loaded : loaded with { Diagnostics = [.. warnings, .. loaded.Diagnostics] };
    }

    /// <summary>
    /// Reads the files; <paramref name="builtInEntity"/> finds an id in the built-in graph for the hint of a reference
    /// to it; <paramref name="buildWhileReading"/> false reads every file whole first (for tests that compare the two ways).
    /// </summary>
    public static LoadedGraph Read(IEnumerable<GraphFile> files, LoadOptions options, Func<string, Entity?>? builtInEntity, bool buildWhileReading = true)
    {
        var reader = new GraphReader(options, builtInEntity);
        return reader.ReadAll(files, buildWhileReading);
    }

    private LoadedGraph ReadAll(IEnumerable<GraphFile> files, bool mayBuildWhileReading)
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

        return new LoadedGraph(schema, entities.Values, sorted, all, datasetInfos);
    }
}

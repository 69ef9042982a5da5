using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using QuikGraph;
using TechTies.Loading;

namespace TechTies;

/// <summary>
/// An immutable, validated graph of entities and ties. Load one with <see cref="Load(string[])"/> or
/// <see cref="LoadBuiltIn()"/>; every member is safe to call from many threads at once.
/// </summary>
public sealed class TechTiesGraph
{
    private static readonly Lazy<TechTiesGraph> BuiltIn = new(() => BuiltInGraph.Load(LoadOptions.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    // A graph holds its entities and ties once: the compact index (ids to numbers, adjacency rows) serves lookups
    // by id, TiesFrom and TiesTo, and the name index keeps numbers, not strings. The name index is built on the first
    // lookup by name (a sixth of a load's time at 200k ties, for a lookup many programs never make).
    private readonly GraphIndex index;
    private NameIndex? names;
    private Dictionary<string, List<Entity>>? nameKeys;

    // tiesSorted: the ties are already in ordinal order of id (the loader sorts them without making their ids).
    internal TechTiesGraph(GraphSchema schema, IEnumerable<Entity> entities, IEnumerable<Tie> ties, IEnumerable<Diagnostic> diagnostics, ImmutableArray<DatasetInfo> datasets, bool tiesSorted = false)
    {
        Schema = schema;
        var entityArray = entities.ToArray();
        Array.Sort(entityArray.Select(e => e.Id).ToArray(), entityArray, StringComparer.Ordinal);
        Entities = ImmutableCollectionsMarshal.AsImmutableArray(entityArray);
        var tieArray = ties.ToArray();
        if (!tiesSorted)
        {
            Array.Sort(tieArray.Select(t => t.Id).ToArray(), tieArray, StringComparer.Ordinal);
        }

        Ties = ImmutableCollectionsMarshal.AsImmutableArray(tieArray);
        Warnings = [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)];
        Datasets = datasets;
        index = new GraphIndex(this);
    }

    internal TechTiesGraph(LoadedGraph loaded)
        : this(loaded.Schema, loaded.Entities, loaded.Ties, loaded.Diagnostics, loaded.Datasets, tiesSorted: true)
    {
    }

    /// <summary>All entities, in ordinal order of id.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>All ties, in ordinal order of id.</summary>
    public ImmutableArray<Tie> Ties { get; }

    /// <summary>The relationship types of this graph: the built-in ones and those its files declare.</summary>
    public GraphSchema Schema { get; }

    /// <summary>The warnings of the load (such as ties without a source), in file, line and column order.</summary>
    public ImmutableArray<Diagnostic> Warnings { get; }

    /// <summary>The <c>dataset:</c> blocks of the loaded files.</summary>
    public ImmutableArray<DatasetInfo> Datasets { get; }

    internal GraphIndex Index => index;

    // Built once, on first use; a race builds two equal indexes and keeps one.
    private NameIndex Names => Volatile.Read(ref names) ?? LazyInitializer.EnsureInitialized(ref names, () => new NameIndex(Entities));

    /// <summary>
    /// Loads a graph from YAML and JSON files and folders (folders recursively, files in ordinal path order). A load either
    /// gives a whole valid graph or throws with every problem found.
    /// </summary>
    /// <remarks>A file named more than once (directly and through its folder, or through a symbolic link) is read once, under the name it was first given.</remarks>
    /// <param name="paths">Files or folders; <c>.yaml</c>, <c>.yml</c> and canonical JSON <c>.json</c> files (<c>docs/json.md</c>) in folders are read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphLoadException">The data is invalid; <see cref="GraphLoadException.Diagnostics"/> lists every problem.</exception>
    /// <exception cref="FileNotFoundException">A path names no file or folder, or a folder with no graph file (.yaml, .yml or .json) in it or its subfolders, or a symbolic link among the files leads to no file (the message names every such link and its target).</exception>
    /// <exception cref="IOException">A file is a device, FIFO or socket (which may never end), or larger than 1 GiB (the message names the file and the limit).</exception>
    public static TechTiesGraph Load(params string[] paths) => Load(LoadOptions.Default, paths);

    /// <summary>
    /// Loads a graph from YAML and JSON files and folders with options (such as <see cref="LoadOptions.Strict"/>),
    /// and the CSV files of <see cref="LoadOptions.Imports"/> imported and merged with them.
    /// </summary>
    /// <param name="options">The load options.</param>
    /// <param name="paths">Files or folders; <c>.yaml</c>, <c>.yml</c> and canonical JSON <c>.json</c> files (<c>docs/json.md</c>) in folders are read. None is needed when <see cref="LoadOptions.Imports"/> has a file or <see cref="LoadOptions.IncludeBuiltIn"/> is set.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphLoadException">The data is invalid; <see cref="GraphLoadException.Diagnostics"/> lists every problem.</exception>
    /// <exception cref="FileNotFoundException">A path names no file or folder, or a folder with no graph file (.yaml, .yml or .json) in it or its subfolders, or a symbolic link among the files leads to no file (the message names every such link and its target).</exception>
    /// <exception cref="IOException">A file is a device, FIFO or socket (which may never end), or larger than 1 GiB (the message names the file and the limit).</exception>
    public static TechTiesGraph Load(LoadOptions options, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Length == 0 && options.Imports.IsEmpty && !options.IncludeBuiltIn)
        {
            throw new ArgumentException("Give at least one file or folder to load.", nameof(paths));
        }

        return new(GraphReader.ReadWithSources(BuiltInGraph.With(options, GraphFiles.Enumerate(paths)), options, BuiltInGraph.Find));
    }

    /// <summary>
    /// Loads a graph from YAML text, such as a test fixture or a notebook cell; with
    /// <see cref="LoadOptions.IncludeBuiltIn"/>, the text is loaded into the built-in graph.
    /// </summary>
    /// <param name="yaml">The YAML of one file.</param>
    /// <param name="fileName">The name to use for the text in diagnostics.</param>
    /// <param name="options">The load options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphLoadException">The data is invalid.</exception>
    public static TechTiesGraph Parse(string yaml, string fileName = "input.yaml", LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= LoadOptions.Default;
        return Read(BuiltInGraph.With(options, [new GraphFile(fileName, System.Text.Encoding.UTF8.GetBytes(yaml))]), options);
    }

    /// <summary>Loads a graph from a stream of YAML, or of canonical JSON when <paramref name="fileName"/> ends in <c>.json</c> (read to the end, not closed; at most 1 GiB, as a file).</summary>
    /// <param name="stream">The UTF-8 YAML of one file.</param>
    /// <param name="fileName">The name to use for the stream in diagnostics.</param>
    /// <param name="options">The load options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphLoadException">The data is invalid.</exception>
    /// <exception cref="IOException">The stream is longer than 1 GiB.</exception>
    public static TechTiesGraph Load(Stream stream, string fileName, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var bytes = GraphFiles.ReadCapped(stream, fileName);
        options ??= LoadOptions.Default;
        return Read(BuiltInGraph.With(options, [new GraphFile(fileName, bytes)]), options);
    }

    /// <summary>
    /// Reads the files (not the imports of the options); <paramref name="buildWhileReading"/> false reads every file
    /// whole first (for tests that compare the two ways).
    /// </summary>
    internal static TechTiesGraph Read(IReadOnlyList<GraphFile> files, LoadOptions options, bool buildWhileReading = true) =>
        new(GraphReader.Read(files, options, BuiltInGraph.Find, buildWhileReading));

    /// <summary>The curated graph embedded in the package (its <c>graphs/</c> folder). Loaded once, then shared.</summary>
    /// <returns>The built-in graph.</returns>
    public static TechTiesGraph LoadBuiltIn() => BuiltIn.Value;

    /// <summary>The curated graph embedded in the package, loaded with <paramref name="options"/> (such as strict validation).</summary>
    /// <param name="options">The load options.</param>
    /// <returns>The built-in graph.</returns>
    /// <exception cref="GraphLoadException">The built-in data fails the stricter checks.</exception>
    public static TechTiesGraph LoadBuiltIn(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The built-in files are the whole load here, whether or not the options also ask for them.
        options = options with { IncludeBuiltIn = false };
        return options == LoadOptions.Default ? BuiltIn.Value : BuiltInGraph.Load(options);
    }

    /// <summary>The entity with id <paramref name="id"/>.</summary>
    /// <param name="id">The id (exact, ordinal).</param>
    /// <returns>The entity.</returns>
    /// <exception cref="EntityLookupException">No entity has that id; the message names the entity the text is a name or alias of, or the nearest ids.</exception>
    public Entity this[string id] => TryGet(id, out var entity) ? entity : throw NoSuchId(id);

    /// <summary>Finds the entity with id <paramref name="id"/>.</summary>
    /// <param name="id">The id (exact, ordinal).</param>
    /// <param name="entity">The entity when found.</param>
    /// <returns><see langword="true"/> when an entity has that id.</returns>
    public bool TryGet(string id, [NotNullWhen(true)] out Entity? entity)
    {
        ArgumentNullException.ThrowIfNull(id);
        entity = index.TryGetNode(id, out var node) ? index.Nodes[node] : null;
        return entity is not null;
    }

    /// <summary>
    /// Finds the one entity that <paramref name="name"/> identifies: an id, a name or an alias, ignoring case,
    /// accents and extra spaces (<c>ice</c>, <c>ICE</c> and <c>U.S. Immigration and Customs Enforcement</c>); when
    /// none matches so, by the name key imports match by, which also ignores punctuation, <c>&amp;</c>/<c>and</c> and,
    /// for companies, legal forms (<c>Palantir USG</c> finds <c>PALANTIR USG, INC.</c>).
    /// </summary>
    /// <param name="name">The id, name or alias.</param>
    /// <returns>The entity.</returns>
    /// <exception cref="EntityLookupException">No entity or several entities match; the exception lists candidates.</exception>
    public Entity Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryGet(name, out var exact))
        {
            return exact;
        }

        var matches = Names.Find(name);
        if (matches.Count == 0)
        {
            matches = ByNameKey(name);
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw NotFound(name),
            _ => throw new EntityLookupException(name, LookupFailure.Ambiguous, matches),
        };
    }

    /// <summary>Finds the one entity <paramref name="name"/> identifies, as <see cref="Find"/>, without throwing.</summary>
    /// <param name="name">The id, name or alias.</param>
    /// <param name="entity">The entity when exactly one matches.</param>
    /// <returns><see langword="true"/> when exactly one entity matches.</returns>
    public bool TryFind(string name, [NotNullWhen(true)] out Entity? entity)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryGet(name, out entity))
        {
            return true;
        }

        var matches = Names.Find(name);
        if (matches.Count == 0)
        {
            matches = ByNameKey(name);
        }

        entity = matches.Count == 1 ? matches[0] : null;
        return entity is not null;
    }

    /// <summary>The entities of one kind, in ordinal order of id.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The entities.</returns>
    public IEnumerable<Entity> EntitiesOf(Kind kind) => Entities.Where(e => e.Kind == kind);

    /// <summary>The entities of one class, such as <c>EntitiesOf&lt;Contract&gt;()</c>, in ordinal order of id.</summary>
    /// <typeparam name="T">The entity class.</typeparam>
    /// <returns>The entities.</returns>
    public IEnumerable<T> EntitiesOf<T>()
        where T : Entity => Entities.OfType<T>();

    /// <summary>The ties that start at <paramref name="entity"/>, ordered by type, then the other end's id.</summary>
    /// <param name="entity">An entity of this graph.</param>
    /// <returns>The ties.</returns>
    public ImmutableArray<Tie> TiesFrom(Entity entity) => index.TiesOf(index.NodeOf(Own(entity).Id), outgoing: true);

    /// <summary>The ties that end at <paramref name="entity"/>, ordered by type, then the other end's id.</summary>
    /// <param name="entity">An entity of this graph.</param>
    /// <returns>The ties.</returns>
    public ImmutableArray<Tie> TiesTo(Entity entity) => index.TiesOf(index.NodeOf(Own(entity).Id), outgoing: false);

    /// <summary>
    /// The ties that cite <paramref name="source"/>, in their own sources or in a claim of one of their fields, in
    /// ordinal order of id (the order of <see cref="Ties"/>). A tie made from a contract without sources of its own
    /// cites the contract's sources (as its <see cref="Tie.Citations"/> says).
    /// </summary>
    /// <remarks>Sources are cited, not tied: this, not <see cref="TiesFrom"/> or <see cref="TiesTo"/>, is what a source supports. Each call reads every tie once.</remarks>
    /// <param name="source">A source of this graph.</param>
    /// <returns>The ties; empty when no tie cites the source.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not of this graph, or is not a source (only sources are cited; the sources an entity cites are in <see cref="TechTiesGraphExtensions.Card(TechTiesGraph, Entity)"/>).</exception>
    public ImmutableArray<Tie> TiesCiting(Entity source) => Citing(Ties, OwnSource(source).Id, t => (t.Citations, t.FieldClaims));

    /// <summary>
    /// The entities that cite <paramref name="source"/>, in their own sources or in a claim of one of their fields, in
    /// ordinal order of id (the order of <see cref="Entities"/>).
    /// </summary>
    /// <remarks>Each call reads every entity once.</remarks>
    /// <param name="source">A source of this graph.</param>
    /// <returns>The entities; empty when no entity cites the source.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not of this graph, or is not a source (only sources are cited; the sources an entity cites are in <see cref="TechTiesGraphExtensions.Card(TechTiesGraph, Entity)"/>).</exception>
    public ImmutableArray<Entity> EntitiesCiting(Entity source) => Citing(Entities, OwnSource(source).Id, e => (e.Citations, e.FieldClaims));

    /// <summary>
    /// The graph as a read-only QuikGraph <see cref="IBidirectionalGraph{TVertex, TEdge}"/> (directed, parallel edges
    /// allowed), for any algorithm QuikGraph has. Vertices are entities and edges are ties.
    /// </summary>
    /// <returns>The view; it is immutable like the graph.</returns>
    public IBidirectionalGraph<Entity, Tie> AsQuikGraph() => new QuikGraphView(this);

    /// <summary>
    /// The entities that are probably one, each pair once with its evidence: contracts with the same award id,
    /// companies or agencies with the same identifier, entities of one kind whose names or aliases have the same name
    /// key (the key imports match by), and near names (a <c>.com</c> form, a letter or two apart). Offices of one name
    /// under different agencies are not counted. In ordinal order of the ids.
    /// </summary>
    /// <remarks>Each call compares the whole graph; names are compared only within blocks that share a word.</remarks>
    /// <returns>The pairs; empty when none.</returns>
    public ImmutableArray<ProbableDuplicate> FindDuplicates() => Duplicates.Find(this);

    /// <summary>Counts of entities by kind, ties by type, undated and unsourced ties.</summary>
    /// <returns>The statistics.</returns>
    public GraphStats Stats() => new(this);

    /// <summary>A one-line summary: counts of entities and ties.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"TechTiesGraph: {Entities.Length} entities, {Ties.Length} ties";

    // The entities whose name or an alias has the name key of the text (the company key for companies), in id order.
    // The key index is built on the first lookup that needs it.
    private List<Entity> ByNameKey(string name)
    {
        var index = Volatile.Read(ref nameKeys) ?? LazyInitializer.EnsureInitialized(ref nameKeys, () =>
        {
            var built = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
            foreach (var entity in Entities.Where(e => e.Kind != Kind.Source))
            {
                foreach (var key in entity.Aliases.Append(entity.Name).Select(n => entity.Kind + "/" + NameKeys.Of(entity.Kind, n)).Distinct(StringComparer.Ordinal))
                {
                    if (!built.TryGetValue(key, out var list))
                    {
                        built[key] = list = [];
                    }

                    list.Add(entity);
                }
            }

            return built;
        });
        var found = new List<Entity>();
        foreach (var kind in Enum.GetValues<Kind>())
        {
            var key = NameKeys.Of(kind, name);
            if (key.Length > 0 && index.TryGetValue(kind + "/" + key, out var list))
            {
                found.AddRange(list);
            }
        }

        return [.. found.Distinct().OrderBy(e => e.Id, StringComparer.Ordinal)];
    }

    internal Entity Own(Entity entity, [CallerArgumentExpression(nameof(entity))] string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(entity, parameter);
        return TryGet(entity.Id, out var own) && ReferenceEquals(own, entity)
            ? own
            : throw new ArgumentException($"The entity '{entity.Id}' does not belong to this graph.", parameter);
    }

    private Entity OwnSource(Entity source)
    {
        var own = Own(source, nameof(source));
        return own.Kind == Kind.Source
            ? own
            : throw new ArgumentException($"The entity '{own.Id}' is a {own.Kind.ToName()}, not a source: only sources are cited. The sources an entity cites are in Card(entity).Sources.", nameof(source));
    }

    // The items that cite the source in their own citations or in a claim of a field, in their order.
    private static ImmutableArray<T> Citing<T>(ImmutableArray<T> items, string source, Func<T, (ImmutableArray<Citation> Citations, ImmutableArray<FieldClaims> FieldClaims)> evidence)
    {
        var citing = ImmutableArray.CreateBuilder<T>();
        foreach (var item in items)
        {
            var (citations, fieldClaims) = evidence(item);
            if (Cites(citations, fieldClaims, source))
            {
                citing.Add(item);
            }
        }

        return citing.DrainToImmutable();
    }

    // Loops, not LINQ: a scan asks this of every tie.
    private static bool Cites(ImmutableArray<Citation> citations, ImmutableArray<FieldClaims> fieldClaims, string source)
    {
        if (CitesIn(citations, source))
        {
            return true;
        }

        foreach (var field in fieldClaims)
        {
            foreach (var claim in field.Claims)
            {
                if (CitesIn(claim.Citations, source))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool CitesIn(ImmutableArray<Citation> citations, string source)
    {
        foreach (var citation in citations)
        {
            if (citation.Source == source)
            {
                return true;
            }
        }

        return false;
    }

    // The indexer takes ids only: when the text is a name or an alias, say so and point to Find.
    private EntityLookupException NoSuchId(string id)
    {
        if (TryFind(id, out var named))
        {
            return new EntityLookupException(id, LookupFailure.NotFound, [named], $"No entity has the id {DiagnosticText.Quote(id)}, but {DiagnosticText.Quote(id)} names {named.Id} ({named.Name}, {named.Kind.ToName()}): use graph[\"{named.Id}\"] or graph.Find(\"{id}\").");
        }

        var nearest = NotFound(id);
        var list = string.Join(", ", nearest.Candidates.Select(c => $"{c.Id} ({c.Name}, {c.Kind.ToName()})"));
        return new EntityLookupException(id, LookupFailure.NotFound, nearest.Candidates, nearest.Candidates.Count == 0 ? $"No entity has the id {DiagnosticText.Quote(id)}." : $"No entity has the id {DiagnosticText.Quote(id)}. Did you mean: {list}?");
    }

    private EntityLookupException NotFound(string name)
    {
        // Only for a failed lookup: every name is normalized again to find the nearest.
        var normalized = Lookup.Normalize(name);
        var byName = Names.AllNames();
        var keys = byName.Keys.ToList();
        var close = Suggest.Closest(normalized, keys, 5)
            .Concat(keys.Where(k => normalized.Length >= 3 && k.Contains(normalized, StringComparison.Ordinal)))
            .SelectMany(k => byName[k])
            .Distinct()
            .Take(5)
            .ToList();
        return new EntityLookupException(name, LookupFailure.NotFound, close);
    }
}

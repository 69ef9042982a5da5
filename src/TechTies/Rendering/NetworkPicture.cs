using System.Collections.Immutable;
using TechTies.Rendering;

namespace TechTies;

/// <summary>
/// One laid-out network picture of a result: each entity drawn once, shaped and coloured by kind (with a legend),
/// parallel ties of one type between the same two entities merged into one labelled edge that says how many and, for
/// contracts, their total ("3 contracts, $92.7M"), each edge label followed by the numbers of the sources its ties
/// cite, and under the picture those sources as numbered footnotes. The title says the question and, when there is
/// one, the as-of date. Laid out with Microsoft Automatic Graph Layout (layered); text widths are estimated from the
/// font's advance widths, so that no label overlaps another label or a node and nothing falls outside the picture.
/// Immutable.
/// </summary>
/// <remarks>
/// Made by <see cref="PathSetExtensions.ToPicture(PathSet, string?, DateOnly?)"/>, <see cref="NeighborhoodExtensions.ToPicture(Neighborhood, string?)"/> or, for any other set of entities
/// and ties (such as the vendors, agencies and contract ties behind a total), by <see cref="Of"/>.
/// </remarks>
public sealed class NetworkPicture
{
    private readonly TechTiesGraph graph;
    private readonly Func<PathRenderer.Footnotes, IReadOnlyList<string>>? sentences;
    private readonly Func<string>? table;

    internal NetworkPicture(TechTiesGraph graph, string title, PartialDate? asOf, IEnumerable<Entity> entities, IEnumerable<Tie> ties, string? note, Func<PathRenderer.Footnotes, IReadOnlyList<string>>? sentences = null, Func<string>? table = null, IEnumerable<string>? pageNotes = null, IReadOnlyList<DrawnEdge>? edges = null)
    {
        this.graph = graph;
        this.sentences = sentences;
        this.table = table;
        Title = title;
        AsOf = asOf;
        Ties = [.. ties.Distinct()];
        DrawnEdges = edges;
        // Drawn edges of their own (a total's, from a parent) have their own ends; the ties' ends are drawn only for the ties drawn.
        Entities = [.. entities.Concat(edges is null ? Ties.SelectMany(t => new[] { t.From, t.To }) : edges.SelectMany(e => new[] { e.From, e.To })).Distinct()];
        Note = note;
        PageNotes = [.. pageNotes ?? []];
    }

    /// <summary>The title: the question the picture answers.</summary>
    public string Title { get; }

    /// <summary>The date the answer holds on, given under the title; <see langword="null"/> for none.</summary>
    public PartialDate? AsOf { get; }

    /// <summary>The entities drawn, each once: those given, then the ends of the ties (for a total, of its vendor-to-agency edges), in order of first appearance.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>The ties drawn (merged by their two ends and type when drawn; for a total, the contract ties its edges sum), in the order given, each once.</summary>
    public ImmutableArray<Tie> Ties { get; }

    /// <summary>A note under the title, such as why a result is incomplete; <see langword="null"/> for none.</summary>
    public string? Note { get; }

    /// <summary>The notes the story page lists after the sentences: a path set's warnings and notes, a total's warnings.</summary>
    internal ImmutableArray<string> PageNotes { get; }

    /// <summary>The edges to draw when they are not the ties merged by their two ends and type (a total's vendor-to-agency sums); <see langword="null"/> for those.</summary>
    internal IReadOnlyList<DrawnEdge>? DrawnEdges { get; }

    /// <summary>A picture of <paramref name="ties"/> and <paramref name="entities"/>: for a totals result, the vendors, agencies and their contract ties.</summary>
    /// <param name="graph">The graph the entities and ties belong to (it names the sources they cite).</param>
    /// <param name="title">The question the picture answers.</param>
    /// <param name="ties">The ties to draw; their ends are drawn too.</param>
    /// <param name="entities">More entities to draw, with or without ties; <see langword="null"/> for none.</param>
    /// <param name="asOf">The date the answer holds on; <see langword="null"/> for none.</param>
    /// <returns>The picture.</returns>
    public static NetworkPicture Of(TechTiesGraph graph, string title, IEnumerable<Tie> ties, IEnumerable<Entity>? entities = null, PartialDate? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(ties);
        return new NetworkPicture(graph, title, asOf, entities ?? [], ties, note: null);
    }

    /// <summary>
    /// The picture as a self-contained SVG document with a <c>viewBox</c> (it scales to any width; its natural width
    /// is given too), fonts named with fallbacks, and every text XML-escaped (characters XML forbids become U+FFFD).
    /// Each node is a <c>g</c> of class <c>techties-node</c> with a <c>title</c> (its full name, id and kind).
    /// </summary>
    /// <returns>The SVG text.</returns>
    public string ToSvg() => PictureSvg.Write(this, new PathRenderer.Footnotes(graph), footnotes: true);

    /// <summary>
    /// A standalone HTML page for a story: the title, the as-of date, the picture, the answer in sentences (for a
    /// path set; for other pictures, one sentence per drawn edge), the sources with links (only <c>http</c> and
    /// <c>https</c> addresses are linked), and for a path set the table of steps. Offline (nothing is fetched),
    /// printable, and readable without scripts (it has none).
    /// </summary>
    /// <returns>The HTML document.</returns>
    public string ToStoryPage() => StoryPage.Write(this, graph, sentences, table);
}

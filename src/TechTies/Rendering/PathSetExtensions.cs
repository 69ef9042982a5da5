using TechTies.Rendering;

namespace TechTies;

/// <summary>Renderings of a <see cref="PathSet"/>: sentences, Markdown, HTML, the network picture, Mermaid and DOT.</summary>
public static class PathSetExtensions
{
    /// <summary>
    /// The paths as plain sentences with footnoted sources: one numbered paragraph per path, one sentence per tie
    /// (per contract for a <c>contracts_with</c> step, such as "Palantir Technologies had a $39 million contract with
    /// U.S. Immigration and Customs Enforcement (2015–2018) [1][2]."), then the sources (title, publisher, date, URL).
    /// </summary>
    /// <remarks>
    /// Tense: a tie has ended when its status is <c>ended</c> or its end is before <paramref name="today"/>. A
    /// contract then "had", otherwise "has"; other ties read their label as a verb in the past or present tense
    /// ("hosted on" / "hosts on"), with "was" or "is" before a label that is not a verb ("was part of", "is targeted
    /// by"). In brackets, as <c>show</c> gives them: the dates, a tie's amount and a status other than
    /// <c>reported</c> and <c>ended</c> ("(2017–2018, $50,000, confirmed)", "(denied)"). A tie that cites no source
    /// says "[no source]". Where sources disagree on a field, the sentence says so and gives every value with its
    /// sources. A truncated set says so after the paths, and each of the <see cref="PathSet.Warnings"/> follows as a note
    /// ("Note: …"), so that text copied elsewhere keeps its caveats.
    /// </remarks>
    /// <param name="set">The paths.</param>
    /// <param name="today">
    /// The day tense is judged from; <see langword="null"/> for the first day of the search's <c>asof</c> date (so that
    /// <c>asof 2018-08-01</c> reads as of that day), or today (UTC) when the search had none.
    /// </param>
    /// <returns>The text, with <c>\n</c> line ends.</returns>
    public static string ToSentences(this PathSet set, DateOnly? today = null) => PathRenderer.Sentences(set, set.Graph, TenseDay(set, today));

    /// <summary>
    /// A Markdown table with one row per tie (a step of several contracts has a row for each, with the same path and
    /// step numbers): path, step, from, relationship, to, dates, amount, status, source ids. The amount is the one the
    /// sentences give (a contract's headline amount, else its current value); a value sources differ on is followed
    /// by the others ("$53 million (sources differ: also $41 million)"), a date a tie takes from a protest included;
    /// the status is empty for <c>reported</c>; a tie without a source says "[no source]". Empty cells are unknown. A
    /// truncation note and the <see cref="PathSet.Warnings"/> (as "*Note: …*") follow the table.
    /// </summary>
    /// <param name="set">The paths.</param>
    /// <returns>The Markdown, with <c>|</c> and Markdown syntax in text escaped, and <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> as HTML entities.</returns>
    public static string ToMarkdown(this PathSet set) => PathRenderer.Markdown(set);

    /// <summary>
    /// An HTML fragment: the paths as sentences with footnotes, the sources as links, an inline SVG picture of the
    /// paths (nothing is fetched at display time) and a table with the columns of <see cref="ToMarkdown(PathSet)"/>. All
    /// text from the data is HTML-encoded. The <see cref="PathSet.Warnings"/> follow the sentences as notes.
    /// </summary>
    /// <param name="set">The paths.</param>
    /// <param name="today">The day that decides tense, as in <see cref="ToSentences(PathSet, DateOnly?)"/>: the first day of the search's <c>asof</c> date, or today (UTC), when <see langword="null"/>.</param>
    /// <returns>The HTML fragment.</returns>
    public static string ToHtml(this PathSet set, DateOnly? today = null) => PathRenderer.Html(set, set.Graph, TenseDay(set, today));

    /// <summary>
    /// The network picture of the paths (see <see cref="NetworkPicture"/>): each entity on any path drawn once, each
    /// step's ties drawn in their own direction, parallel ties of one type merged with their count and, for contracts,
    /// their total. Titled with the question ("How is Salesforce connected to U.S. Immigration and Customs
    /// Enforcement?", or "Paths matching …" for a pattern query), with the search's <c>asof</c> date, and a note when
    /// the set was truncated.
    /// </summary>
    /// <param name="set">The paths.</param>
    /// <param name="title">The title; <see langword="null"/> for the question the set answers.</param>
    /// <param name="today">The day that decides the tense of the story page's sentences, as in <see cref="ToSentences(PathSet, DateOnly?)"/>.</param>
    /// <returns>The picture.</returns>
    public static NetworkPicture ToPicture(this PathSet set, string? title = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var day = TenseDay(set, today);
        var question = title ?? (set.Ends is var (from, to) ? $"How is {from.Name} connected to {to.Name}?" : $"Paths matching {set.Query}");
        var entities = set.Paths.SelectMany(p => p.Nodes).Concat(set.Ends is var (a, b) ? [a, b] : []);
        var ties = set.Paths.SelectMany(p => p.Steps.SelectMany(s => s.Ties));
        return new NetworkPicture(
            set.Graph, question, set.AsOf, entities, ties, set.IsTruncated ? PathRenderer.Truncated(set) : null,
            notes => set.IsEmpty ? ["No paths were found."] : [.. set.Paths.Select(p => string.Join(' ', p.Steps.SelectMany(s => PathRenderer.StepSentences(s, notes, day))))],
            () => PathRenderer.Table(set),
            set.Warnings.Concat(set.Notes));
    }

    /// <summary>The network picture of the paths as SVG: <see cref="ToPicture(PathSet, string?, DateOnly?)"/>, then <see cref="NetworkPicture.ToSvg"/>.</summary>
    /// <param name="set">The paths.</param>
    /// <returns>The SVG document (also valid inline in HTML); all text is XML-escaped.</returns>
    public static string ToSvg(this PathSet set) => set.ToPicture().ToSvg();

    /// <summary>
    /// A standalone HTML story page of the answer: the question, the as-of date, the picture, the paths as sentences
    /// (their footnote numbers are the picture's), the sources with links and the table of steps. See <see cref="NetworkPicture.ToStoryPage"/>.
    /// </summary>
    /// <param name="set">The paths.</param>
    /// <param name="today">The day that decides tense, as in <see cref="ToSentences(PathSet, DateOnly?)"/>.</param>
    /// <returns>The HTML document.</returns>
    public static string ToStoryPage(this PathSet set, DateOnly? today = null) => set.ToPicture(today: today).ToStoryPage();

    /// <summary>
    /// A Mermaid flowchart of the paths: each entity once (ids <c>n0</c>, <c>n1</c>…), parallel ties of one type
    /// merged into one edge in their own direction, labelled as the picture labels them ("3 contracts, $92.2M"), labels escaped as the Mermaid export escapes them; a truncated result ends with a <c>%%</c> comment
    /// and a node <c>truncated</c> that say so.
    /// </summary>
    /// <param name="set">The paths.</param>
    /// <returns>The Mermaid text.</returns>
    public static string ToMermaid(this PathSet set) => PathRenderer.Mermaid(set);

    /// <summary>A Graphviz DOT digraph of the paths: entities by quoted id with their names as labels, parallel ties of one type merged into one edge labelled with their count and, for contracts, total; a truncated result says so in the graph's label.</summary>
    /// <param name="set">The paths.</param>
    /// <returns>The DOT text.</returns>
    public static string ToDot(this PathSet set) => PathRenderer.Dot(set);

    private static DateOnly TenseDay(PathSet set, DateOnly? today) => today ?? set.AsOf?.Start ?? DateOnly.FromDateTime(DateTime.UtcNow);
}

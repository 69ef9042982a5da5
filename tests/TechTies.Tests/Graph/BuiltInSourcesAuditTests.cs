using System.Text;
using System.Text.RegularExpressions;
using TechTies.Tests.Loading;

namespace TechTies.Tests.Graph;

/// <summary>
/// The audit of the built-in graph against its sources: every source is cited, and every quote of a source whose
/// text we hold (tests/TechTies.Tests/SourceTexts/&lt;source id&gt;.txt) appears in that text verbatim.
/// </summary>
public partial class BuiltInSourcesAuditTests
{
    private static readonly TechTiesGraph BuiltIn = TechTiesGraph.LoadBuiltIn();

    private static string TextsFolder => Repository.PathOf(Path.Combine("tests", "TechTies.Tests", "SourceTexts"));

    [Fact]
    public void Every_source_of_the_built_in_graph_is_cited_at_least_once()
    {
        var uncited = BuiltIn.Entities.OfType<Source>()
            .Where(s => BuiltIn.TiesCiting(s).IsEmpty && BuiltIn.EntitiesCiting(s).IsEmpty)
            .Select(s => s.Id);

        Assert.Empty(uncited);
    }

    [Fact]
    public void Every_stored_source_text_belongs_to_a_source_of_the_built_in_graph()
    {
        var stored = StoredTexts().Keys.ToList();

        Assert.NotEmpty(stored);
        Assert.All(stored, id => Assert.IsType<Source>(BuiltIn.Find(id)));
    }

    [Fact]
    public void Every_quote_of_a_stored_source_appears_in_its_text_verbatim()
    {
        var texts = StoredTexts();
        var checkedQuotes = 0;
        var missing = new List<string>();
        foreach (var (where, citation) in Quotes())
        {
            if (!texts.TryGetValue(citation.Source, out var text))
            {
                continue;
            }

            checkedQuotes++;
            if (!Appears(citation.Quote!, text))
            {
                missing.Add($"{where}: \"{citation.Quote}\" is not in {citation.Source}.txt");
            }
        }

        Assert.Empty(missing);
        Assert.True(checkedQuotes > 50, $"Only {checkedQuotes} quotes were checked against stored texts.");
    }

    [Theory]
    [InlineData("Palantir’s agreement expires in 2019.", true)]
    [InlineData("Palantir's  agreement\nexpires in 2019.", true)]
    [InlineData("Dozens of protesters ... Palantir in Palo Alto", true)]
    [InlineData("Palantir’s agreement expires in 2020.", false)]
    [InlineData("Palantir in Palo Alto ... Dozens of protesters", false)]
    public void A_quote_appears_when_its_words_are_in_the_text_with_quotes_and_whitespace_normalized(string quote, bool appears)
    {
        var text = File.ReadAllText(Path.Combine(TextsFolder, "usareally-2018-08-01.txt"));

        Assert.Equal(appears, Appears(quote, text));
    }

    // Straight and curly quotes read alike, as do runs of whitespace; "..." (or "…") stands for words left out,
    // so the parts around it must appear in order.
    private static bool Appears(string quote, string text)
    {
        var normalizedText = Normalize(text);
        var at = 0;
        foreach (var part in Ellipsis().Split(quote).Select(Normalize).Where(p => p.Length > 0))
        {
            var found = normalizedText.IndexOf(part, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + part.Length;
        }

        return true;
    }

    private static string Normalize(string s)
    {
        var quotes = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            quotes.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
                _ => c,
            });
        }

        return Whitespace().Replace(quotes.ToString(), " ").Trim();
    }

    private static Dictionary<string, string> StoredTexts() =>
        Directory.EnumerateFiles(TextsFolder, "*.txt").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.Ordinal);

    // Every quoted citation of the graph: on entities and ties, and on each value of a field that lists its sources.
    private static IEnumerable<(string Where, Citation Citation)> Quotes()
    {
        var evidence = BuiltIn.Entities.Select(e => (e.Id, e.Citations, e.FieldClaims))
            .Concat(BuiltIn.Ties.Select(t => (t.Id, t.Citations, t.FieldClaims)));
        foreach (var (id, citations, fieldClaims) in evidence)
        {
            foreach (var citation in citations.Concat(fieldClaims.SelectMany(f => f.Claims.SelectMany(c => c.Citations))))
            {
                if (citation.Quote is not null)
                {
                    yield return (id, citation);
                }
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\.\.\.|…")]
    private static partial Regex Ellipsis();
}

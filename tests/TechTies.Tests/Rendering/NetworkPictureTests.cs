using System.Globalization;
using System.Xml.Linq;
using TechTies.Rendering;

namespace TechTies.Tests.Rendering;

public class NetworkPictureTests
{
    private static readonly TechTiesGraph BuiltIn = TechTiesGraph.LoadBuiltIn();
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Answers() => ["connect salesforce ice", "neighbors palantir --hops 2", "query palantir -[hosts_on]-> ? <-[hosts_on]- ?"];

    [Theory]
    [MemberData(nameof(Answers))]
    public void No_node_or_label_overlaps_another_and_nothing_is_outside_the_viewBox(string answer)
    {
        var svg = XDocument.Parse(Picture(answer));
        var geometry = Geometry.Read(svg);

        Assert.NotEmpty(geometry.Nodes);
        Assert.Empty(geometry.Problems());
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void Each_entity_is_drawn_once(string answer)
    {
        var svg = XDocument.Parse(Picture(answer));

        var ids = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "techties-node").Select(g => (string)g.Attribute("data-id")!).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= 4, $"only {ids.Count} entities drawn");
    }

    [Fact]
    public void The_geometry_check_finds_an_overlap_when_there_is_one()
    {
        var svg = XDocument.Parse(Picture("connect salesforce ice"));
        var first = svg.Descendants(Svg + "g").First(g => (string?)g.Attribute("class") == "techties-node");
        var second = svg.Descendants(Svg + "g").Last(g => (string?)g.Attribute("class") == "techties-node");

        // Move the last node onto the first one: the check must see it.
        second.ReplaceWith(new XElement(first) { Name = first.Name });
        second = svg.Descendants(Svg + "g").Last(g => (string?)g.Attribute("class") == "techties-node");
        second.SetAttributeValue("data-id", "moved");

        Assert.Contains(Geometry.Read(svg).Problems(), p => p.StartsWith("nodes overlap", StringComparison.Ordinal));
    }

    [Fact]
    public void Parallel_contracts_are_one_edge_with_their_count_and_total()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              acme: { name: Acme }
            agencies:
              dept: { name: Department of Things }
            contracts:
              k1: { title: First contract, vendor: acme, agency: dept, amount: USD 39 million, sources: [s] }
              k2: { title: Second contract, vendor: acme, agency: dept, amount: USD 53.7 million, sources: [s] }
              k3: { title: Third contract, vendor: acme, agency: dept, amount: USD 250000, sources: [s] }
            """, "merge.yaml");

        var svg = XDocument.Parse(graph.Query("acme -[contracts_with]-> dept").ToSvg());

        var edge = Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "techties-edge");
        Assert.Equal("3", (string?)edge.Attribute("data-ties"));
        Assert.Equal(["3 contracts, $92.95M", "[1]"], edge.Elements(Svg + "text").Select(t => t.Value));
        Assert.Equal(2, svg.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "techties-node"));
    }

    [Fact]
    public void Totals_of_contracts_some_without_an_amount_say_at_least_and_other_currencies_are_kept_apart()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              acme: { name: Acme }
            agencies:
              dept: { name: Department of Things }
            contracts:
              k1: { title: First, vendor: acme, agency: dept, amount: USD 1.5 million, sources: [s] }
              k2: { title: Second, vendor: acme, agency: dept, amount: EUR 2 million, sources: [s] }
              k3: { title: Third, vendor: acme, agency: dept, sources: [s] }
            """, "totals.yaml");

        var picture = NetworkPicture.Of(graph, "Who sells to the Department of Things?", graph.Ties.Where(t => t.Type.Name == "contracts_with"));
        var svg = XDocument.Parse(picture.ToSvg());

        var edge = Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "techties-edge");
        Assert.Equal("3 contracts, at least €2M + $1.5M", string.Join(' ', edge.Elements(Svg + "text").SkipLast(1).Select(t => t.Value)));
        Assert.Equal(["acme", "dept"], picture.Entities.Select(e => e.Id));
    }

    [Fact]
    public void Kinds_have_their_own_shape_and_colour_and_a_legend_names_those_drawn()
    {
        var svg = XDocument.Parse(Picture("connect salesforce ice"));

        var kinds = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "techties-node")
            .GroupBy(g => (string)g.Attribute("data-kind")!)
            .ToDictionary(k => k.Key, k => k.Select(g => g.Elements().Skip(1).First().Name.LocalName + " " + (string?)g.Elements().Skip(1).First().Attribute("fill")).Distinct().Single());
        Assert.True(kinds.Count >= 3);
        Assert.Equal(kinds.Count, kinds.Values.Distinct().Count());
        var legend = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "techties-legend").Select(t => t.Value);
        Assert.Equal(kinds.Keys.Order(StringComparer.Ordinal), legend.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_title_is_the_question_and_the_sources_are_numbered_footnotes_under_the_picture()
    {
        var set = BuiltIn.Connect("salesforce", "ice", new ConnectOptions { AsOf = PartialDate.Parse("2019") });
        var svg = XDocument.Parse(set.ToSvg());

        var texts = svg.Descendants(Svg + "text").ToList();
        Assert.Equal("How is Salesforce connected to U.S. Immigration and Customs Enforcement?", string.Join(' ', texts.Where(t => (string?)t.Attribute("class") == "techties-title").Select(t => t.Value)));
        Assert.Contains(texts, t => t.Value == "As of 2019");
        var notes = texts.Where(t => (string?)t.Attribute("class") == "techties-footnote").Select(t => t.Value).Where(v => v.StartsWith('[')).ToList();
        Assert.NotEmpty(notes);
        Assert.Equal(Enumerable.Range(1, notes.Count).Select(n => $"[{n}]"), notes.Select(n => n[..(n.IndexOf(']') + 1)]));
    }

    [Fact]
    public void Control_characters_and_markup_in_the_data_keep_the_SVG_and_the_story_page_well_formed()
    {
        var graph = TechTiesGraph.Parse("""
            techties: 1
            sources:
              s: { title: "Bell \u0007 and <b>bold</b>", kind: news, published: 2020-01-01 }
              t: { title: Web, kind: news, published: 2020-01-01, url: "https://example.org/a?b=1&c=2" }
            companies:
              a: { name: "Tab\tand \u0001 & <script>x</script>", hosts_on: { to: c, sources: [s, t] } }
              c: { name: "C \"quoted\"" }
            """, "escape.yaml");
        var set = graph.Query("a -[hosts_on]-> c");

        var svg = XDocument.Parse(set.ToSvg());
        var page = set.ToStoryPage();

        var node = svg.Descendants(Svg + "g").First(g => (string?)g.Attribute("data-id") == "a");
        Assert.Equal("Tab and \uFFFD & <script>x</script>", string.Join(' ', node.Elements(Svg + "text").Select(t => t.Value)));
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", page, StringComparison.Ordinal);
        Assert.Equal("x &amp; y", Markup.HtmlLink("x & y", "javascript:alert(1)"));
        Assert.Equal("x", Markup.HtmlLink("x", "file:///etc/passwd"));
        Assert.Contains("<a href=\"https://example.org/a?b=1&amp;c=2\">", page, StringComparison.Ordinal);
        XDocument.Parse(page.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void The_story_page_has_the_picture_the_sentences_with_the_same_footnotes_the_sources_and_the_table_and_no_script()
    {
        var set = BuiltIn.Connect("salesforce", "ice");
        var page = set.ToStoryPage(new DateOnly(2026, 1, 1));

        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>How is Salesforce connected to U.S. Immigration and Customs Enforcement?</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<figure>\n<svg", page, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"techties-sentences\">", page, StringComparison.Ordinal);
        Assert.Contains("<table class=\"techties-paths\">", page, StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", page, StringComparison.Ordinal);

        // The sentence that cites the Salesforce petition and the edge label of that tie give it the same number.
        var sentences = set.ToSentences(new DateOnly(2026, 1, 1));
        var doc = XDocument.Parse(page.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
        var sources = doc.Descendants("ol").Single(o => (string?)o.Attribute("class") == "techties-sources").Elements("li").Select(li => li.Value).ToList();
        var usaToday = sources.FindIndex(s => s.Contains("USA Today", StringComparison.Ordinal)) + 1;
        Assert.True(usaToday > 0);
        var edges = doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("data-from") == "salesforce" && (string?)g.Attribute("data-type") == "contracts_with");
        Assert.Contains(edges, edge => edge.Elements(Svg + "text").Last().Value.Trim('[', ']').Split(", ").Contains(usaToday.ToString(CultureInfo.InvariantCulture)));
        var items = doc.Descendants("ol").Single(o => (string?)o.Attribute("class") == "techties-sentences").Elements("li").Select(li => li.Value);
        Assert.Contains(items, s => s.Contains("Salesforce ha", StringComparison.Ordinal) && s[s.IndexOf("Salesforce ha", StringComparison.Ordinal)..].Contains($"[{usaToday}]", StringComparison.Ordinal));
        Assert.Contains("Salesforce", sentences, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neighbourhood_picture_has_its_center_and_every_member()
    {
        var neighborhood = BuiltIn.Neighbors("palantir", 1);
        var svg = XDocument.Parse(neighborhood.ToSvg());

        var ids = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "techties-node").Select(g => (string)g.Attribute("data-id")!);
        Assert.Equal(neighborhood.Entities.Select(e => e.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal("Palantir Technologies and everything within 1 step", neighborhood.ToPicture().Title);
        Assert.Contains("<h1>Palantir Technologies and everything within 1 step</h1>", neighborhood.ToStoryPage(), StringComparison.Ordinal);
    }

    private static string Picture(string answer) => answer.Split(' ')[0] switch
    {
        "connect" => BuiltIn.Connect("salesforce", "ice").ToSvg(),
        "neighbors" => BuiltIn.Neighbors("palantir", 2).ToSvg(),
        _ => BuiltIn.Query(answer["query ".Length..]).ToSvg(),
    };

    /// <summary>
    /// The boxes a picture draws, read back from its SVG: node shapes (rect, ellipse, polygon), texts (from their
    /// position, anchor, size and estimated width: Arial's ascent and a descent deep enough for <c>$</c> and <c>,</c>),
    /// edge paths and arrowheads, and the viewBox.
    /// </summary>
    private sealed record Geometry(List<(string Id, Box Shape, List<Box> Texts)> Nodes, List<Box> EdgeLabels, List<Box> OtherTexts, List<Box> Drawn, Box ViewBox)
    {
        public static Geometry Read(XDocument svg)
        {
            var root = svg.Root!;
            var view = ((string)root.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var nodes = new List<(string, Box, List<Box>)>();
            var labels = new List<Box>();
            var others = new List<Box>();
            var drawn = new List<Box>();
            foreach (var element in root.Descendants())
            {
                var cls = (string?)element.Attribute("class");
                var parentClass = (string?)element.Parent?.Attribute("class");
                switch (element.Name.LocalName)
                {
                    case "g" when cls == "techties-node":
                        var shape = ShapeBox(element.Elements().First(e => e.Name.LocalName is "rect" or "ellipse" or "polygon"));
                        nodes.Add(((string)element.Attribute("data-id")!, shape, element.Elements(Svg + "text").Select(TextBox).ToList()));
                        break;
                    case "text" when parentClass == "techties-edge":
                        labels.Add(TextBox(element));
                        break;
                    case "text" when parentClass != "techties-node":
                        others.Add(TextBox(element));
                        break;
                    case "rect" or "ellipse" or "polygon":
                        drawn.Add(ShapeBox(element));
                        break;
                    case "path":
                        drawn.Add(PathBox((string)element.Attribute("d")!));
                        break;
                }
            }

            return new Geometry(nodes, labels, others, drawn, new Box(view[0], view[1], view[0] + view[2], view[1] + view[3], "viewBox"));
        }

        public List<string> Problems()
        {
            var problems = new List<string>();
            for (var i = 0; i < Nodes.Count; i++)
            {
                for (var j = i + 1; j < Nodes.Count; j++)
                {
                    if (Nodes[i].Shape.Overlaps(Nodes[j].Shape))
                    {
                        problems.Add($"nodes overlap: {Nodes[i].Id} and {Nodes[j].Id}");
                    }
                }

                problems.AddRange(Nodes[i].Texts.Where(t => !Nodes[i].Shape.Holds(t)).Select(t => $"text outside its node: {t.Name}"));
            }

            var texts = Nodes.SelectMany(n => n.Texts).Concat(EdgeLabels).Concat(OtherTexts).ToList();
            for (var i = 0; i < texts.Count; i++)
            {
                for (var j = i + 1; j < texts.Count; j++)
                {
                    if (texts[i].Overlaps(texts[j]))
                    {
                        problems.Add($"texts overlap: '{texts[i].Name}' and '{texts[j].Name}'");
                    }
                }
            }

            problems.AddRange(EdgeLabels.SelectMany(l => Nodes.Where(n => n.Shape.Overlaps(l)).Select(n => $"edge label '{l.Name}' on node {n.Id}")));
            problems.AddRange(texts.Concat(Drawn).Where(b => !ViewBox.Holds(b)).Select(b => $"outside the viewBox: {b.Name}"));
            return problems;
        }

        private static Box TextBox(XElement text)
        {
            var x = D(text, "x");
            var y = D(text, "y");
            var size = D(text, "font-size");
            var width = TextWidth.Of(text.Value, size, (string?)text.Attribute("font-weight") == "bold");
            var left = (string?)text.Attribute("text-anchor") switch { "middle" => x - (width / 2), "end" => x - width, _ => x };
            return new Box(left, y - (0.93 * size), left + width, y + (0.43 * size), text.Value);
        }

        private static Box ShapeBox(XElement shape)
        {
            switch (shape.Name.LocalName)
            {
                case "rect":
                    return new Box(D(shape, "x"), D(shape, "y"), D(shape, "x") + D(shape, "width"), D(shape, "y") + D(shape, "height"), "rect");
                case "ellipse":
                    return new Box(D(shape, "cx") - D(shape, "rx"), D(shape, "cy") - D(shape, "ry"), D(shape, "cx") + D(shape, "rx"), D(shape, "cy") + D(shape, "ry"), "ellipse");
                default:
                    var points = ((string)shape.Attribute("points")!).Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
                    return new Box(points.Min(p => p[0]), points.Min(p => p[1]), points.Max(p => p[0]), points.Max(p => p[1]), "polygon");
            }
        }

        // The control points of a path bound its curves.
        private static Box PathBox(string d)
        {
            var numbers = d.Split([' ', ',', 'M', 'L', 'C'], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
            var xs = numbers.Where((_, i) => i % 2 == 0).ToList();
            var ys = numbers.Where((_, i) => i % 2 == 1).ToList();
            return new Box(xs.Min(), ys.Min(), xs.Max(), ys.Max(), "path " + d[..Math.Min(d.Length, 30)]);
        }

        private static double D(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
    }

    private sealed record Box(double Left, double Top, double Right, double Bottom, string Name)
    {
        public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

        public bool Holds(Box other) => other.Left >= Left - 0.1 && other.Right <= Right + 0.1 && other.Top >= Top - 0.1 && other.Bottom <= Bottom + 0.1;
    }
}

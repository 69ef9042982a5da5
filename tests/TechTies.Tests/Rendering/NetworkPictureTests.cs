using System.Globalization;
using System.Xml.Linq;
using TechTies.Rendering;

namespace TechTies.Tests.Rendering;

public class NetworkPictureTests
{
    private static readonly TechTiesGraph BuiltIn = TechTiesGraph.LoadBuiltIn();
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Answers() => ["connect salesforce ice", "neighbors palantir --hops 2", "query palantir -[hosts_on]-> ? <-[hosts_on]- ?", "totals --agency ice --by parent --top 8"];

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
    public void A_merged_contracts_edge_sums_the_headline_amounts_and_only_without_any_the_current_values()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              acme: { name: Acme }
              zeta: { name: Zeta }
            agencies:
              dept: { name: Department of Things }
            contracts:
              k1: { title: First, vendor: acme, agency: dept, amount: USD 2 million, current_value: USD 9 million, sources: [s] }
              k2: { title: Second, vendor: acme, agency: dept, current_value: USD 50 million, sources: [s] }
              k3: { title: Third, vendor: zeta, agency: dept, current_value: USD 3 million, sources: [s] }
              k4: { title: Fourth, vendor: zeta, agency: dept, current_value: USD 4 million, sources: [s] }
            """, "labels.yaml");

        var ties = graph.Ties.Where(t => t.Type.Name == "contracts_with").ToList();
        var acme = PictureSvg.EdgeLabel(ties[0].Type, [.. ties.Where(t => t.From.Id == "acme")]);
        var zeta = PictureSvg.EdgeLabel(ties[0].Type, [.. ties.Where(t => t.From.Id == "zeta")]);

        // Never $2M + $50M (an amount and a current value added): the amounts, "at least" as one has none.
        Assert.Equal("2 contracts, at least $2M", acme);
        Assert.Equal("2 contracts, $7M current value", zeta);
        Assert.Contains("label=\"2 contracts, $7M current value\"", graph.Query("zeta -[contracts_with]-> dept").ToDot(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_totals_picture_draws_vendors_and_agencies_with_the_count_and_total_of_the_field_summed()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              holdco: { name: Holding Co }
              acme: { name: Acme, subsidiary_of: { to: holdco, sources: [s] } }
              zeta: { name: Zeta }
            agencies:
              dept: { name: Department of Things }
              bureau: { name: Bureau of Stuff }
            contracts:
              k1: { title: First, vendor: acme, agency: dept, amount: USD 1, current_value: USD 1.5 million, start: 2015, sources: [s] }
              k2: { title: Second, vendor: acme, agency: dept, current_value: USD 2 million, sources: [s] }
              k3: { title: Third, vendor: zeta, agency: dept, start: 2016, sources: [s] }
              k4: { title: Fourth, vendor: holdco, agency: bureau, current_value: USD 250000, start: 2016, sources: [s] }
            """, "totals-picture.yaml");
        var totals = graph.Totals(new TotalsOptions { By = TotalsGrouping.Parent, Value = MoneyField.CurrentValue, AsOf = PartialDate.Parse("2016") });

        var picture = totals.ToPicture();
        var svg = XDocument.Parse(picture.ToSvg());
        var edges = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "techties-edge")
            .ToDictionary(g => $"{(string?)g.Attribute("data-from")}->{(string?)g.Attribute("data-to")}", g => string.Join(' ', g.Elements(Svg + "text").SkipLast(1).Select(t => t.Value)));

        // Grouped by parent: Acme's contracts are drawn from Holding Co, with their current values (not the $1 amount).
        Assert.Equal(new Dictionary<string, string>
        {
            ["holdco->dept"] = "2 contracts, $3.5M current value",
            ["holdco->bureau"] = "1 contract, $250K current value",
            ["zeta->dept"] = "1 contract, no stated current value",
        }, edges);
        Assert.Equal(["bureau", "dept", "holdco", "zeta"], picture.Entities.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Current value of contracts of every vendor with every agency, by parent, as of 2016", picture.Title);
        Assert.Empty(Geometry.Read(svg).Problems());

        var page = XDocument.Parse(totals.ToStoryPage().Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
        var sentences = page.Descendants("ol").Single(o => (string?)o.Attribute("class") == "techties-sentences").Elements("li").Select(li => li.Value).ToList();
        Assert.StartsWith("Holding Co received $3,750,000.00 in current award value from government agencies across 3 awards [1]", sentences[0], StringComparison.Ordinal);
        Assert.StartsWith("In all: ", sentences[^1], StringComparison.Ordinal);
        Assert.Equal("As of 2016", page.Descendants("p").Single(p => (string?)p.Attribute("class") == "techties-asof").Value);
        var notes = page.Descendants("ul").Single(u => (string?)u.Attribute("class") == "techties-notes").Elements("li").Select(li => li.Value);
        Assert.Equal(totals.Warnings, notes);
        Assert.Contains(notes, n => n.StartsWith("1 undated contract(s) were counted", StringComparison.Ordinal));
        Assert.Single(page.Descendants("ol"), o => (string?)o.Attribute("class") == "techties-sources");
        Assert.StartsWith("<div class=\"techties-totals\">\n<p><strong>", totals.ToHtml(), StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"techties-picture\"", totals.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_totals_picture_says_which_groups_it_leaves_out()
    {
        var totals = BuiltIn.Totals(new TotalsOptions { Agencies = ["ice"], By = TotalsGrouping.Vendor, Top = 2 });

        var picture = totals.ToPicture();

        Assert.NotNull(totals.Others);
        Assert.StartsWith($"Not drawn: {totals.Others!.Name} ({totals.Others.ContractCount} contract", picture.Note, StringComparison.Ordinal);
        Assert.Equal(totals.Groups.Select(g => g.Entity!.Id).Append("ice").Order(StringComparer.Ordinal), picture.Entities.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_path_sets_warnings_and_notes_are_on_its_story_page()
    {
        var set = BuiltIn.Connect("salesforce", "ice", new ConnectOptions { AsOf = PartialDate.Parse("2019") });
        Assert.NotEmpty(set.Warnings.Concat(set.Notes));

        var page = XDocument.Parse(set.ToStoryPage().Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));

        var notes = page.Descendants("ul").Single(u => (string?)u.Attribute("class") == "techties-notes").Elements("li").Select(li => li.Value);
        Assert.Equal(set.Warnings.Concat(set.Notes), notes);
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
        "totals" => BuiltIn.Totals(new TotalsOptions { Agencies = ["ice"], By = TotalsGrouping.Parent, Top = 8 }).ToPicture().ToSvg(),
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

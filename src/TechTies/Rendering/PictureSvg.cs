using System.Globalization;
using System.Text;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;
using TechTies.Diagrams;
using MsaglEdge = Microsoft.Msagl.Core.Layout.Edge;
using MsaglLabel = Microsoft.Msagl.Core.Layout.Label;
using MsaglNode = Microsoft.Msagl.Core.Layout.Node;

namespace TechTies.Rendering;

/// <summary>
/// Draws a <see cref="NetworkPicture"/> as SVG: the entities and merged edges are laid out by MSAGL's layered
/// (Sugiyama) layout, which is given every node's and every edge label's size, measured with <see cref="TextWidth"/>,
/// so that it keeps them apart; the SVG is then written from its geometry (node boundaries, edge curves, arrowheads,
/// label positions), with the title above and the legend and footnotes below, all inside the <c>viewBox</c>.
/// </summary>
internal static class PictureSvg
{
    public const double NodeFont = 13;
    public const double EdgeFont = 11;
    public const double TitleFont = 18;
    public const double SmallFont = 12;
    private const double NodeLine = 18;
    private const double EdgeLine = 16;
    private const double Margin = 16;
    private const double MinWidth = 480;
    private const double MaxNameWidth = 170;
    private const double MaxEdgeLabelWidth = 170;

    // Without footnotes (a page that lists the sources itself) the title and as-of line are left to the page too.
    public static string Write(NetworkPicture picture, PathRenderer.Footnotes notes, bool footnotes)
    {
        var nodes = picture.Entities.Select(Box.Of).ToList();
        var edges = picture.DrawnEdges is { } drawn ? Links(drawn, notes) : Merge(picture.Ties, notes);
        var layout = Lay(nodes, edges);

        var svg = new StringBuilder();
        var width = Math.Max(MinWidth, layout.Width + (2 * Margin));
        var textWidth = width - (2 * Margin);
        var y = Margin;

        var header = new StringBuilder();
        foreach (var line in footnotes ? TextWidth.Wrap(picture.Title, textWidth, TitleFont, bold: true) : [])
        {
            y += 26;
            header.Append(Text(Margin, y, line, TitleFont, "start", "techties-title", bold: true));
        }

        var sub = new List<string>();
        if (footnotes && picture.AsOf is { } asOf)
        {
            sub.Add($"As of {asOf}");
        }

        if (footnotes && picture.Note is { } note)
        {
            sub.Add(note);
        }

        var afterTitle = footnotes;
        foreach (var line in sub.SelectMany(s => TextWidth.Wrap(s, textWidth, SmallFont)))
        {
            // Below the title's descenders (a bold 18-point "y" or ","), then line by line.
            y += afterTitle ? 22 : 17;
            afterTitle = false;
            header.Append(Text(Margin, y, line, SmallFont, "start", "techties-subtitle"));
        }

        y += Margin;
        var dx = ((width - layout.Width) / 2) - layout.Left;
        var top = y;
        double X(double x) => x + dx;
        double Y(double msaglY) => top + (layout.Top - msaglY);

        var drawing = new StringBuilder();
        foreach (var edge in edges)
        {
            drawing.Append(EdgeSvg(edge, X, Y));
        }

        foreach (var node in nodes)
        {
            drawing.Append(NodeSvg(node, X, Y));
        }

        y = top + layout.Height + Margin;

        // The legend: one sample of each kind drawn, in the order of the kinds.
        var legend = new StringBuilder();
        var x = Margin;
        y += 4;
        foreach (var kind in nodes.Select(n => n.Entity.Kind).Distinct().Order())
        {
            var name = kind.ToName();
            var itemWidth = 34 + TextWidth.Of(name, SmallFont) + 14;
            if (x > Margin && x + itemWidth > width - Margin)
            {
                x = Margin;
                y += 24;
            }

            legend.Append(Sample(kind, x, y, 28, 16)).Append(Text(x + 34, y + 12, name, SmallFont, "start", "techties-legend"));
            x += itemWidth;
        }

        y += 24;
        if (footnotes && notes.Count > 0)
        {
            y += 8;
            legend.Append(Text(Margin, y + 12, "Sources", SmallFont, "start", "techties-sources-heading", bold: true));
            y += 18;
            var number = 0;
            foreach (var (source, reference) in notes.Sources())
            {
                number++;
                var lines = TextWidth.Wrap($"[{number.ToString(CultureInfo.InvariantCulture)}] {reference}", textWidth, SmallFont);
                var block = new StringBuilder();
                foreach (var line in lines)
                {
                    block.Append(Text(Margin, y + 12, line, SmallFont, "start", "techties-footnote"));
                    y += 17;
                }

                legend.Append(Markup.IsWebAddress(source?.Url) ? $"<a href=\"{Markup.Xml(source!.Url)}\">{block}</a>" : block.ToString());
            }
        }

        var height = y + Margin;
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"techties-picture\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" style=\"max-width:100%;height:auto\" font-family=\"{TextWidth.FontFamily}\" role=\"img\">\n"))
            .Append("<title>").Append(Markup.Xml(picture.Title)).Append("</title>\n")
            .Append("<style>.techties-edge-label{fill:#333}.techties-footnote{fill:#333}text{font-kerning:none}</style>\n")
            .Append(Invariant($"<rect x=\"0\" y=\"0\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#fff\"/>\n"))
            .Append(header).Append(drawing).Append(legend).Append("</svg>\n");
        return svg.ToString();
    }

    // Parallel ties of one type between the same two entities, in the order first met, become one edge.
    private static List<Link> Merge(IEnumerable<Tie> ties, PathRenderer.Footnotes notes)
    {
        var links = new List<Link>();
        var byKey = new Dictionary<(Entity, Entity, string), Link>();
        foreach (var tie in ties)
        {
            var key = (tie.From, tie.To, tie.Type.Name);
            if (!byKey.TryGetValue(key, out var link))
            {
                link = new Link(tie.From, tie.To, tie.Type);
                byKey[key] = link;
                links.Add(link);
            }

            link.Ties.Add(tie);
            link.Notes.UnionWith(notes.Numbers(PathRenderer.CitationsOf(tie)));
            foreach (var claims in PathRenderer.DisputedClaims(tie))
            {
                link.Notes.UnionWith(notes.Numbers(claims.Preferred.Citations));
                link.Notes.UnionWith(notes.Numbers(claims.Claims.Where(c => !c.Preferred).SelectMany(c => c.Citations)));
            }
        }

        foreach (var link in links)
        {
            link.Measure();
        }

        return links;
    }

    // Edges with labels of their own (a total's sums), each drawn as given.
    private static List<Link> Links(IReadOnlyList<DrawnEdge> drawn, PathRenderer.Footnotes notes)
    {
        var links = new List<Link>();
        foreach (var edge in drawn)
        {
            var link = new Link(edge.From, edge.To, edge.Type) { Label = edge.Label };
            link.Ties.AddRange(edge.Ties);
            link.Notes.UnionWith(notes.Numbers(edge.Citations));
            link.Measure();
            links.Add(link);
        }

        return links;
    }

    private static Extent Lay(List<Box> nodes, List<Link> links)
    {
        var graph = new GeometryGraph();
        var byEntity = new Dictionary<Entity, MsaglNode>();
        foreach (var box in nodes)
        {
            box.Node = new MsaglNode(box.Boundary(), box.Entity);
            graph.Nodes.Add(box.Node);
            byEntity[box.Entity] = box.Node;
        }

        foreach (var link in links)
        {
            var edge = new MsaglEdge(byEntity[link.From], byEntity[link.To]) { UserData = link };
            edge.Label = new MsaglLabel(link.LabelWidth, link.LabelHeight, edge);
            edge.EdgeGeometry.TargetArrowhead = new Arrowhead { Length = 8 };
            link.Edge = edge;
            graph.Edges.Add(edge);
        }

        // Layers run down the page; a big picture, whose layers are long (a neighbourhood's ring of entities), runs its
        // layers across instead, stacking each layer's entities, so that it is not a strip too wide to read.
        var settings = new SugiyamaLayoutSettings { NodeSeparation = 22, LayerSeparation = 36 };
        if (nodes.Count > 16)
        {
            settings.Transformation = PlaneTransformation.Rotation(Math.PI / 2);
            settings.NodeSeparation = 12;
            settings.LayerSeparation = 60;
        }

        // A picture of hundreds of ties: fewer ordering passes, the linear-time coordinate assignment and straight edges
        // (spline routing around hundreds of labels costs more than the layout) keep it fast.
        if (nodes.Count + links.Count > 250)
        {
            settings.MaxNumberOfPassesInOrdering = 4;
            settings.RepetitionCoefficientForOrdering = 1;
            settings.BrandesThreshold = 1;
            settings.EdgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.StraightLine;
        }

        LayoutHelpers.CalculateLayout(graph, settings, null);

        // The extent of everything drawn: nodes, curves, arrowheads and labels (the graph's own box may leave labels out).
        var box0 = nodes.Count > 0 ? nodes[0].Node!.BoundingBox : new Rectangle(0, 0, 0, 0);
        foreach (var node in nodes)
        {
            box0.Add(node.Node!.BoundingBox);
        }

        foreach (var link in links)
        {
            var edge = link.Edge!;
            if (edge.Curve is { } curve)
            {
                box0.Add(curve.BoundingBox);
            }

            if (edge.EdgeGeometry.TargetArrowhead is { } head)
            {
                box0.Add(head.TipPosition);
            }

            if (edge.Label is { } label)
            {
                box0.Add(label.BoundingBox);
            }
        }

        return new Extent(box0.Left, box0.Top, box0.Width, box0.Height);
    }

    private static string NodeSvg(Box box, Func<double, double> x, Func<double, double> y)
    {
        var node = box.Node!;
        var cx = x(node.Center.X);
        var cy = y(node.Center.Y);
        var entity = box.Entity;
        var text = new StringBuilder();
        text.Append(Invariant($"<g class=\"techties-node\" data-id=\"{Markup.Xml(entity.Id)}\" data-kind=\"{entity.Kind.ToName()}\">"))
            .Append("<title>").Append(Markup.Xml($"{entity.Name} ({entity.Kind.ToName()}, {entity.Id})")).Append("</title>")
            .Append(Shape(entity.Kind, cx, cy, box.Width, box.Height));
        var first = cy - (box.Lines.Count * NodeLine / 2) + Baseline(NodeLine, NodeFont);
        for (var i = 0; i < box.Lines.Count; i++)
        {
            text.Append(Text(cx, first + (i * NodeLine), box.Lines[i], NodeFont, "middle", "techties-node-label"));
        }

        return text.Append("</g>\n").ToString();
    }

    private static string EdgeSvg(Link link, Func<double, double> x, Func<double, double> y)
    {
        var edge = link.Edge!;
        var text = new StringBuilder(Invariant($"<g class=\"techties-edge\" data-from=\"{Markup.Xml(link.From.Id)}\" data-to=\"{Markup.Xml(link.To.Id)}\" data-type=\"{Markup.Xml(link.Type.Name)}\" data-ties=\"{link.Ties.Count}\">"));
        var color = link.Type.Name == "contracts_with" ? "#2f7d4a" : "#667";
        if (edge.Curve is { } curve)
        {
            text.Append("<path d=\"").Append(PathData(curve, x, y)).Append(Invariant($"\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{(link.Ties.Count > 1 ? "2.2" : "1.4")}\"/>"));
            if (edge.EdgeGeometry.TargetArrowhead is { } head)
            {
                text.Append(Arrow(curve.End, head.TipPosition, x, y, color));
            }
        }

        if (edge.Label is { } label)
        {
            var cx = x(label.Center.X);
            var top = y(label.Center.Y) - (link.Lines.Count * EdgeLine / 2);
            for (var i = 0; i < link.Lines.Count; i++)
            {
                text.Append(Text(cx, top + (i * EdgeLine) + Baseline(EdgeLine, EdgeFont), link.Lines[i], EdgeFont, "middle", "techties-edge-label"));
            }
        }

        return text.Append("</g>\n").ToString();
    }

    // The baseline of a line of text within a line box, with Arial's ascent (0.905 em) and descent (0.212 em) centred.
    private static double Baseline(double lineHeight, double size) => (lineHeight / 2) + (((0.905 - 0.212) / 2) * size);

    private static string Arrow(Point start, Point tip, Func<double, double> x, Func<double, double> y, string color)
    {
        var dir = tip - start;
        var length = dir.Length;
        if (length < 1e-6)
        {
            return string.Empty;
        }

        var normal = new Point(-dir.Y / length * 4, dir.X / length * 4);
        var a = start + normal;
        var b = start - normal;
        return Invariant($"<polygon points=\"{N(x(tip.X))},{N(y(tip.Y))} {N(x(a.X))},{N(y(a.Y))} {N(x(b.X))},{N(y(b.Y))}\" fill=\"{color}\"/>");
    }

    private static string PathData(ICurve curve, Func<double, double> x, Func<double, double> y)
    {
        var d = new StringBuilder();
        var start = curve.Start;
        d.Append(Invariant($"M{N(x(start.X))},{N(y(start.Y))}"));
        foreach (var segment in curve is Curve composite ? composite.Segments : [curve])
        {
            switch (segment)
            {
                case LineSegment line:
                    d.Append(Invariant($" L{N(x(line.End.X))},{N(y(line.End.Y))}"));
                    break;
                case CubicBezierSegment bezier:
                    d.Append(Invariant($" C{N(x(bezier.B(1).X))},{N(y(bezier.B(1).Y))} {N(x(bezier.B(2).X))},{N(y(bezier.B(2).Y))} {N(x(bezier.B(3).X))},{N(y(bezier.B(3).Y))}"));
                    break;
                case Polyline polyline:
                    foreach (var point in polyline.Skip(1))
                    {
                        d.Append(Invariant($" L{N(x(point.X))},{N(y(point.Y))}"));
                    }

                    break;
                default:
                    // Any other curve (an arc of a self-loop): a fine polyline along it.
                    for (var i = 1; i <= 16; i++)
                    {
                        var p = segment[segment.ParStart + ((segment.ParEnd - segment.ParStart) * i / 16)];
                        d.Append(Invariant($" L{N(x(p.X))},{N(y(p.Y))}"));
                    }

                    break;
            }
        }

        return d.ToString();
    }

    private static string Shape(Kind kind, double cx, double cy, double w, double h)
    {
        var (fill, stroke) = Colors(kind);
        var l = cx - (w / 2);
        var t = cy - (h / 2);
        var style = Invariant($"fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.4\"");
        return kind switch
        {
            Kind.Company => Invariant($"<rect x=\"{N(l)}\" y=\"{N(t)}\" width=\"{N(w)}\" height=\"{N(h)}\" rx=\"8\" {style}/>"),
            Kind.Agency => Invariant($"<rect x=\"{N(l)}\" y=\"{N(t)}\" width=\"{N(w)}\" height=\"{N(h)}\" {style}/><rect x=\"{N(l + 3)}\" y=\"{N(t + 3)}\" width=\"{N(w - 6)}\" height=\"{N(h - 6)}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"0.8\"/>"),
            Kind.Group => Invariant($"<ellipse cx=\"{N(cx)}\" cy=\"{N(cy)}\" rx=\"{N(w / 2)}\" ry=\"{N(h / 2)}\" {style}/>"),
            Kind.Person => Invariant($"<rect x=\"{N(l)}\" y=\"{N(t)}\" width=\"{N(w)}\" height=\"{N(h)}\" rx=\"{N(h / 2)}\" {style}/>"),
            Kind.Source => Invariant($"<rect x=\"{N(l)}\" y=\"{N(t)}\" width=\"{N(w)}\" height=\"{N(h)}\" stroke-dasharray=\"4 3\" {style}/>"),
            _ => Invariant($"<polygon points=\"{string.Join(' ', Polygon(kind, w, h).Select(p => $"{N(cx + p.X)},{N(cy - p.Y)}"))}\" {style}/>"),
        };
    }

    private static string Sample(Kind kind, double x, double y, double w, double h) => Shape(kind, x + (w / 2), y + (h / 2), w, h);

    // The outline of the kinds drawn as polygons, around (0, 0), y up as in the layout.
    private static Point[] Polygon(Kind kind, double w, double h)
    {
        var (a, b) = (w / 2, h / 2);
        switch (kind)
        {
            case Kind.Contract:
                var inset = Math.Min(h / 3, w / 4);
                return [new(-a, 0), new(-a + inset, b), new(a - inset, b), new(a, 0), new(a - inset, -b), new(-a + inset, -b)];
            case Kind.Protest:
                var slant = Math.Min(h / 2, w / 4);
                return [new(-a + slant, b), new(a, b), new(a - slant, -b), new(-a, -b)];
            default:
                var cut = Math.Min(6, h / 4);
                return [new(-a + cut, b), new(a - cut, b), new(a, b - cut), new(a, -b + cut), new(a - cut, -b), new(-a + cut, -b), new(-a, -b + cut), new(-a, b - cut)];
        }
    }

    private static (string Fill, string Stroke) Colors(Kind kind) => kind switch
    {
        Kind.Company => ("#dceafa", "#2c5d99"),
        Kind.Agency => ("#fbe3d6", "#a5421f"),
        Kind.Contract => ("#dcf2e1", "#2f7d4a"),
        Kind.Protest => ("#fbe0ea", "#a3285a"),
        Kind.Group => ("#ece2f7", "#6a3d9a"),
        Kind.Person => ("#fdf3cf", "#8a6d0b"),
        Kind.Product => ("#d8f1f1", "#1d6f6f"),
        _ => ("#f0f0f0", "#666666"),
    };

    private static string Text(double x, double y, string text, double size, string anchor, string cls, bool bold = false) =>
        Invariant($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\"{(bold ? " font-weight=\"bold\"" : string.Empty)} text-anchor=\"{anchor}\" class=\"{cls}\">{Markup.Xml(text)}</text>");

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compact money for a label: <c>$92.7M</c>, <c>$1.2B</c>, <c>$250K</c>, <c>$950</c>.</summary>
    internal static string CompactMoney(Money money) => DiagramLabels.CompactMoney(money);

    /// <summary>The total of each currency among <paramref name="amounts"/>, largest currency first by ordinal name: "$92.7M", "$3M + €2M".</summary>
    internal static string Totals(IEnumerable<Money> amounts) => DiagramLabels.Totals(amounts);

    private sealed record Extent(double Left, double Top, double Width, double Height);

    /// <summary>An entity's node: its lines of text and the size of its shape.</summary>
    private sealed class Box
    {
        private Box(Entity entity, List<string> lines, double width, double height)
        {
            Entity = entity;
            Lines = lines;
            Width = width;
            Height = height;
        }

        public Entity Entity { get; }

        public List<string> Lines { get; }

        public double Width { get; }

        public double Height { get; }

        public MsaglNode? Node { get; set; }

        public static Box Of(Entity entity)
        {
            // A long name takes up to three lines; what still does not fit ends in an ellipsis (the full name is the node's tooltip).
            var lines = TextWidth.Wrap(entity.Name.ReplaceLineEndings(" "), MaxNameWidth, NodeFont);
            if (lines.Count > 3)
            {
                lines = [lines[0], lines[1], TextWidth.Fit(string.Join(' ', lines.Skip(2)), MaxNameWidth, NodeFont)];
            }

            if (entity is Contract contract && (contract.Amount ?? contract.CurrentValue) is { } amount)
            {
                lines.Add(CompactMoney(amount));
            }

            var textWidth = lines.Max(l => TextWidth.Of(l, NodeFont));
            var textHeight = lines.Count * NodeLine;
            var (w, h) = entity.Kind switch
            {
                Kind.Group => (((textWidth / 2) + 6) * 2 * Math.Sqrt(2), ((textHeight / 2) + 3) * 2 * Math.Sqrt(2)),
                Kind.Person => (textWidth + textHeight + 18, textHeight + 12),
                Kind.Contract => (textWidth + 20 + (2 * (textHeight + 12) / 3), textHeight + 12),
                Kind.Protest => (textWidth + 20 + ((textHeight + 12) / 2), textHeight + 12),
                _ => (textWidth + 20, textHeight + 12),
            };
            return new Box(entity, lines, Math.Ceiling(w), Math.Ceiling(h));
        }

        public ICurve Boundary() => Entity.Kind switch
        {
            Kind.Company => CurveFactory.CreateRectangleWithRoundedCorners(Width, Height, 8, 8, new Point()),
            Kind.Person => CurveFactory.CreateRectangleWithRoundedCorners(Width, Height, Height / 2, Height / 2, new Point()),
            Kind.Group => CurveFactory.CreateEllipse(Width / 2, Height / 2, new Point()),
            Kind.Agency or Kind.Source => CurveFactory.CreateRectangle(Width, Height, new Point()),
            _ => ClosedPolyline(Polygon(Entity.Kind, Width, Height)),
        };

        private static Polyline ClosedPolyline(Point[] points)
        {
            var polyline = new Polyline();
            foreach (var point in points)
            {
                polyline.AddPoint(point);
            }

            polyline.Closed = true;
            return polyline;
        }
    }

    /// <summary>One drawn edge: the parallel ties of one type from one entity to another, and the label that counts them.</summary>
    private sealed class Link(Entity from, Entity to, RelationshipType type)
    {
        public Entity From { get; } = from;

        public Entity To { get; } = to;

        public RelationshipType Type { get; } = type;

        public List<Tie> Ties { get; } = [];

        public SortedSet<int> Notes { get; } = [];

        public List<string> Lines { get; private set; } = [];

        public double LabelWidth { get; private set; }

        public double LabelHeight { get; private set; }

        public MsaglEdge? Edge { get; set; }

        /// <summary>A label of its own (a total's sum); <see langword="null"/> for the label of the merged ties.</summary>
        public string? Label { get; init; }

        // "3 contracts, $92.7M" (the amounts of contracts counted once each; "at least" when some have none), "hosts on",
        // "targets (2 ties)"; then the numbers of the sources cited, as "[1, 3]".
        public void Measure()
        {
            var text = Describe();
            var lines = TextWidth.Wrap(text, MaxEdgeLabelWidth, EdgeFont);
            if (Notes.Count > 0)
            {
                lines.AddRange(TextWidth.Wrap("[" + string.Join(", ", Notes.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "]", MaxEdgeLabelWidth, EdgeFont));
            }

            Lines = lines;
            LabelWidth = Math.Ceiling(lines.Max(l => TextWidth.Of(l, EdgeFont)) + 6);
            LabelHeight = (lines.Count * EdgeLine) + 2;
        }

        private string Describe() => Label ?? EdgeLabel(Type, Ties);
    }

    /// <summary>
    /// What one drawn edge of parallel ties of <paramref name="type"/> says, in pictures and in the DOT and Mermaid of a
    /// path set: "3 contracts, $92.7M" (each contract counted once; the sum of their headline amounts, "at least" when
    /// some state none; when none states an amount, the sum of their current values, "2 contracts, $5M current
    /// value"; never a mix of the two), "hosts on", "targets (2 ties)".
    /// </summary>
    internal static string EdgeLabel(RelationshipType type, IReadOnlyCollection<Tie> ties) => DiagramLabels.Edge(type, ties);
}

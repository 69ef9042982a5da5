using System.Text;
using System.Xml;

namespace TechTies.Export;

/// <summary>GraphML: string-typed keys declared before the graph, one per flat column (<c>docs/export.md</c>).</summary>
internal static class GraphMLExporter
{
    private const string Ns = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(TechTiesGraph graph, Stream stream)
    {
        using var xml = XmlWriter.Create(stream, Xml.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Ns);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", Ns + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        var nodeColumns = NodeColumns();
        var edgeColumns = EdgeColumns();
        foreach (var column in nodeColumns)
        {
            Key(xml, "n_" + column, "node", column);
        }

        foreach (var column in edgeColumns)
        {
            Key(xml, "e_" + column, "edge", column);
        }

        xml.WriteStartElement("graph", Ns);
        xml.WriteAttributeString("id", "techties");
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var entity in graph.Entities)
        {
            xml.WriteStartElement("node", Ns);
            xml.WriteAttributeString("id", entity.Id);
            Data(xml, "n_label", entity.Name);
            foreach (var (column, value) in FlatRecords.Pairs(FlatRecords.EntityColumns, FlatRecords.Entity(entity)).Where(p => p.Column != "id"))
            {
                Data(xml, "n_" + column, value);
            }

            xml.WriteEndElement();
        }

        foreach (var tie in graph.Ties)
        {
            xml.WriteStartElement("edge", Ns);
            xml.WriteAttributeString("id", tie.Id);
            xml.WriteAttributeString("source", tie.From.Id);
            xml.WriteAttributeString("target", tie.To.Id);
            foreach (var (column, value) in FlatRecords.Pairs(FlatRecords.TieColumns, FlatRecords.Tie(tie)).Where(p => p.Column is not ("id" or "from" or "to")))
            {
                Data(xml, "e_" + column, value);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    internal static IEnumerable<string> NodeColumns() => FlatRecords.EntityColumns.Where(c => c != "id").Prepend("label");

    internal static IEnumerable<string> EdgeColumns() => FlatRecords.TieColumns.Where(c => c is not ("id" or "from" or "to"));

    private static void Key(XmlWriter xml, string id, string domain, string name)
    {
        xml.WriteStartElement("key", Ns);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", "string");
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Ns);
        xml.WriteAttributeString("key", key);
        xml.WriteString(Xml.Clean(value));
        xml.WriteEndElement();
    }
}

/// <summary>GEXF 1.3 for Gephi: a dynamic graph whose ties live from their since to their until dates.</summary>
internal static class GexfExporter
{
    private const string Ns = "http://gexf.net/1.3";

    public static void Write(TechTiesGraph graph, Stream stream)
    {
        using var xml = XmlWriter.Create(stream, Xml.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Ns);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", Ns + " http://gexf.net/1.3/gexf.xsd");
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Ns);
        xml.WriteElementString("creator", Ns, "TechTies");
        xml.WriteEndElement();
        xml.WriteStartElement("graph", Ns);
        xml.WriteAttributeString("defaultedgetype", "directed");
        xml.WriteAttributeString("mode", "dynamic");
        xml.WriteAttributeString("timeformat", "date");
        xml.WriteAttributeString("timerepresentation", "interval");
        Attributes(xml, "node", FlatRecords.EntityColumns.Where(c => c != "id"));
        Attributes(xml, "edge", FlatRecords.TieColumns.Where(c => c is not ("id" or "from" or "to")));
        xml.WriteStartElement("nodes", Ns);
        foreach (var entity in graph.Entities)
        {
            xml.WriteStartElement("node", Ns);
            xml.WriteAttributeString("id", entity.Id);
            xml.WriteAttributeString("label", Xml.Clean(entity.Name));
            AttValues(xml, FlatRecords.Pairs(FlatRecords.EntityColumns, FlatRecords.Entity(entity)).Where(p => p.Column != "id"));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("edges", Ns);
        foreach (var tie in graph.Ties)
        {
            xml.WriteStartElement("edge", Ns);
            xml.WriteAttributeString("id", tie.Id);
            xml.WriteAttributeString("source", tie.From.Id);
            xml.WriteAttributeString("target", tie.To.Id);
            xml.WriteAttributeString("label", Xml.Clean(tie.Type.Label));
            if (tie.Since is { } since)
            {
                xml.WriteAttributeString("start", since.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (tie.Until is { } until)
            {
                xml.WriteAttributeString("end", until.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            AttValues(xml, FlatRecords.Pairs(FlatRecords.TieColumns, FlatRecords.Tie(tie)).Where(p => p.Column is not ("id" or "from" or "to")));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Attributes(XmlWriter xml, string domain, IEnumerable<string> columns)
    {
        xml.WriteStartElement("attributes", Ns);
        xml.WriteAttributeString("class", domain);
        foreach (var column in columns)
        {
            xml.WriteStartElement("attribute", Ns);
            xml.WriteAttributeString("id", column);
            xml.WriteAttributeString("title", column);
            xml.WriteAttributeString("type", "string");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void AttValues(XmlWriter xml, IEnumerable<(string Column, string Value)> values)
    {
        xml.WriteStartElement("attvalues", Ns);
        foreach (var (column, value) in values)
        {
            xml.WriteStartElement("attvalue", Ns);
            xml.WriteAttributeString("for", column);
            xml.WriteAttributeString("value", Xml.Clean(value));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}

/// <summary>Settings and text cleaning shared by the XML formats.</summary>
internal static class Xml
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    /// <summary>
    /// Replaces the characters XML 1.0 cannot hold: a control character U+0000–U+001F other than tab, line feed and
    /// carriage return becomes its visible symbol in Unicode's Control Pictures block (U+0007 becomes U+2407 ␇, the
    /// same offset from U+2400 for every one, so a reader can map it back); a lone surrogate, U+FFFE or U+FFFF becomes
    /// U+FFFD.
    /// </summary>
    public static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var ok = pair || XmlConvert.IsXmlChar(c);
            if (!ok && clean is null)
            {
                clean = new StringBuilder(text, 0, i, text.Length);
            }

            if (clean is not null)
            {
                clean.Append(ok ? c : c < ' ' ? (char)('\u2400' + c) : '\uFFFD');
                if (pair)
                {
                    clean.Append(text[i + 1]);
                }
            }

            if (pair)
            {
                i++;
            }
        }

        return clean?.ToString() ?? text;
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace TechTies.Export;

/// <summary>
/// <c>entities.csv</c> and <c>ties.csv</c> in a zip archive, for spreadsheets. A cell that a spreadsheet would run as
/// a formula (one starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) gets a single
/// quote in front, since names in the data are not ours to trust.
/// </summary>
internal static class CsvExporter
{
    public static void WriteZip(TechTiesGraph graph, Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Csv.WriteEntry(zip, "entities.csv", FlatRecords.EntityColumns, graph.Entities.Select(FlatRecords.Entity), Neutralize);
        Csv.WriteEntry(zip, "ties.csv", FlatRecords.TieColumns, graph.Ties.Select(FlatRecords.Tie), Neutralize);
    }

    internal static string Neutralize(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}

/// <summary>
/// The neo4j-admin bulk-import layout in a zip archive: <c>nodes.csv</c> (<c>id:ID</c>, <c>:LABEL</c> as <c>Company</c>…,
/// every node also labelled <c>Entity</c> by the import), <c>relationships.csv</c> (<c>:START_ID</c>, <c>:END_ID</c>,
/// <c>:TYPE</c> as <c>HOSTS_ON</c>…), <c>import.sh</c> with the neo4j-admin command, and <c>load.cypher</c> that does the
/// same with <c>LOAD CSV</c>. Values are written as they are: Neo4j is not a spreadsheet. Aliases are an array joined
/// with a character that no alias holds (<see cref="ArrayDelimiter"/>), since neo4j-admin and Cypher's <c>split</c>
/// have no escape for it.
/// </summary>
internal static class Neo4jExporter
{
    public static void WriteZip(TechTiesGraph graph, Stream stream)
    {
        var nodeColumns = FlatRecords.EntityColumns.Where(c => c is not ("id" or "aliases")).ToList();
        var tieColumns = FlatRecords.TieColumns.Where(c => c is not ("from" or "to" or "type")).ToList();
        var delimiter = ArrayDelimiter(graph.Entities.SelectMany(e => e.Aliases));
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Csv.WriteEntry(
            zip,
            "nodes.csv",
            ["id:ID", ":LABEL", "aliases:string[]", .. nodeColumns],
            graph.Entities.Select(e =>
            {
                var row = FlatRecords.Entity(e);
                string?[] lead = [e.Id, Label(e.Kind), e.Aliases.IsEmpty ? null : string.Join(delimiter, e.Aliases)];
                return lead.Concat(nodeColumns.Select(c => row[FlatRecords.EntityColumns.IndexOf(c)])).ToArray();
            }),
            cell => cell);
        Csv.WriteEntry(
            zip,
            "relationships.csv",
            [":START_ID", ":END_ID", ":TYPE", .. tieColumns],
            graph.Ties.Select(t =>
            {
                var row = FlatRecords.Tie(t);
                string?[] lead = [t.From.Id, t.To.Id, RelationshipType(t.Type.Name)];
                return lead.Concat(tieColumns.Select(c => row[FlatRecords.TieColumns.IndexOf(c)])).ToArray();
            }),
            cell => cell);
        // neo4j-admin splits :LABEL on the array delimiter too, so the Entity label every node has is given here; and it
        // refuses a quoted field with a line break (a description from a YAML block) unless told it may have one.
        WriteText(zip, "import.sh", $"#!/bin/sh\n# Run from the folder of the CSV files, with the database stopped (Neo4j 5).\nneo4j-admin database import full --nodes=Entity=nodes.csv --relationships=relationships.csv --array-delimiter=U+{(int)delimiter:X4} --multiline-fields=true \"${{1:-neo4j}}\"\n");
        WriteText(zip, "load.cypher", LoadScript(graph, nodeColumns, tieColumns, delimiter));
    }

    /// <summary>
    /// The character that joins aliases in <c>aliases:string[]</c>: the unit separator U+001F, which names do not
    /// use, or when an alias holds it, the first character of the private use area U+E000–U+F8FF that none holds.
    /// </summary>
    internal static char ArrayDelimiter(IEnumerable<string> aliases)
    {
        var used = aliases.SelectMany(a => a).ToHashSet();
        foreach (var candidate in Enumerable.Range(0xE000, 0xF8FF - 0xE000 + 1).Select(c => (char)c).Prepend('\u001F'))
        {
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The aliases use every character the Neo4j export could join them with (U+001F and U+E000 to U+F8FF); export them in another format.");
    }

    internal static string Label(Kind kind) => char.ToUpperInvariant(kind.ToName()[0]) + kind.ToName()[1..];

    internal static string RelationshipType(string name) => name.ToUpperInvariant();

    // One statement per kind and per type, since labels and relationship types cannot be parameters in Cypher.
    private static string LoadScript(TechTiesGraph graph, List<string> nodeColumns, List<string> tieColumns, char delimiter)
    {
        var script = new StringBuilder();
        script.Append("// Copy nodes.csv and relationships.csv into Neo4j's import folder, then run this script (cypher-shell -f load.cypher).\n");
        script.Append("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n");
        string Properties(IEnumerable<string> columns, string first) =>
            string.Join(", ", columns.Select(c => $"{c}: row.`{c}`").Prepend(first));
        var aliases = $"aliases: CASE WHEN row.`aliases:string[]` IS NULL THEN [] ELSE split(row.`aliases:string[]`, '\\u{(int)delimiter:X4}') END";
        foreach (var kind in graph.Entities.Select(e => e.Kind).Distinct().Order())
        {
            script.Append(CultureInfo.InvariantCulture, $"LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row WITH row WHERE row.`:LABEL` = '{Label(kind)}' CREATE (:Entity:{Label(kind)} {{{Properties(nodeColumns, "id: row.`id:ID`, " + aliases)}}});\n");
        }

        foreach (var type in graph.Ties.Select(t => t.Type.Name).Distinct().Order(StringComparer.Ordinal))
        {
            script.Append(CultureInfo.InvariantCulture, $"LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row WITH row WHERE row.`:TYPE` = '{RelationshipType(type)}' MATCH (a:Entity {{id: row.`:START_ID`}}), (b:Entity {{id: row.`:END_ID`}}) CREATE (a)-[:{RelationshipType(type)} {{{Properties(tieColumns.Where(c => c != "id"), "id: row.id")}}}]->(b);\n");
        }

        return script.ToString();
    }

    private static void WriteText(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(Csv.Entry(zip, name), new UTF8Encoding(false));
        writer.Write(text);
    }
}

/// <summary>CSV writing shared by the CSV formats: RFC 4180 quoting by CsvHelper, invariant culture, LF line ends.</summary>
internal static class Csv
{
    public static void WriteEntry(ZipArchive zip, string name, IReadOnlyList<string> header, IEnumerable<string?[]> rows, Func<string, string> clean)
    {
        using var writer = new StreamWriter(Entry(zip, name), new UTF8Encoding(false));
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
        csv.WriteRecord([.. header]);
        foreach (var row in rows)
        {
            csv.WriteRecord([.. row.Select(cell => cell is null ? null : clean(cell))]);
        }
    }

    // A fixed timestamp keeps the archive the same bytes for the same graph.
    public static Stream Entry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return entry.Open();
    }
}

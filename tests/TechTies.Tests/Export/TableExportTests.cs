using System.Text.Json;

namespace TechTies.Tests.Export;

public class TableExportTests
{
    [Theory]
    [MemberData(nameof(ConsumerTests.Graphs), MemberType = typeof(ConsumerTests))]
    public void Neo4j_relationship_ends_are_all_node_ids(string name)
    {
        var graph = ConsumerTests.Graph(name);
        var files = ReadZip(graph, ExportFormat.Neo4j);
        var nodes = Rows(files, "nodes.csv");
        var relationships = Rows(files, "relationships.csv");
        Assert.Equal(["id:ID", ":LABEL", "aliases:string[]"], nodes[0][..3]);
        Assert.Equal([":START_ID", ":END_ID", ":TYPE"], relationships[0][..3]);
        var ids = nodes.Skip(1).Select(r => r[0]).ToHashSet();
        Assert.Equal(graph.Entities.Select(e => e.Id).ToHashSet(), ids);
        Assert.Equal(graph.Ties.Length, relationships.Count - 1);
        Assert.All(relationships.Skip(1), r => Assert.True(ids.Contains(r[0]) && ids.Contains(r[1]), $"{r[0]} -> {r[1]} names a missing node"));
        Assert.Equal(graph.Entities.Select(e => TechTies.Export.Neo4jExporter.Label(e.Kind)), nodes.Skip(1).Select(r => r[1]));
        Assert.All(relationships.Skip(1), r => Assert.Matches("^[A-Z][A-Z0-9_]*$", r[2]));
        var script = files.GetProperty("load.cypher").GetString()!;
        Assert.Contains("LOAD CSV WITH HEADERS FROM 'file:///nodes.csv'", script);
        Assert.All(graph.Ties.Select(t => t.Type.Name.ToUpperInvariant()).Distinct(), type => Assert.Contains($"[:{type} ", script));
        Assert.Contains("neo4j-admin database import full --nodes=Entity=nodes.csv --relationships=relationships.csv", files.GetProperty("import.sh").GetString());
    }

    [Theory]
    [InlineData("a;b", '\u001F')]
    [InlineData("a\u001Fb", '\uE000')]
    public void Neo4j_keeps_an_alias_with_the_array_delimiter_in_it_whole(string alias, char delimiter)
    {
        var graph = TechTiesGraph.Parse(
            $$"""
            techties: 1
            companies:
              acme: { name: Acme, aliases: ["{{alias.Replace("\u001F", "\\x1f", StringComparison.Ordinal)}}", "Acme; Inc.", "\uE001"] }
              solo: { name: Solo, aliases: [Solo] }
            """,
            "aliases.yaml");
        var files = ReadZip(graph, ExportFormat.Neo4j);
        var nodes = Rows(files, "nodes.csv");
        var code = $"{(int)delimiter:X4}";
        Assert.Contains($"--array-delimiter=U+{code} ", files.GetProperty("import.sh").GetString());
        Assert.Contains($"split(row.`aliases:string[]`, '\\u{code}')", files.GetProperty("load.cypher").GetString());
        var cells = nodes.Skip(1).ToDictionary(r => r[0], r => r[nodes[0].IndexOf("aliases:string[]")]);
        Assert.Equal([alias, "Acme; Inc.", "\uE001"], cells["acme"].Split(delimiter));
        Assert.Equal(["Solo"], cells["solo"].Split(delimiter));
    }

    [Fact]
    public void Neo4j_import_accepts_the_line_breaks_its_fields_hold()
    {
        var files = ReadZip(HostileGraph.Graph, ExportFormat.Neo4j);
        var relationships = Rows(files, "relationships.csv");
        Assert.Contains(relationships.Skip(1), r => r[relationships[0].IndexOf("description")].Contains('\n', StringComparison.Ordinal));
        Assert.Contains(" --multiline-fields=true ", files.GetProperty("import.sh").GetString());
    }

    [Fact]
    public void Neo4j_keeps_names_as_they_are()
    {
        var nodes = Rows(ReadZip(HostileGraph.Graph, ExportFormat.Neo4j), "nodes.csv");
        var evil = nodes.Single(r => r[0] == "evil");
        Assert.Equal(HostileGraph.EvilName, evil[nodes[0].IndexOf("name")]);
    }

    [Fact]
    public void Csv_has_entities_and_ties_with_every_row()
    {
        var graph = ConsumerTests.Graph("sample");
        var files = ReadZip(graph, ExportFormat.Csv);
        var entities = Rows(files, "entities.csv");
        var ties = Rows(files, "ties.csv");
        Assert.Equal(["id", "kind", "name"], entities[0][..3]);
        Assert.Equal(graph.Entities.Select(e => e.Id), entities.Skip(1).Select(r => r[0]));
        Assert.Equal(graph.Ties.Select(t => t.Id), ties.Skip(1).Select(r => r[0]));
        var contract = entities.Single(r => r[0] == "acme-ice-1");
        Assert.Equal("USD 53000000", contract[entities[0].IndexOf("amount")]);
        Assert.Equal("2019-09", contract[entities[0].IndexOf("end")]);
    }

    [Theory]
    [InlineData(ExportFormat.Csv, "entities.csv", "ties.csv", "id", "id")]
    [InlineData(ExportFormat.Neo4j, "nodes.csv", "relationships.csv", "id:ID", "id")]
    public void Disputed_names_the_columns_whose_sources_disagree(ExportFormat format, string entitiesFile, string tiesFile, string entityId, string tieId)
    {
        var files = ReadZip(ConsumerTests.Graph("sample"), format);
        var entities = Rows(files, entitiesFile);
        var ties = Rows(files, tiesFile);
        var contract = entities.Single(r => r[entities[0].IndexOf(entityId)] == "acme-ice-1");
        Assert.Equal("amount", contract[entities[0].IndexOf("disputed")]);
        Assert.Equal("USD 53000000", contract[entities[0].IndexOf("amount")]);
        Assert.Equal("", entities.Single(r => r[entities[0].IndexOf(entityId)] == "acme")[entities[0].IndexOf("disputed")]);
        var tie = ties.Single(r => r[ties[0].IndexOf(tieId)] == "acme/contracts_with/ice/acme-ice-1");
        Assert.Equal("amount", tie[ties[0].IndexOf("disputed")]);
        Assert.Equal("", ties.Single(r => r[ties[0].IndexOf(tieId)] == "acme/hosts_on/cloudco")[ties[0].IndexOf("disputed")]);
    }

    [Fact]
    public void Csv_neutralizes_cells_a_spreadsheet_would_run_as_formulas()
    {
        var files = ReadZip(HostileGraph.Graph, ExportFormat.Csv);
        var entities = Rows(files, "entities.csv");
        var evil = entities.Single(r => r[0] == "evil");
        Assert.Equal("'" + HostileGraph.EvilName, evil[entities[0].IndexOf("name")]);
        Assert.Equal("'-2+3; +cmd; \ttab; null", evil[entities[0].IndexOf("aliases")]);
        var source = entities.Single(r => r[0] == "s1");
        Assert.Equal("'@SUM(A1) news; \"quoted\"", source[entities[0].IndexOf("name")]);
        Assert.Equal("end", entities.Single(r => r[0] == "end")[entities[0].IndexOf("name")]);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("a=1", "a=1")]
    [InlineData("", "")]
    public void The_formula_rule_prefixes_exactly_the_risky_first_characters(string cell, string expected) =>
        Assert.Equal(expected, TechTies.Export.CsvExporter.Neutralize(cell));

    [Fact]
    public void Zip_exports_are_the_same_bytes_for_the_same_graph()
    {
        var graph = ConsumerTests.Graph("sample");
        Assert.Equal(graph.ExportBytes(ExportFormat.Csv), graph.ExportBytes(ExportFormat.Csv));
        Assert.Equal(graph.ExportBytes(ExportFormat.Neo4j), graph.ExportBytes(ExportFormat.Neo4j));
    }

    private static JsonElement ReadZip(TechTiesGraph graph, ExportFormat format)
    {
        var path = graph.WriteTemp(format, ".zip");
        try
        {
            var script = Path.Combine(ExportTestSupport.RepoRoot, "tests", "consumers", "python", "read_csv_zip.py");
            return JsonDocument.Parse(ConsumerSupport.Run("/usr/bin/python3", [script, path], ConsumerSupport.AptHint)).RootElement;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<List<string>> Rows(JsonElement files, string name) =>
        [.. files.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList())];
}

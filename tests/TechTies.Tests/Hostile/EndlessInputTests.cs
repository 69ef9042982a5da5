using TechTies.Import;
using TechTies.Tests.Cli;
using TechTies.Tests.Import;

namespace TechTies.Tests.Hostile;

/// <summary>
/// Input that never ends, or is larger than anything techties reads, is refused with an error that names the file and
/// the limit: a device or FIFO where a graph file is read whole, a graph file over 1 GiB, a CSV record over 1 MiB (a
/// quote never closed, a file with no line breaks). The commands run with their heap capped at 768 MB, where reading
/// /dev/zero whole died (exit 70 after 4.2 GB); the caps themselves are tested lowered, in process.
/// </summary>
public sealed class EndlessInputTests : IDisposable
{
    private static readonly Dictionary<string, string> SmallHeap = new() { ["DOTNET_GCHeapHardLimit"] = "0x30000000" };

    private readonly string folder = Directory.CreateTempSubdirectory("techties-hostile-endless-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_device_given_as_data_is_refused_as_not_a_regular_file()
    {
        var result = CliRunner.RunWith(folder, SmallHeap, "stats", "--data", "/dev/zero");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("techties: error: '/dev/zero' is not a regular file (a device, FIFO or socket), so it is not read", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_file_in_a_folder_that_links_to_a_device_is_refused_and_named()
    {
        var graphs = Directory.CreateDirectory(Path.Combine(folder, "graphs")).FullName;
        File.WriteAllText(Path.Combine(graphs, "a.yaml"), "techties: 1\ncompanies:\n  acme: { name: Acme }\n");
        File.CreateSymbolicLink(Path.Combine(graphs, "z.yaml"), "/dev/urandom");

        var result = CliRunner.RunWith(folder, SmallHeap, "stats", "--data", "graphs");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("graphs/z.yaml' is not a regular file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_file_larger_than_the_cap_is_refused_with_its_name_size_and_the_limit()
    {
        var file = HostileGraphs.Write(folder, "big.yaml", "techties: 1\ncompanies:\n  acme: { name: Acme }\n");
        GraphFiles.MaxFileBytesForTests.Value = 20;

        var e = Assert.Throws<IOException>(() => TechTiesGraph.Load(file));

        Assert.Equal($"'{file}' is 46 bytes: a graph file may have at most 20 bytes; split it into several files in one folder.", e.Message);
    }

    [Fact]
    public void A_stream_longer_than_the_cap_is_refused()
    {
        GraphFiles.MaxFileBytesForTests.Value = 20;
        using var stream = new MemoryStream(new byte[100]);

        var e = Assert.Throws<IOException>(() => TechTiesGraph.Load(stream, "endless.yaml"));

        Assert.Equal("'endless.yaml' is longer than that: a graph file may have at most 20 bytes; split it into several files in one folder.", e.Message);
    }

    [Fact]
    public void Importing_a_device_stops_at_the_record_cap_with_an_error()
    {
        var result = CliRunner.RunWith(folder, SmallHeap, "import", "/dev/zero", "--out", Path.Combine(folder, "out.yaml"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/dev/zero:1:1: error TT0072: the record that starts here is longer than 1048576 bytes, the most one row may have", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "out.yaml")));
    }

    [Fact]
    public void A_csv_row_that_opens_a_quote_and_never_closes_it_stops_at_the_record_cap_with_its_line()
    {
        var rows = Enumerable.Range(0, 200).Select(i => AwardCsv.With(AwardCsv.Icm(), new() { ["award_id_piid"] = $"A{i}", ["contract_award_unique_key"] = $"K{i}" })).ToList();
        var text = AwardCsv.Text(rows);
        var lines = text.Split("\r\n");
        lines[3] = lines[3].Replace("Department of Homeland Security", "\"Department of Homeland Security", StringComparison.Ordinal);
        var csv = HostileGraphs.Write(folder, "awards.csv", string.Join("\r\n", lines));
        CsvRows.MaxRecordBytesForTests.Value = 4096;

        var e = Assert.Throws<GraphLoadException>(() => CsvImporter.Import(csv, CsvMapping.UsaSpending, Path.Combine(folder, "out.yaml"), new ImportOptions { SkipInvalid = true }));

        var error = Assert.Single(e.Errors);
        Assert.Equal((csv, 4, 1, "TT0072"), (error.File, error.Line, error.Column, error.Code));
        Assert.StartsWith("the record that starts here is longer than 4096 bytes, the most one row may have, so the file is not read further", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "out.yaml")));
    }

    [Fact]
    public void A_csv_header_naming_a_column_twice_is_an_error_naming_both_positions()
    {
        var columns = AwardCsv.Columns.Append("recipient_name").ToList();
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm()], columns);

        var e = Assert.Throws<GraphLoadException>(() => CsvImporter.Import(csv, CsvMapping.UsaSpending, Path.Combine(folder, "out.yaml")));

        var error = Assert.Single(e.Errors);
        Assert.Equal((1, 19, "TT0070"), (error.Line, error.Column, error.Code));
        Assert.Equal("the header names the column 'recipient_name' twice, at columns 13 and 19, so which one the usaspending mapping reads is unclear", error.Message);
    }

    [Fact]
    public void A_utf16_csv_with_a_byte_order_mark_imports_as_its_utf8_twin_does()
    {
        var utf8 = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.Falcon()]);
        var utf16 = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "utf16")).FullName, "awards.csv");
        File.WriteAllText(utf16, File.ReadAllText(utf8), new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        CsvImporter.Import(utf8, CsvMapping.UsaSpending, Path.Combine(folder, "a.yaml"));
        CsvImporter.Import(utf16, CsvMapping.UsaSpending, Path.Combine(folder, "b.yaml"));

        Assert.Equal(File.ReadAllText(Path.Combine(folder, "a.yaml")), File.ReadAllText(Path.Combine(folder, "b.yaml")));
    }
}

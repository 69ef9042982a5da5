using TechTies.Tests.Cli;
using TechTies.Tests.Import;

namespace TechTies.Tests.Hostile;

/// <summary>
/// What --out may name: never nothing, never one of the inputs (which writing would destroy), never a read-only file;
/// and the temporary file a killed run may leave behind says what it is.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-hostile-out-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("export", "--format", "dot", "--out", "")]
    [InlineData("export", "--format", "dot", "--out", "  ")]
    [InlineData("import", "awards.csv", "--out", "")]
    public void An_empty_out_is_a_usage_error(params string[] args)
    {
        var result = CliRunner.RunIn(folder, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--out needs a file name, not an empty one", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Import_refuses_to_write_over_its_own_csv_and_leaves_it_as_it_was()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm(), AwardCsv.Falcon()]);
        var before = File.ReadAllBytes(csv);

        var result = CliRunner.RunIn(folder, "import", csv, "--out", csv);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"--out '{csv}' is one of the input files: writing it would destroy the input; name another file.", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(csv));
    }

    [Fact]
    public void Import_refuses_an_out_that_is_its_csv_through_a_symbolic_link_or_a_hard_link()
    {
        var csv = AwardCsv.Write(folder, "awards.csv", [AwardCsv.Icm()]);
        var before = File.ReadAllBytes(csv);
        var symbolic = Path.Combine(folder, "link.yaml");
        File.CreateSymbolicLink(symbolic, csv);
        var hard = Path.Combine(folder, "hard.yaml");
        using (var ln = System.Diagnostics.Process.Start("ln", [csv, hard])!)
        {
            ln.WaitForExit();
            Assert.Equal(0, ln.ExitCode);
        }


        var throughLink = CliRunner.RunIn(folder, "import", csv, "--out", symbolic);
        var throughHardLink = CliRunner.RunIn(folder, "import", "./awards.csv", "--out", hard);

        Assert.Equal(1, throughLink.ExitCode);
        Assert.Contains("is one of the input files", throughLink.Error, StringComparison.Ordinal);
        Assert.Equal(1, throughHardLink.ExitCode);
        Assert.Contains($"--out '{hard}' is one of the input files ('./awards.csv')", throughHardLink.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(csv));
    }

    [Fact]
    public void Export_refuses_to_write_over_a_file_of_its_data_folder()
    {
        var graphs = Directory.CreateDirectory(Path.Combine(folder, "graphs")).FullName;
        var file = Path.Combine(graphs, "a.yaml");
        File.WriteAllText(file, "techties: 1\ncompanies:\n  acme: { name: Acme }\n");

        var result = CliRunner.RunIn(folder, "export", "--format", "yaml", "--data", "graphs", "--out", "graphs/a.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is one of the input files", result.Error, StringComparison.Ordinal);
        Assert.Equal("techties: 1\ncompanies:\n  acme: { name: Acme }\n", File.ReadAllText(file));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Export_refuses_to_replace_a_read_only_file()
    {
        var target = Path.Combine(folder, "graph.dot");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        var result = CliRunner.RunIn(folder, "export", "--format", "dot", "--out", target);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"'{target}' is read-only, so it is not replaced: make it writable (chmod u+w) or remove it first", result.Error, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(target));
    }

    [Fact]
    public void The_temporary_file_of_a_write_says_it_is_an_incomplete_techties_output()
    {
        // OutputFile is compiled into both the library and the command line, so the test reaches the library's copy by name.
        var type = typeof(TechTiesGraph).Assembly.GetType("TechTies.OutputFile", throwOnError: true)!;
        var output = (IDisposable)type.GetMethod("For")!.Invoke(null, [Path.Combine(folder, "graph.dot")])!;
        using var stream = (Stream)type.GetMethod("Open")!.Invoke(output, [CancellationToken.None])!;

        var temporary = Assert.Single(Directory.GetFiles(folder));
        output.Dispose();

        Assert.Matches(@"^\.graph\.dot\.techties-incomplete-[0-9a-f]{32}\.tmp$", Path.GetFileName(temporary));
    }
}

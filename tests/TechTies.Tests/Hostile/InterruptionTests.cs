using System.Diagnostics;
using System.Text;
using TechTies.Tests.Cli;
using TechTies.Tests.Import;

namespace TechTies.Tests.Hostile;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM while import writes its temporary chunk files: the run stops with exit code 130, its
/// temporary files are removed and the output is not written. An interrupted 600k-row import left 164 MB of chunk
/// files in the temporary folder (the parser's own handling ended the process two seconds later without cleaning up).
/// </summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-hostile-interrupt-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_during_an_import_removes_its_temporary_files_and_exits_130(string signal)
    {
        var temp = Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName;
        var csv = Path.Combine(folder, "awards.csv");
        using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
        {
            writer.Write(AwardCsv.Text([]));
            for (var i = 0; i < 150_000; i++)
            {
                writer.Write(AwardCsv.Text([AwardCsv.With(AwardCsv.Icm(), new() { ["award_id_piid"] = $"A{i}", ["contract_award_unique_key"] = $"K{i}" })]).Split("\r\n", 2)[1]);
            }
        }

        var output = Path.Combine(folder, "out.yaml");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TechTies.Cli.dll"));
        foreach (var arg in new[] { "import", csv, "--out", output })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TMPDIR"] = temp;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();

        // Once the first chunk of contracts is on disk, the import is in the middle of its work.
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateFiles(temp, "techties-import-*.chunk").Any() && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20);
        }

        Assert.False(process.HasExited, "the import finished before it could be interrupted");
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the import did not stop");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains($"interrupted: nothing was written to {output}, and the import's temporary files were removed", await stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
        Assert.False(File.Exists(output));
    }
}

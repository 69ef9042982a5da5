using System.Diagnostics;

namespace TechTies.Tests.Cli;

/// <summary>
/// export --out writes a file whole, through symbolic links onto the file they lead to, and writes a device or FIFO
/// in place: never replacing a link or a special file with a regular file. The tests use links and FIFOs in a temporary
/// folder, never the machine's own /dev/stdout or /dev/full.
/// </summary>
public sealed class ExportOutTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-export-out-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Export_through_a_symbolic_link_replaces_the_file_it_leads_to_and_keeps_the_link()
    {
        var real = Directory.CreateDirectory(Path.Combine(folder, "real")).FullName;
        var target = Path.Combine(real, "target.dot");
        File.WriteAllText(target, "old");
        var link = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "linkdir")).FullName, "graph.dot");
        File.CreateSymbolicLink(link, Path.Combine("..", "real", "target.dot"));

        var result = CliRunner.Run("export", "--format", "dot", "--out", link);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"wrote {link}: dot, 72 entities, 93 ties\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Equal(Path.Combine("..", "real", "target.dot"), new FileInfo(link).LinkTarget);
        Assert.StartsWith("digraph", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(real));
        Assert.Equal([link], Directory.GetFiles(Path.GetDirectoryName(link)!));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Export_over_a_file_keeps_its_permissions()
    {
        var target = Path.Combine(folder, "graph.dot");
        File.WriteAllText(target, "old");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead;
        File.SetUnixFileMode(target, mode);

        var result = CliRunner.Run("export", "--format", "dot", "--out", target);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("digraph", File.ReadAllText(target));
        Assert.Equal(mode, File.GetUnixFileMode(target));
    }

    [Fact]
    public void Export_through_a_link_to_a_missing_file_creates_the_file_and_keeps_the_link()
    {
        var link = Path.Combine(folder, "graph.dot");
        File.CreateSymbolicLink(link, "made.dot");

        var result = CliRunner.Run("export", "--format", "dot", "--out", link, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("made.dot", new FileInfo(link).LinkTarget);
        Assert.StartsWith("digraph", File.ReadAllText(Path.Combine(folder, "made.dot")));
    }

    [Fact]
    public void Export_to_a_fifo_writes_into_it_and_leaves_it_a_fifo()
    {
        var fifo = MakeFifo("graph.fifo");
        using var reader = Start("cat", fifo);

        var result = CliRunner.Run("export", "--format", "dot", "--out", fifo);
        var read = Finish(reader);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"wrote {fifo}: dot, 72 entities, 93 ties\n", result.Error.ReplaceLineEndings("\n"));
        Assert.StartsWith("digraph", read);
        Assert.True(IsFifo(fifo));
        Assert.Equal([fifo], Directory.GetFiles(folder));
    }

    [Fact]
    public void Export_to_a_link_to_the_standard_output_writes_to_it_and_keeps_the_link()
    {
        var link = Path.Combine(folder, "stdout");
        File.CreateSymbolicLink(link, "/proc/self/fd/1");

        var result = CliRunner.Run("export", "--format", "mermaid", "--query", "palantir -[hosts_on]-> amazon", "--out", link);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("flowchart LR", result.Out);
        Assert.Equal("/proc/self/fd/1", new FileInfo(link).LinkTarget);
        Assert.Equal([link], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_write_that_fails_is_an_error_that_exits_non_zero_and_never_says_wrote()
    {
        // The reader takes one byte and closes the FIFO; the JSON export (about 100 KB) outgrows the pipe's buffer, so
        // the writer gets a broken pipe, as /dev/full would give "no space left on device".
        var fifo = MakeFifo("graph.json");
        using var reader = Start("head", "-c", "1", fifo);

        var result = CliRunner.Run("export", "--format", "json", "--out", fifo);
        Finish(reader);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"techties: error: Could not write '{fifo}': Broken pipe; the export is incomplete: a device or FIFO is written in place, so at most what came before the failure reached it.\n", result.Error.ReplaceLineEndings("\n"));
        Assert.True(IsFifo(fifo));
    }

    [Fact]
    public void A_write_that_fails_before_the_file_is_replaced_says_nothing_was_written()
    {
        var target = Directory.CreateDirectory(Path.Combine(folder, "a-folder")).FullName;

        var result = CliRunner.Run("export", "--format", "dot", "--out", target);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"techties: error: Could not write '{target}': '{target}' is a folder, not a file; nothing was written.\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(folder, name);
        Finish(Start("mkfifo", path));
        return path;
    }

    private static bool IsFifo(string path) => Finish(Start("stat", "-c", "%F", path)).Trim() == "fifo";

    private static Process Start(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    // Waits for a helper process; one left waiting on a FIFO that was replaced would wait forever, so it is ended.
    private static string Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new TimeoutException($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} did not finish: nothing was written to it.");
        }

        return output.Result;
    }
}

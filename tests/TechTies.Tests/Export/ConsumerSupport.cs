using System.Diagnostics;

namespace TechTies.Tests.Export;

/// <summary>
/// Runs the real consumers of the exports (Python with NetworkX, igraph and jsonschema; Graphviz; Node with
/// Cytoscape.js and ajv). A missing tool fails the test with what to install; it never skips.
/// </summary>
internal static class ConsumerSupport
{
    public const string AptHint = "run the README's test command (dotnet test TechTies.sln), whose build installs what the tests need, or bash eng/test-prerequisites.sh";

    public static string NodeFolder => Path.Combine(ExportTestSupport.RepoRoot, "tests", "consumers", "node");

    public static string NodeHint => AptHint;

    public static string Run(string program, IEnumerable<string> args, string hint, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? string.Empty };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start; {hint}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed ({e.Message}); {hint}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}: {stderr.Result}\n{stdout.Result}\n(if a module or tool is missing: {hint})");
            }

            return stdout.Result;
        }
    }

    public static string WriteTemp(this TechTiesGraph graph, ExportFormat format, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"techties-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, graph.ExportBytes(format));
        return path;
    }
}

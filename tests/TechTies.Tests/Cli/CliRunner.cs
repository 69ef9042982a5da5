using System.Diagnostics;

namespace TechTies.Tests.Cli;

/// <summary>Runs the built techties tool as a separate process: arguments in; stdout, stderr and exit code out.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => RunIn(RepoRoot.Path, args);

    public static Result RunIn(string workingDirectory, params string[] args) => RunWith(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the tool with more environment variables, such as <c>DOTNET_GCHeapHardLimit</c> to cap its memory.</summary>
    public static Result RunWith(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "TechTies.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"techties {string.Join(' ', args)} did not finish in two minutes.");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>The repository root: the folder above the test binaries that holds TechTies.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TechTies.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TechTies.sln not found above " + AppContext.BaseDirectory);
    }
}

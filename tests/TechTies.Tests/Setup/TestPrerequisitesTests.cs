using System.Diagnostics;
using TechTies.Tests.Loading;

namespace TechTies.Tests.Setup;

/// <summary>
/// eng/test-prerequisites.sh, which the test project's build runs so that the README's test command alone prepares
/// a fresh machine. It runs here on a copy of the script in a scratch tree, with dpkg-query, id, apt-get and npm
/// replaced by stubs that record how they were called, so every branch is exercised on any machine.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TestPrerequisitesTests : IDisposable
{
    private static readonly string[] DebianPackages =
        ["graphviz", "python3-networkx", "python3-igraph", "python3-jsonschema", "python3-yaml", "python3-pandas", "chromium", "fonts-liberation"];

    private readonly string tree = Directory.CreateTempSubdirectory("techties-prereqs-").FullName;

    public TestPrerequisitesTests()
    {
        Directory.CreateDirectory(Path.Combine(tree, "eng"));
        Directory.CreateDirectory(Path.Combine(tree, "stubs"));
        Directory.CreateDirectory(NodeFolder);
        File.Copy(Repository.PathOf("eng/test-prerequisites.sh"), Path.Combine(tree, "eng", "test-prerequisites.sh"));
        File.Copy(Repository.PathOf("tests/consumers/node/package-lock.json"), Path.Combine(NodeFolder, "package-lock.json"));
        // npm ci leaves node_modules/.package-lock.json behind, which is how the script knows it ran.
        Stub("npm", $"""echo "npm $*" >> "{Calls}"; mkdir -p "{NodeFolder}/node_modules"; touch "{NodeFolder}/node_modules/.package-lock.json" """);
        Stub("apt-get", $"""echo "apt-get $*" >> "{Calls}" """);
    }

    private string NodeFolder => Path.Combine(tree, "tests", "consumers", "node");

    private string Calls => Path.Combine(tree, "calls.txt");

    [Fact]
    public void As_a_user_without_the_packages_it_stops_with_one_line_naming_the_command_to_run()
    {
        InstalledPackages();
        User(1000);

        var (exit, output) = Run();

        Assert.Equal(1, exit);
        Assert.Equal($"error: the tests need Debian packages that are not installed; run: sudo apt-get install -y {string.Join(' ', DebianPackages)}", output.Trim());
        Assert.False(File.Exists(Calls));
    }

    [Fact]
    public void As_root_it_installs_only_the_missing_packages_with_apt_get_and_then_the_node_consumers()
    {
        InstalledPackages("graphviz", "python3-yaml");
        User(0);

        var (exit, _) = Run();

        Assert.Equal(0, exit);
        var missing = DebianPackages.Where(p => p is not "graphviz" and not "python3-yaml");
        Assert.Equal(
            ["apt-get update -qq", $"apt-get install -y -qq {string.Join(' ', missing)}", $"npm ci --prefix {NodeFolder} --no-audit --no-fund"],
            File.ReadAllLines(Calls));
    }

    [Fact]
    public void When_everything_is_installed_it_installs_nothing()
    {
        InstalledPackages(DebianPackages);
        User(0);
        Assert.Equal(0, Run().Exit);
        File.Delete(Calls);

        var (exit, output) = Run();

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.False(File.Exists(Calls));
    }

    [Fact]
    public void A_changed_lock_file_runs_npm_ci_again()
    {
        InstalledPackages(DebianPackages);
        User(1000);
        Assert.Equal(0, Run().Exit);
        File.SetLastWriteTimeUtc(Path.Combine(NodeFolder, "package-lock.json"), DateTime.UtcNow.AddMinutes(1));

        Assert.Equal(0, Run().Exit);

        Assert.Equal(2, File.ReadAllLines(Calls).Count(l => l.StartsWith("npm ci", StringComparison.Ordinal)));
    }

    public void Dispose() => Directory.Delete(tree, recursive: true);

    private void InstalledPackages(params string[] packages) =>
        Stub("dpkg-query", string.Concat(packages.Select(p => $"echo '{p} install ok installed'\n")));

    private void User(int id) => Stub("id", $"echo {id}");

    private void Stub(string name, string body)
    {
        var path = Path.Combine(tree, "stubs", name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private (int Exit, string Output) Run()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(tree, "eng", "test-prerequisites.sh"));
        start.Environment["PATH"] = $"{Path.Combine(tree, "stubs")}:/usr/bin:/bin";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}

using System.Text;

namespace TechTies.Tests.Loading;

/// <summary>Loads YAML text in tests and turns the outcome into short comparable lines.</summary>
internal static class Yaml
{
    public const string File = "test.yaml";

    public static TechTiesGraph Load(string yaml, LoadOptions? options = null) => TechTiesGraph.Parse(yaml, File, options);

    public static TechTiesGraph Load(byte[] bytes, LoadOptions? options = null) => TechTiesGraph.Load(new MemoryStream(bytes), File, options);

    /// <summary>The errors (not the warnings) of a load that must fail.</summary>
    public static IReadOnlyList<Diagnostic> Errors(string yaml, LoadOptions? options = null) =>
        [.. Assert.Throws<GraphLoadException>(() => Load(yaml, options)).Errors];

    /// <summary>The errors of a load of bytes that must fail.</summary>
    public static IReadOnlyList<Diagnostic> Errors(byte[] bytes) =>
        [.. Assert.Throws<GraphLoadException>(() => Load(bytes)).Errors];

    /// <summary>Each diagnostic as <c>file:line:col CODE</c>.</summary>
    public static string[] Positions(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.File}:{d.Line}:{d.Column} {d.Code}")];

    /// <summary>The one error of a load that must fail with exactly one problem.</summary>
    public static Diagnostic SingleError(string yaml, LoadOptions? options = null) => Single(Errors(yaml, options));

    public static Diagnostic SingleError(byte[] bytes) => Single(Errors(bytes));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics)
    {
        Assert.True(diagnostics.Count == 1, "expected one error, got: " + string.Join(Environment.NewLine, diagnostics));
        return diagnostics[0];
    }
}

/// <summary>A temporary folder of files that is deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("techties-tests-").FullName;
    }

    public string Path { get; }

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test result is what matters.
        }
    }
}

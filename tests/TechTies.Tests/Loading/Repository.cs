namespace TechTies.Tests.Loading;

/// <summary>Files of this repository, found from the test assembly's folder (no machine paths).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The YAML files of the built-in graph, in ordinal path order, with repository-relative names.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> BuiltInGraphFiles() =>
        [.. Directory.EnumerateFiles(PathOf("graphs"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Root, f).Replace('\\', '/'), File.ReadAllBytes(f)))];

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TechTies.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder with TechTies.sln above {AppContext.BaseDirectory}.");
    }
}

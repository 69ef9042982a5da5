using TechTies.Loading;

namespace TechTies;

/// <summary>
/// Finds the files a load names: files as given, folders recursively, in ordinal path order. A file named twice (the
/// same file after resolving the path and its symbolic links, such as through its folder and directly) is read once,
/// under the name it was first given.
/// </summary>
internal static class GraphFiles
{
    /// <summary>A lower <see cref="MaxFileBytes"/> for the tests that set it, in their own flow only.</summary>
    internal static readonly AsyncLocal<long?> MaxFileBytesForTests = new();

    /// <summary>The largest graph file that is read (whole, into memory): 1 GiB.</summary>
    internal static long MaxFileBytes => MaxFileBytesForTests.Value ?? DefaultMaxFileBytes;

    /// <summary>The default of <see cref="MaxFileBytes"/>.</summary>
    internal const long DefaultMaxFileBytes = 1L << 30;

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// The bytes of one graph file, read whole: refused when it is not a regular file (a device such as /dev/zero or
    /// a FIFO never ends) or is larger than <see cref="MaxFileBytes"/>, with an error naming the file and the limit.
    /// </summary>
    /// <exception cref="IOException">The file is not a regular file, or too large.</exception>
    public static byte[] ReadWhole(string file)
    {
        if (OutputFile.IsSpecialFile(file))
        {
            throw new IOException($"'{file}' is not a regular file (a device, FIFO or socket), so it is not read: a graph file is read whole, and such a file may never end.");
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (stream.Length > MaxFileBytes)
        {
            throw new IOException(TooLarge(file, stream.Length));
        }

        return ReadCapped(stream, file);
    }

    /// <summary>A stream read to its end, refused once it passes <see cref="MaxFileBytes"/>.</summary>
    /// <exception cref="IOException">The stream is longer than <see cref="MaxFileBytes"/>.</exception>
    public static byte[] ReadCapped(Stream stream, string name)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw new IOException(TooLarge(name, null));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string TooLarge(string file, long? length) =>
        $"'{file}' is {(length is { } l ? $"{l.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes" : "longer than that")}: a graph file may have at most {MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes; split it into several files in one folder.";

    public static IEnumerable<GraphFile> Enumerate(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            ArgumentNullException.ThrowIfNull(path);
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = new List<string>();
                Collect(path, new HashSet<string>(StringComparer.Ordinal), found);
                if (found.Count == 0)
                {
                    // A mistyped or wrong folder would otherwise load as a valid, empty graph.
                    throw new FileNotFoundException($"The folder '{path}' holds no graph files: no .yaml, .yml or .json file in it or its subfolders.", path);
                }

                found.Sort(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                throw new FileNotFoundException($"No file or folder '{path}' to load.", path);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        files.RemoveAll(file => !seen.Add(SameFileKey(file)));

        // Read everything before parsing, so an I/O failure never leaves a half-read graph behind. A symbolic link
        // named like a graph file is a file the user means to load: when it leads nowhere, the error names the link
        // and its target (every such link, not the first), where the read would say only "could not find" the link.
        var read = new List<GraphFile>(files.Count);
        var broken = new List<(string Link, string Problem)>();
        foreach (var file in files)
        {
            try
            {
                read.Add(new GraphFile(file, ReadWhole(file)));
            }
            catch (IOException) when (BrokenLink(file) is { } problem)
            {
                broken.Add((file, problem));
            }
        }

        if (broken.Count > 0)
        {
            var advice = broken.Count == 1 ? "fix the link, or remove it" : "fix these links, or remove them";
            throw new FileNotFoundException($"{string.Join("; ", broken.Select(b => b.Problem))} ({advice}).", broken[0].Link);
        }

        return read;
    }

    // What is wrong with a symbolic link that leads to no file, or null when the path is not a symbolic link.
    private static string? BrokenLink(string path)
    {
        var link = new FileInfo(path);
        if (link.LinkTarget is null)
        {
            return null;
        }

        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is { Exists: false } target
                ? $"'{path}' is a symbolic link to '{target.FullName}', which does not exist"
                : null;
        }
        catch (IOException)
        {
            return $"'{path}' is a symbolic link that never reaches a file: the links it leads through form a cycle";
        }
    }

    // The real path of a file, which is the same however it was named; a link that leads nowhere keeps its own path.
    private static string SameFileKey(string file)
    {
        try
        {
            return RealPath(file);
        }
        catch (IOException)
        {
            return Path.GetFullPath(file);
        }
    }

    // Follows symbolic links to folders, but never into a folder already visited, so link cycles end.
    private static void Collect(string folder, HashSet<string> visited, List<string> found)
    {
        if (!visited.Add(RealPath(folder)))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                found.Add(file);
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            Collect(sub, visited, found);
        }
    }

    // The path with every symbolic link along it resolved: a folder reached through a link to one of its
    // ancestors (such as a link to "..") has the same real path however deep the link path is.
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (Directory.ResolveLinkTarget(current, returnFinalTarget: true) is { } target)
            {
                current = RealPath(target.FullName);
            }
        }

        return current.TrimEnd(Path.DirectorySeparatorChar);
    }
}

/// <summary>The graphs embedded in the package from the repository's <c>graphs/</c> folder.</summary>
internal static class BuiltInGraph
{
    private const string Prefix = "TechTies.graphs/";

    // Set while this thread reads the built-in files, so that their own diagnostics do not look the built-in graph up.
    [ThreadStatic]
    private static bool loading;

    public static TechTiesGraph Load(LoadOptions options)
    {
        var outer = loading;
        loading = true;
        try
        {
            return new TechTiesGraph(GraphReader.ReadWithSources(Files(), options, Find));
        }
        finally
        {
            loading = outer;
        }
    }

    /// <summary>The built-in graph's entity with id <paramref name="id"/>, for the hint of a load that refers to it without the built-in graph; <see langword="null"/> when there is none, or while the built-in graph itself is read.</summary>
    public static Entity? Find(string id)
    {
        if (loading)
        {
            return null;
        }

        try
        {
            return TechTiesGraph.LoadBuiltIn().TryGet(id, out var entity) ? entity : null;
        }
        catch (GraphLoadException)
        {
            return null;
        }
    }

    /// <summary>The embedded files, named <c>graphs/…</c>, in ordinal order.</summary>
    public static List<GraphFile> Files()
    {
        var assembly = typeof(BuiltInGraph).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return new GraphFile("graphs/" + n[Prefix.Length..], buffer.ToArray());
            })
            .ToList();
    }

    /// <summary>The files to load: the built-in ones first when the options ask for them, then the given ones.</summary>
    public static List<GraphFile> With(LoadOptions options, IEnumerable<GraphFile> files) =>
        options.IncludeBuiltIn ? [.. Files(), .. files] : [.. files];
}

using BenchmarkDotNet.Attributes;

namespace TechTies.Benchmarks;

/// <summary>
/// The network picture of a 200-entity neighbourhood of a generated graph (about 10,000 ties): the entities nearest
/// an agency with at least 200 within two steps, and the ties among them, laid out and written as SVG and as a story page.
/// </summary>
[MemoryDiagnoser]
public class PictureBenchmarks
{
    private string file = string.Empty;
    private NetworkPicture picture = null!;

    /// <summary>How many entities the picture has.</summary>
    public const int Entities = 200;

    /// <summary>Writes and loads the graph, and picks the neighbourhood.</summary>
    [GlobalSetup]
    public void Setup()
    {
        file = Path.Combine(Path.GetTempPath(), $"techties-bench-picture-{Environment.ProcessId}.yaml");
        using (var writer = new StreamWriter(file))
        {
            GraphGenerator.Write(writer, 10_000, seed: 42);
        }

        var graph = TechTiesGraph.Load(file);
        picture = Neighbourhood(graph, Entities);
        if (picture.Entities.Length != Entities)
        {
            throw new InvalidOperationException($"The picture has {picture.Entities.Length} entities, not {Entities}.");
        }
    }

    /// <summary>
    /// The <paramref name="count"/> entities nearest the first agency (in id order) that has at least that many within
    /// two steps, and every tie among them.
    /// </summary>
    public static NetworkPicture Neighbourhood(TechTiesGraph graph, int count)
    {
        var center = graph.Entities.Where(e => e.Kind == Kind.Agency).OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => graph.Neighbors(e.Id, 2)).First(n => n.Count >= count);
        var members = center.Entities.Take(count).ToHashSet();
        var ties = center.Ties.Where(t => members.Contains(t.From) && members.Contains(t.To));
        return NetworkPicture.Of(graph, $"{center.Center.Name} and the {count - 1} entities nearest it", ties, members);
    }

    /// <summary>Deletes the temporary graph file.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(file);

    /// <summary>Layout and SVG.</summary>
    /// <returns>The SVG.</returns>
    [Benchmark]
    public string Svg() => picture.ToSvg();

    /// <summary>Layout, SVG and the story page around it.</summary>
    /// <returns>The HTML.</returns>
    [Benchmark]
    public string StoryPage() => picture.ToStoryPage();
}

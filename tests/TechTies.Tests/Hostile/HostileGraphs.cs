using System.Text;

namespace TechTies.Tests.Hostile;

/// <summary>Small hostile inputs the tests in this folder share.</summary>
internal static class HostileGraphs
{
    /// <summary>
    /// Layers of companies, each hosted on every company of the next layer: 5 companies in each of 11 layers make a
    /// 3.6 KB file with about ten million shortest paths from <c>s</c> (the first company) to <c>t</c> (in the last layer).
    /// </summary>
    public static string Layers(int layers = 11, int width = 5, bool cited = false)
    {
        var yaml = new StringBuilder("techties: 1\n");
        if (cited)
        {
            yaml.Append("sources:\n  src: { title: Source, kind: news }\n");
        }

        yaml.Append("companies:\n");
        for (var l = 0; l < layers; l++)
        {
            for (var i = 0; i < width; i++)
            {
                yaml.Append("  ").Append(Id(l, i)).Append(":\n    name: C ").Append(l).Append(' ').Append(i).Append('\n');
                if (l < layers - 1)
                {
                    yaml.Append("    hosts_on: [").Append(string.Join(", ", Enumerable.Range(0, width).Select(j => cited ? $"{{ to: {Id(l + 1, j)}, sources: [src] }}" : Id(l + 1, j)))).Append("]\n");
                }
            }
        }

        return yaml.ToString();

        string Id(int layer, int i) => (layer, i) switch
        {
            (0, 0) => "s",
            _ when layer == layers - 1 && i == 0 => "t",
            _ => $"c{layer}-{i}",
        };
    }

    /// <summary>Loads a graph from YAML text, named <c>hostile.yaml</c>.</summary>
    public static TechTiesGraph Load(string yaml) =>
        TechTiesGraph.Load(new MemoryStream(Encoding.UTF8.GetBytes(yaml)), "hostile.yaml", new LoadOptions { Strict = false });

    /// <summary>A file with <paramref name="text"/> in a new temporary folder (deleted by the caller's Dispose).</summary>
    public static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

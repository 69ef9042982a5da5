using System.Text;
using FsCheck.Xunit;
using TechTies.Benchmarks;
using TechTies.Loading;

namespace TechTies.Tests.Loading;

/// <summary>
/// The loader builds each entity as the YAML reader reads it, when it can, instead of reading whole files first:
/// whatever the input, the outcome (the graph with every field, place and warning, or the same errors) must be the one
/// reading whole files gives.
/// </summary>
public class BuildWhileReadingTests
{
    [Property(Arbitrary = [typeof(GraphGenerators)], MaxTest = 300)]
    public void A_corrupted_random_graph_gives_the_same_outcome_either_way(RandomGraph random, Corruption corruption)
    {
        var files = new[] { new GraphFile("random.yaml", corruption.Apply(Encoding.UTF8.GetBytes(random.Yaml))) };

        Assert.Equal(Outcome(files, buildWhileReading: false), Outcome(files, buildWhileReading: true));
    }

    [Property(Arbitrary = [typeof(GraphGenerators)], MaxTest = 60)]
    public void A_corrupted_built_in_graph_file_gives_the_same_outcome_either_way(Corruption corruption, FsCheck.NonNegativeInt which)
    {
        var files = Repository.BuiltInGraphFiles().Select(f => new GraphFile(f.Name, f.Bytes)).ToList();
        var victim = which.Get % files.Count;
        files[victim] = files[victim] with { Bytes = corruption.Apply(files[victim].Bytes) };

        Assert.Equal(Outcome(files, buildWhileReading: false), Outcome(files, buildWhileReading: true));
    }

    [Fact]
    public void The_built_in_graph_and_a_generated_graph_are_the_same_either_way()
    {
        var builtIn = Repository.BuiltInGraphFiles().Select(f => new GraphFile(f.Name, f.Bytes)).ToList();
        Assert.Equal(Outcome(builtIn, buildWhileReading: false), Outcome(builtIn, buildWhileReading: true));

        var writer = new StringWriter();
        GraphGenerator.Write(writer, 3_000, 3);
        var generated = new[] { new GraphFile("generated.yaml", Encoding.UTF8.GetBytes(writer.ToString())) };
        var outcome = Outcome(generated, buildWhileReading: true);
        Assert.StartsWith("graph", outcome, StringComparison.Ordinal);
        Assert.Equal(Outcome(generated, buildWhileReading: false), outcome);
    }

    [Fact]
    public void Entities_read_before_the_fast_reader_gives_up_are_read_again_once_and_reported_once()
    {
        // The block scalar (|) is outside the fast reader's subset: it gives up there, after the companies section
        // went to the loader entity by entity, and YamlDotNet reads the whole file again.
        var yaml = """
            techties: 1
            sources:
              s: { title: "S", kind: news }
            companies:
              a: { name: A, nme: typo, hosts_on: { to: b, sources: [s] } }
              b: { name: B }
              c:
                name: C
                description: |
                  Two
                  lines.
            """;
        var files = new[] { new GraphFile("giveup.yaml", Encoding.UTF8.GetBytes(yaml)) };

        var error = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Read(files, LoadOptions.Default));
        var only = Assert.Single(error.Diagnostics);
        Assert.Equal("giveup.yaml:5:17: error TT0021: 'nme' is not a field of a company (did you mean 'name'?)", only.ToString());

        var fixedFiles = new[] { new GraphFile("giveup.yaml", Encoding.UTF8.GetBytes(yaml.Replace("nme: typo, ", string.Empty, StringComparison.Ordinal))) };
        var graph = TechTiesGraph.Read(fixedFiles, LoadOptions.Default);
        Assert.Equal(["a", "b", "c", "s"], graph.Entities.Select(e => e.Id));
        Assert.Equal("a/hosts_on/b", Assert.Single(graph.Ties).Id);
        Assert.Equal("Two\nlines.", graph["c"].Description);
        Assert.Equal(Outcome(fixedFiles, buildWhileReading: false), Outcome(fixedFiles, buildWhileReading: true));
    }

    [Fact]
    public void A_file_that_declares_relationship_types_is_read_whole_so_earlier_entities_may_use_them()
    {
        var graph = TechTiesGraph.Parse("""
            techties: 1
            sources:
              s: { title: "S", kind: news }
            companies:
              a: { name: A, lobbies: { to: b, sources: [s] } }
              b: { name: B }
            relationship_types:
              lobbies: { from: [company], to: [company, agency], label: lobbies, inverse: lobbied by }
            """, "declared.yaml");

        Assert.Equal("a/lobbies/b", Assert.Single(graph.Ties).Id);
    }

    [Fact]
    public void Parallel_ties_are_numbered_the_same_when_the_entity_making_one_comes_before_the_ties_section()
    {
        var graph = TechTiesGraph.Parse("""
            techties: 1
            sources:
              s: { title: "S", kind: news }
            companies:
              a: { name: A, hosts_on: { to: b, since: 2010, sources: [s] } }
              b: { name: B }
            ties:
              - { from: a, type: hosts_on, to: b, since: 2012, sources: [s] }
            """, "order.yaml");

        // The ties section's tie is the first of the two, as when files are read whole (see TieOrder).
        Assert.Equal(["a/hosts_on/b", "a/hosts_on/b#2"], graph.Ties.Select(t => t.Id));
        Assert.Equal(PartialDate.Parse("2012"), graph.Ties[0].Since);
        Assert.Equal(PartialDate.Parse("2010"), graph.Ties[1].Since);
    }

    [Fact]
    public void The_fast_reader_hands_over_the_entries_of_the_sections_asked_for_and_keeps_the_rest()
    {
        var stream = new CollectingStream("companies");
        var root = Assert.IsType<YMap>(SimpleYamlReader.TryRead("""
            techties: 1
            companies:
              a: { name: A }
              b:
                name: B
            sources:
              s: { title: S }
            """, stream));

        Assert.Equal(["companies a 3:3", "companies b 4:3"], stream.Taken);
        Assert.Empty(Assert.IsType<YMap>(root.ValueOf("companies")).Entries);
        Assert.Single(Assert.IsType<YMap>(root.ValueOf("sources")).Entries);
    }

    private sealed class CollectingStream(string section) : ISectionStream
    {
        public List<string> Taken { get; } = [];

        public bool Streams(YMap root, YScalar key) => key.Value == section;

        public void Entry(YScalar key, YScalar entry, YNode value) => Taken.Add($"{key.Value} {entry.Value} {entry.Line}:{entry.Column}");
    }

    // Everything a load gives that a reader can see: the graph as JSON, every entity's and tie's place, the warnings;
    // or every diagnostic with its suggestion.
    private static string Outcome(IReadOnlyList<GraphFile> files, bool buildWhileReading)
    {
        try
        {
            var graph = TechTiesGraph.Read(files, LoadOptions.Default, buildWhileReading);
            var text = new StringBuilder("graph\n");
            using (var json = new MemoryStream())
            {
                graph.Export(ExportFormat.Json, json);
                text.Append(Encoding.UTF8.GetString(json.ToArray()));
            }

            foreach (var entity in graph.Entities)
            {
                text.Append(entity.Id).Append(' ').Append(entity.Location).Append('\n');
            }

            foreach (var tie in graph.Ties)
            {
                text.Append(tie.Id).Append(' ').Append(tie.Location).Append(' ').Append(tie.Contract?.Id).Append('\n');
            }

            foreach (var warning in graph.Warnings)
            {
                text.Append(warning).Append(" | ").Append(warning.Suggestion).Append('\n');
            }

            return text.ToString();
        }
        catch (GraphLoadException e)
        {
            return "errors\n" + string.Join("\n", e.Diagnostics.Select(d => $"{d} | {d.Suggestion}"));
        }
    }
}

using System.Text;
using FsCheck.Xunit;
using TechTies.Benchmarks;
using TechTies.Loading;

namespace TechTies.Tests.Loading;

/// <summary>
/// The fast reader of the plain YAML subset against YamlDotNet's path: whenever it gives a tree, that tree (values,
/// styles, lines and columns) is the one YamlDotNet's path gives, and YamlDotNet reports no problem with the file.
/// </summary>
public class SimpleYamlReaderTests
{
    private static readonly string[] Keys = ["name", "sources", "a", "b", "to", "k-1", "x y", "1", "é", "\"q\"", "\"a b\"", "~", "key "];

    private static readonly string[] TrickyKeys = ["a:b", "-x", "#c", "&a", "*a", "!t", "!!str k", "?q", "[k]", "<<", "'s'", "a\tb", "\"a: b\""];

    private static readonly string[] Words =
    [
        "plain", "two words", "2018-07-31", "USD 39 million", "https://x.org/a?b=c", "a,b", "a:b", "~", "null", "é ü", "Ünïcode ☃",
        "a  b", "0x1F", "—", "$39M", "(a)", "_u", ".5", "/p", "+1", "a ", "x, y", "\"x\"", "\"a, b\"", "\"a: b\"", "\"# c\"", "\"\"", "\"é\"",
    ];

    private static readonly string[] TrickyWords =
    [
        "a: b", "a #b", "a#b", "-5", "- x", "x'y", "[x]", "{x}", "&x", "*x", "!x", "|", ">", "%x", "@x", "`x", "?x", "a:", "a\tb", "a\\b",
        "'x'", "!!int 5", "! x", "!t x", "!<tag:x.org,2024:t> x", "!!str", "a]", "a}", "\"unclosed", "a\u2028b", "a\rb", "\"a\\\"b\"", "a\u0085b", "\uFEFFa", "a\u0001", "a\uD83D\uDE00b", "a\uFFFEb", "\u007F",
    ];

    private const string Inserted = "-:#[]{},\"' \n\t&é";

    [Property(MaxTest = 2000)]
    public void A_tree_from_the_simple_reader_is_the_tree_YamlDotNet_gives(int seed) =>
        AssertSameTreeWhenRead(RandomDocument(new Random(seed)));

    [Property(Arbitrary = [typeof(GraphGenerators)], MaxTest = 300)]
    public void A_tree_from_the_simple_reader_of_a_corrupted_built_in_file_is_the_tree_YamlDotNet_gives(Corruption corruption, FsCheck.NonNegativeInt which)
    {
        var files = Repository.BuiltInGraphFiles();
        var bytes = corruption.Apply(files[which.Get % files.Count].Bytes);
        var text = Encoding.UTF8.GetString(bytes);

        AssertSameTreeWhenRead(text);
    }

    [Fact]
    public void The_simple_reader_reads_the_built_in_files_as_YamlDotNet_does()
    {
        foreach (var (_, bytes) in Repository.BuiltInGraphFiles())
        {
            AssertSameTreeWhenRead(Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public void The_simple_reader_reads_the_generated_benchmark_graphs_as_YamlDotNet_does()
    {
        var texts = new List<string>();
        foreach (var (edges, seed) in new[] { (1_000, 1), (3_000, 7) })
        {
            using var writer = new StringWriter();
            GraphGenerator.Write(writer, edges, seed);
            texts.Add(writer.ToString());
        }

        foreach (var text in texts)
        {
            Assert.NotNull(SimpleYamlReader.TryRead(text));
            AssertSameTreeWhenRead(text);
        }
    }

    [Fact]
    public void The_random_documents_exercise_both_the_simple_reader_and_the_fallback()
    {
        var read = Enumerable.Range(0, 1000).Count(seed => SimpleYamlReader.TryRead(RandomDocument(new Random(seed))) is not null);

        Assert.InRange(read, 200, 800);
    }

    [Theory]
    [InlineData("techties: 1\na: [x, y]\nb: { c: d }\n")]
    [InlineData("a:\n  - x\n  - \"y\"\n")]
    [InlineData("# comment\na:\n    b: 1\n\n  # indented comment\nc: https://x.org/a\n")]
    public void The_simple_reader_reads_plain_block_and_flow_yaml(string text)
    {
        Assert.NotNull(SimpleYamlReader.TryRead(text));
        AssertSameTreeWhenRead(text);
    }

    [Theory]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: x # comment\n")]
    [InlineData("a: &anchor x\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: plain\n  continued\n")]
    [InlineData("a:\n- x\n")]
    [InlineData("a:\n")]
    [InlineData("--- \na: 1\n")]
    [InlineData("a: \"x\\ty\"\n")]
    [InlineData("a: [x,\n  y]\n")]
    [InlineData("- a\n")]
    public void The_simple_reader_leaves_everything_else_to_YamlDotNet(string text) =>
        Assert.Null(SimpleYamlReader.TryRead(text));

    [Theory]
    [InlineData("a: !!int 5\n", "1:4")]
    [InlineData("a: { b: !x c }\n", "1:9")]
    [InlineData("a: [x, !!str y]\n", "1:8")]
    [InlineData("a:\n  - !t x\n", "2:5")]
    [InlineData("a: !m\n  b: c\n", "1:4")]
    [InlineData("!k a: b\n", "1:1")]
    [InlineData("a: \"x\"\nb: ! y\n", "2:4")]
    public void A_tag_sends_the_file_to_YamlDotNet_which_reports_it(string text, string position)
    {
        Assert.Null(SimpleYamlReader.TryRead(text));

        var diagnostics = new DiagnosticBag();
        YamlTreeReader.Read(Encoding.UTF8.GetBytes(text), "test.yaml", diagnostics);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal($"{position} {DiagnosticCodes.TagsNotAllowed}", $"{error.Line}:{error.Column} {error.Code}");
    }

    private static void AssertSameTreeWhenRead(string text)
    {
        var fast = SimpleYamlReader.TryRead(text);
        if (fast is null)
        {
            return;
        }

        var diagnostics = new DiagnosticBag();
        var slow = YamlTreeReader.ReadWithYamlDotNet(text, "test.yaml", diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(Dump(slow), Dump(fast));
    }

    private static string Dump(YNode? node)
    {
        var text = new StringBuilder();
        Write(node);
        return text.ToString();

        void Write(YNode? n)
        {
            switch (n)
            {
                case null:
                    text.Append("null");
                    break;
                case YScalar s:
                    text.Append($"{s.Line}:{s.Column} {(s.IsPlain ? "plain" : "quoted")} [{s.Value}]\n");
                    break;
                case YMap m:
                    text.Append($"{m.Line}:{m.Column} {{\n");
                    foreach (var (key, value) in m.Entries)
                    {
                        Write(key);
                        Write(value);
                    }

                    text.Append("}\n");
                    break;
                case YSeq q:
                    text.Append($"{q.Line}:{q.Column} [\n");
                    q.Items.ForEach(Write);
                    text.Append("]\n");
                    break;
            }
        }
    }

    // A document mostly in the subset, in varied layouts, and now and then a character inserted, removed or a line repeated.
    private static string RandomDocument(Random random)
    {
        var text = new StringBuilder();
        var tricky = new[] { 0.0, 0.02, 0.2 }[random.Next(3)];
        Mapping(0, 0);
        var document = text.ToString();
        return random.Next(4) switch
        {
            0 when document.Length > 0 && tricky > 0 => document.Insert(random.Next(document.Length), Inserted[random.Next(Inserted.Length)].ToString()),
            1 when document.Length > 0 && tricky > 0 => document.Remove(random.Next(document.Length), 1),
            _ => document,
        };

        void Mapping(int indent, int depth)
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                Extras(indent);
                text.Append(' ', indent).Append(Pick(Keys, TrickyKeys)).Append(random.Next(6) == 0 ? " :" : ":");
                Value(indent, depth);
            }
        }

        void Sequence(int indent, int depth)
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                Extras(indent);
                text.Append(' ', indent).Append('-');
                Value(indent, depth);
            }
        }

        void Value(int indent, int depth)
        {
            var kind = depth >= 4 ? random.Next(3) : random.Next(6);
            switch (kind)
            {
                case 0:
                    text.Append(' ', random.Next(1, 3)).Append(Pick(Words, TrickyWords));
                    break;
                case 1:
                    text.Append(' ').Append(Flow(depth));
                    break;
                case 2:
                    text.Append(random.Next(8) == 0 ? string.Empty : " ").Append(Pick(Words, TrickyWords));
                    break;
                case 3:
                    text.Append('\n');
                    Sequence(indent + random.Next(0, 4), depth + 1);
                    return;
                default:
                    text.Append('\n');
                    Mapping(indent + random.Next(1, 5), depth + 1);
                    return;
            }

            text.Append(random.Next(5) == 0 ? "  " : string.Empty).Append('\n');
        }

        string Flow(int depth)
        {
            var items = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(5) == 0 && depth < 6 ? Flow(depth + 1) : Pick(Words, TrickyWords));
            var separator = random.Next(4) == 0 ? "," : ", ";
            return random.Next(2) == 0
                ? "[" + string.Join(separator, items) + "]"
                : "{ " + string.Join(separator, items.Select(v => Pick(Keys, TrickyKeys) + ": " + v)) + " }";
        }

        void Extras(int indent)
        {
            switch (random.Next(12))
            {
                case 0:
                    text.Append('\n');
                    break;
                case 1:
                    text.Append(' ', random.Next(0, indent + 2)).Append("# note\n");
                    break;
            }
        }

        string Pick(string[] usual, string[] rare)
        {
            var from = random.NextDouble() < tricky ? rare : usual;
            return from[random.Next(from.Length)];
        }
    }
}

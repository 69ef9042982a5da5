using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TechTies.Loading;

namespace TechTies.Tests.Loading;

/// <summary>Random graphs, valid by construction, and random corruptions of valid files.</summary>
public class RandomGraphTests
{
    [Property(Arbitrary = [typeof(GraphGenerators)], MaxTest = 150)]
    public void A_random_valid_graph_loads_and_every_tie_resolves_to_its_entities(RandomGraph random)
    {
        var graph = TechTiesGraph.Parse(random.Yaml, "random.yaml");

        // The generator may write one tie twice with the same facts, which loads with a warning (TT0062), and only that.
        Assert.All(graph.Warnings, w => Assert.Equal(DiagnosticCodes.RepeatedTie, w.Code));
        Assert.Equal(random.EntityIds.Order(StringComparer.Ordinal), graph.Entities.Select(e => e.Id));
        Assert.Equal(random.ExpectedTies.Order(StringComparer.Ordinal), graph.Ties.Select(t => $"{t.From.Id} {t.Type.Name} {t.To.Id}").Order(StringComparer.Ordinal));
        Assert.Equal(graph.Ties.Length, graph.Ties.Select(t => t.Id).Distinct().Count());
        foreach (var tie in graph.Ties)
        {
            Assert.Same(graph[tie.From.Id], tie.From);
            Assert.Same(graph[tie.To.Id], tie.To);
            Assert.True(tie.Type.Allows(tie.From.Kind, tie.To.Kind), tie.Id);
            Assert.Contains(tie, graph.TiesFrom(tie.From));
            Assert.Contains(tie, graph.TiesTo(tie.To));
            Assert.All(tie.Citations, c => Assert.IsType<Source>(graph[c.Source]));
            Assert.True(tie.Since is not { } since || tie.Until is not { } until || since.Start <= until.End, tie.Id);
        }
    }

    [Property(Arbitrary = [typeof(GraphGenerators)], MaxTest = 300)]
    public void A_corrupted_random_graph_loads_or_fails_with_diagnostics_never_another_exception(RandomGraph random, Corruption corruption)
    {
        var bytes = corruption.Apply(Encoding.UTF8.GetBytes(random.Yaml));

        AssertLoadsOrFailsWithDiagnostics([new GraphFile("random.yaml", bytes)]);
    }

    [Property(Arbitrary = [typeof(GraphGenerators)], MaxTest = 100)]
    public void A_corrupted_built_in_graph_file_loads_or_fails_with_diagnostics_never_another_exception(Corruption corruption, NonNegativeInt which)
    {
        var files = Repository.BuiltInGraphFiles().Select(f => new GraphFile(f.Name, f.Bytes)).ToList();
        var victim = which.Get % files.Count;
        files[victim] = files[victim] with { Bytes = corruption.Apply(files[victim].Bytes) };

        AssertLoadsOrFailsWithDiagnostics(files);
    }

    private static void AssertLoadsOrFailsWithDiagnostics(IReadOnlyList<GraphFile> files)
    {
        try
        {
            var graph = TechTiesGraph.Read(files, LoadOptions.Default);
            Assert.All(graph.Ties, t => Assert.Same(graph[t.From.Id], t.From));
        }
        catch (GraphLoadException e)
        {
            Assert.NotEmpty(e.Errors);
            var names = files.Select(f => f.Name).ToHashSet();
            Assert.All(e.Diagnostics, d =>
            {
                Assert.Contains(d.File, names);
                Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString());
                Assert.Matches("^TT00[0-6][0-9]$", d.Code);
                Assert.False(string.IsNullOrWhiteSpace(d.Message), d.ToString());
                Assert.DoesNotContain("   at ", d.Message);
            });
            var sorted = e.Diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column);
            Assert.Equal(sorted, e.Diagnostics);
        }
    }
}

/// <summary>A generated graph file and what loading it must give.</summary>
public sealed record RandomGraph(string Yaml, IReadOnlyList<string> EntityIds, IReadOnlyList<string> ExpectedTies)
{
    public override string ToString() => Yaml;
}

/// <summary>One way of damaging a file: what to do, where (a fraction of the length) and with which bytes.</summary>
public sealed record Corruption(string What, double Where, double Other, byte[] Bytes)
{
    public byte[] Apply(byte[] input)
    {
        var list = input.ToList();
        var at = Math.Min((int)(Where * list.Count), Math.Max(list.Count - 1, 0));
        var lines = Encoding.UTF8.GetString(input).Split('\n').ToList();
        var line = Math.Min((int)(Where * lines.Count), lines.Count - 1);
        switch (What)
        {
            case "delete line":
                lines.RemoveAt(line);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case "duplicate line":
                lines.Insert(line, lines[line]);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case "swap lines":
                var other = Math.Min((int)(Other * lines.Count), lines.Count - 1);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case "swap characters" when list.Count > 1:
                var next = Math.Min(at + 1, list.Count - 1);
                (list[at], list[next]) = (list[next], list[at]);
                return [.. list];
            case "insert tab":
                list.Insert(at, (byte)'\t');
                return [.. list];
            case "truncate":
                return [.. list.Take(at)];
            case "insert bytes":
                list.InsertRange(at, Bytes);
                return [.. list];
            case "replace value":
                var withValue = lines.Select((text, index) => (text, index)).Where(x => x.text.Contains(": ", StringComparison.Ordinal)).ToList();
                if (withValue.Count == 0)
                {
                    return input;
                }

                var (target, index) = withValue[Math.Min((int)(Where * withValue.Count), withValue.Count - 1)];
                lines[index] = target[..(target.IndexOf(": ", StringComparison.Ordinal) + 2)] + Encoding.UTF8.GetString(Bytes);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case "replace byte" when list.Count > 0:
                list[at] = Bytes.Length > 0 ? Bytes[0] : (byte)0;
                return [.. list];
            default:
                return input;
        }
    }

    public override string ToString() => $"{What} at {Where:0.###} (other {Other:0.###}) [{Convert.ToHexString(Bytes)}]";
}

public static class GraphGenerators
{
    private static readonly (string Type, char From, char To)[] Templates =
    [
        ("hosts_on", 'c', 'c'), ("hosts_on", 'a', 'c'), ("hosts_on", 'd', 'c'),
        ("ceo_of", 'p', 'c'), ("works_for", 'p', 'a'), ("works_for", 'p', 'g'),
        ("member_of", 'g', 'g'), ("member_of", 'c', 'g'),
        ("made_by", 'd', 'c'), ("uses", 'a', 'd'), ("uses_data_from", 'd', 'a'), ("uses_data_from", 'a', 'a'),
        ("donated_to", 'c', 'g'), ("targets", 'r', 'c'), ("targets", 'r', 'a'), ("organized", 'g', 'r'), ("signed", 'p', 'r'),
        ("part_of", 'a', 'a'), ("subsidiary_of", 'c', 'c'),
    ];

    // Values of every shape, put where the format expects something else.
    private static readonly string[] ValueReplacements =
    [
        "[a, b]", "{ x: 1 }", "", "~", "[]", "{}", "[[]]", "[{}]", "[~]", "\"\"", "[{ value: x }]", "{ value: 2018 }", "{ value: [1] }",
        "[{ value: 2018, preferred: maybe }, { value: 2019 }]", "[{ value: 1, preferred: true }, { value: 2, preferred: true }]",
        "2018-13", "2018-02-30", "$5M", "45-12x", "XYZ 5", "ice", "palantir", "usareally-2018-08-01", "s0", "c0", "a0",
        "[{ to: ice }]", "[{ to: [a] }]", "[{ source: x }]", "[{ source: s0, quote: [q] }]", "{ to: c0 }", "[c0, c0]", "rally", "newz",
        "{ from: [company], to: [agency], label: x, inverse: y }", "{ from: [nothing], to: 5, label: [x] }", "- x", "[{ value: ~ }]",
        "1", "2", "true", "http://", "https://example.org", "{ uei: [x] }", "{ source: ~ }",
    ];

    private static readonly Dictionary<char, (string Section, string Extra)> Kinds = new()
    {
        ['c'] = ("companies", string.Empty),
        ['a'] = ("agencies", string.Empty),
        ['g'] = ("groups", string.Empty),
        ['p'] = ("people", string.Empty),
        ['d'] = ("products", string.Empty),
        ['r'] = ("protests", ", kind: rally, date: 2018-08-01"),
    };

    private static readonly string[] Amounts = ["39000000", "USD 39 million", "$39M", "39.3 million", "$19.4 million", "USD 39340900.82", "$250,000", "EUR 5 billion"];

    private static readonly Gen<TieSpec> TieGen =
        from template in Gen.Choose(0, Templates.Length - 1)
        from start in Gen.Choose(0, 99)
        from end in Gen.Choose(0, 99)
        from asField in Gen.Elements(true, false)
        from since in Gen.OneOf(Gen.Constant<PartialDate?>(null), ModelDates())
        from length in Gen.Choose(0, 3000)
        from amount in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(Amounts).Select(a => (string?)a))
        from status in Gen.Elements("reported", "confirmed", "alleged", "denied", "ended", null)
        from quoted in Gen.Elements(true, false)
        select new TieSpec(template, start, end, asField, since, length, amount, status, quoted);

    private static readonly Gen<RandomGraph> RandomGraphGen =
        from counts in Gen.ArrayOf(Gen.Choose(0, 5), 6)
        from sources in Gen.Choose(1, 3)
        from ties in Gen.ListOf(TieGen)
        from contracts in Gen.ListOf(Gen.Zip(Gen.Choose(0, 99), Gen.Choose(0, 99)))
        select Build(counts, sources, [.. ties], [.. contracts]);

    public static Arbitrary<RandomGraph> Graphs() => RandomGraphGen.ToArbitrary();

    public static Arbitrary<Corruption> Corruptions() =>
        (from what in Gen.Elements("delete line", "duplicate line", "swap lines", "swap characters", "insert tab", "truncate", "insert bytes", "replace byte", "replace value", "replace value")
         from position in Gen.Choose(0, 10_000).Select(x => x / 10_000.0)
         from other in Gen.Choose(0, 10_000).Select(x => x / 10_000.0)
         from bytes in Gen.Frequency(
             (3, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))),
             (2, Gen.Elements(ValueReplacements).Select(Encoding.UTF8.GetBytes)),
             (2, Gen.Elements("&a ", "*a", "[", "{", "}", "]", ": ", "- ", "\"", "'", "? ", "!!str ", "|\n", ">-\n", "---\n", "%YAML 1.2\n", "\r", "\u00e9", "\uFEFF", "#").Select(Encoding.UTF8.GetBytes)))
         select new Corruption(what, position, other, bytes)).ToArbitrary();

    private static Gen<PartialDate?> ModelDates() => Tests.Model.ModelGenerators.NearbyPartialDateGen.Select(d => (PartialDate?)d);

    private static RandomGraph Build(int[] counts, int sourceCount, List<TieSpec> ties, List<(int Vendor, int Agency)> contracts)
    {
        var ids = new Dictionary<char, int>();
        var kindKeys = Kinds.Keys.ToArray();
        for (var i = 0; i < kindKeys.Length; i++)
        {
            ids[kindKeys[i]] = counts[i];
        }

        var fieldTies = new Dictionary<string, List<string>>();
        var tieEntries = new List<string>();
        var expected = new List<string>();
        foreach (var tie in ties)
        {
            var (type, fromKind, toKind) = Templates[tie.Template];
            if (ids[fromKind] == 0 || ids[toKind] == 0)
            {
                continue;
            }

            var from = tie.From % ids[fromKind];
            var to = tie.To % ids[toKind];
            if (fromKind == toKind)
            {
                if (ids[fromKind] < 2)
                {
                    continue;
                }

                if (to == from)
                {
                    to = (from + 1) % ids[toKind];
                }

                // Acyclic types only point from a higher index to a lower one, so they never loop.
                if (type is "part_of" or "subsidiary_of" && to > from)
                {
                    (from, to) = (to, from);
                }
            }

            var fromId = $"{fromKind}{from}";
            var toId = $"{toKind}{to}";
            var details = new StringBuilder();
            if (tie.Since is { } since)
            {
                details.Append($", since: {since}");
                var until = PartialDate.FromDate(since.Start.AddDays(tie.Length));
                details.Append(tie.Quoted ? $", until: \"{until}\"" : $", until: {until}");
            }

            if (tie.Amount is not null)
            {
                details.Append($", amount: \"{tie.Amount}\"");
            }

            if (tie.Status is not null)
            {
                details.Append($", status: {tie.Status}");
            }

            var sources = tie.Quoted ? $"[{{ source: s0, quote: \"says {type}\" }}]" : $"[s{tie.From % sourceCount}]";
            if (tie.AsField)
            {
                var key = $"{fromId}\u0000{type}";
                if (!fieldTies.TryGetValue(key, out var list))
                {
                    fieldTies[key] = list = [];
                }

                list.Add($"{{ to: {toId}{details}, sources: {sources} }}");
            }
            else
            {
                tieEntries.Add($"  - {{ from: {fromId}, type: {type}, to: {toId}{details}, sources: {sources} }}");
            }

            expected.Add($"{fromId} {type} {toId}");
        }

        var yaml = new StringBuilder("techties: 1\n# a generated graph\nsources:\n");
        var entityIds = new List<string>();
        for (var s = 0; s < sourceCount; s++)
        {
            yaml.Append($"  s{s}: {{ title: \"Source {s}: a story\", kind: news, published: 2018-0{s + 1} }}\n");
            entityIds.Add($"s{s}");
        }

        foreach (var (kind, (section, extra)) in Kinds)
        {
            if (ids[kind] == 0)
            {
                continue;
            }

            yaml.Append(section).Append(":\n");
            for (var i = 0; i < ids[kind]; i++)
            {
                var id = $"{kind}{i}";
                entityIds.Add(id);
                yaml.Append($"  {id}:\n    name: \"{section} number {i}\"\n");
                if (extra.Length > 0)
                {
                    foreach (var field in extra.Split(", ", StringSplitOptions.RemoveEmptyEntries))
                    {
                        yaml.Append("    ").Append(field).Append('\n');
                    }
                }

                foreach (var (key, list) in fieldTies.Where(f => f.Key.StartsWith(id + "\u0000", StringComparison.Ordinal)))
                {
                    yaml.Append($"    {key[(id.Length + 1)..]}:\n");
                    foreach (var item in list)
                    {
                        yaml.Append($"      - {item}\n");
                    }
                }
            }
        }

        if (ids['c'] > 0 && ids['a'] > 0 && contracts.Count > 0)
        {
            yaml.Append("contracts:\n");
            for (var k = 0; k < contracts.Count; k++)
            {
                var vendor = $"c{contracts[k].Vendor % ids['c']}";
                var agency = $"a{contracts[k].Agency % ids['a']}";
                entityIds.Add($"k{k}");
                yaml.Append($"  k{k}: {{ title: Contract {k}, vendor: {vendor}, agency: {agency}, amount: USD {k + 1} million, start: 2015, end: 2018-07, sources: [s0] }}\n");
                expected.Add($"k{k} awarded_to {vendor}");
                expected.Add($"k{k} awarded_by {agency}");
                expected.Add($"{vendor} contracts_with {agency}");
            }
        }

        if (tieEntries.Count > 0)
        {
            yaml.Append("ties:\n");
            foreach (var entry in tieEntries)
            {
                yaml.Append(entry).Append('\n');
            }
        }

        return new RandomGraph(yaml.ToString(), entityIds, expected);
    }

    private sealed record TieSpec(int Template, int From, int To, bool AsField, PartialDate? Since, int Length, string? Amount, string? Status, bool Quoted);
}

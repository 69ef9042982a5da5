using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using TechTies.Loading;

namespace TechTies.Tests.Loading;

/// <summary>
/// Every YAML example in docs/format.md does what its fence says: loads, or fails with exactly its code, and
/// prints exactly the output shown after it. The conventions are described at the top of that page.
/// </summary>
public partial class FormatReferenceTests
{
    private static readonly Lazy<IReadOnlyList<Example>> AllExamples = new(() => Example.ReadAll(File.ReadAllLines(Repository.PathOf("docs/format.md"))));

    public static TheoryData<int> ExampleLines() => [.. AllExamples.Value.Select(e => e.Line)];

    [Theory]
    [MemberData(nameof(ExampleLines))]
    public void The_example_at_this_line_of_the_format_reference_behaves_as_its_fence_says(int line)
    {
        var example = AllExamples.Value.Single(e => e.Line == line);
        var options = new LoadOptions { Strict = example.Strict };

        IReadOnlyList<Diagnostic> diagnostics;
        if (example.Error is { } code)
        {
            var exception = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Read(example.Files(), options));
            Assert.Equal([code], exception.Errors.Select(d => d.Code).Distinct());
            diagnostics = exception.Diagnostics;
        }
        else
        {
            var graph = TechTiesGraph.Read(example.Files(), options);
            Assert.Equal(example.Warning is null ? [] : [example.Warning], graph.Warnings.Select(d => d.Code).Distinct());
            diagnostics = graph.Warnings;
        }

        if (example.Output is { } output)
        {
            Assert.Equal(output, string.Join("\n", diagnostics));
        }
    }

    [Fact]
    public void The_format_reference_has_an_example_for_every_diagnostic_code()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);
        var shown = AllExamples.Value.Select(e => e.Error ?? e.Warning).OfType<string>().ToHashSet();

        var missing = codes.Where(c => !IsImportCode(c) && !shown.Contains(c)).ToList();
        Assert.True(missing.Count == 0, "no example for " + string.Join(", ", missing));
    }

    [Fact]
    public void The_import_guide_explains_every_import_diagnostic_code()
    {
        var guide = File.ReadAllText(Repository.PathOf("docs/import.md"));
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).Where(IsImportCode).ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains($"| {code} |", guide, StringComparison.Ordinal));
    }

    // Codes TT0070 and up are about CSV rows and mappings; docs/import.md explains them.
    private static bool IsImportCode(string code) => string.CompareOrdinal(code, "TT0070") >= 0;

    [Fact]
    public void The_format_reference_has_only_yaml_examples_that_the_test_reads()
    {
        var fences = File.ReadAllLines(Repository.PathOf("docs/format.md"))
            .Select((text, index) => (text, line: index + 1))
            .Where(x => x.text.StartsWith("```y", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(AllExamples.Value.Count >= 40, $"only {AllExamples.Value.Count} examples");
        Assert.Equal(fences.Select(f => f.line), AllExamples.Value.Select(e => e.Line));
    }

    [Fact]
    public void The_format_reference_names_every_section_and_every_field_of_every_kind()
    {
        var text = File.ReadAllText(Repository.PathOf("docs/format.md"));
        var sections = FormatV1.Sections;
        var byKind = FormatV1.FieldsByKind;
        var tieFields = FormatV1.TieFields;

        var names = sections.Concat(byKind.Values.SelectMany(f => f)).Concat(tieFields).Distinct();

        var missing = names.Where(n => !text.Contains($"`{n}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not named: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_format_reference_lists_every_built_in_relationship_type_with_its_kinds_and_labels()
    {
        var rows = File.ReadAllLines(Repository.PathOf("docs/format.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();

        foreach (var type in GraphSchema.BuiltIn.RelationshipTypes)
        {
            var expected = $"| `{type.Name}` | {string.Join(", ", type.From.Select(k => k.ToName()))} | {string.Join(", ", type.To.Select(k => k.ToName()))} | {type.Label} | {type.InverseLabel} |";
            Assert.Contains(rows, r => r.StartsWith(expected, StringComparison.Ordinal));
        }
    }

    private sealed partial record Example(int Line, string Text, string? Error, string? Warning, bool Strict, bool Bytes, string? Output)
    {
        public static IReadOnlyList<Example> ReadAll(string[] lines)
        {
            var examples = new List<Example>();
            for (var i = 0; i < lines.Length; i++)
            {
                var fence = Fence().Match(lines[i]);
                if (!fence.Success)
                {
                    continue;
                }

                var start = i;
                var body = new List<string>();
                for (i++; lines[i] != "```"; i++)
                {
                    body.Add(lines[i]);
                }

                var next = i + 1;
                while (next < lines.Length && lines[next].Length == 0)
                {
                    next++;
                }

                string? output = null;
                if (next < lines.Length && lines[next] == "```text {output}")
                {
                    var outputLines = new List<string>();
                    for (next++; lines[next] != "```"; next++)
                    {
                        outputLines.Add(lines[next]);
                    }

                    output = string.Join("\n", outputLines);
                }

                var attributes = fence.Groups["attributes"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string? Value(string name) => attributes.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
                examples.Add(new Example(start + 1, string.Join("\n", body) + "\n", Value("error"), Value("warning"), attributes.Contains("strict"), attributes.Contains("bytes"), output));
            }

            return examples;
        }

        public IReadOnlyList<GraphFile> Files()
        {
            var files = new List<GraphFile>();
            var name = "example.yaml";
            var current = new StringBuilder();
            foreach (var line in Text.Split('\n'))
            {
                var file = FileMarker().Match(line);
                if (file.Success)
                {
                    if (current.Length > 0)
                    {
                        files.Add(new GraphFile(name, Encode(current.ToString())));
                    }

                    name = file.Groups["name"].Value;
                    current.Clear();
                    continue;
                }

                current.Append(line).Append('\n');
            }

            files.Add(new GraphFile(name, Encode(current.ToString().TrimEnd('\n') + "\n")));
            return files;
        }

        private byte[] Encode(string text)
        {
            if (!Bytes)
            {
                return Encoding.UTF8.GetBytes(text);
            }

            var bytes = new List<byte>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
                {
                    bytes.Add(byte.Parse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 3;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                }
            }

            return [.. bytes];
        }

        [GeneratedRegex(@"^```yaml(?: \{(?<attributes>[^}]*)\})?$")]
        private static partial Regex Fence();

        [GeneratedRegex(@"^# file: (?<name>\S+)$")]
        private static partial Regex FileMarker();
    }
}

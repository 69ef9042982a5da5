using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TechTies.Tests.Loading;

namespace TechTies.Tests.Architecture;

/// <summary>
/// The library's one-way flow (shared/STYLE.md: files → Loading → Graph → Querying → Rendering/Export), read from its
/// source: every name in a file of src/TechTies is bound with Roslyn, and a name declared in a folder of a higher
/// layer, or in a sibling folder of the same layer, is a reference against the flow.
/// </summary>
public sealed class FlowTests
{
    /// <summary>
    /// The layers, lowest first; a folder may refer to its own folder and to lower layers. Import is a source that plugs
    /// into Loading (its CSV and mappings are read with Loading's diagnostics and YAML tree, and it hands entities to the
    /// loader through <c>LoadOptions</c>), so it sits above Loading; only Graph (<c>TechTiesGraph.Load</c>) puts the
    /// sources together. Diagrams holds the one Mermaid and one DOT writer and the edge labels that Rendering and Export
    /// share; those two are siblings.
    /// </summary>
    internal static readonly string[][] Layers =
    [
        ["Shared"],
        ["Model"],
        ["Loading"],
        ["Import"],
        ["Graph"],
        ["Querying"],
        ["Diagrams"],
        ["Rendering", "Export"],
    ];

    /// <summary>
    /// References against the flow still to remove, each "file -> folder: type": an import that matches against a
    /// graph (name keys, the graph merged with) and the totals' renderings (their <c>ToString</c> is the text table,
    /// <c>ToPicture</c> an instance method). A new back-reference fails the test; a removed one must leave this list.
    /// </summary>
    internal static readonly ImmutableHashSet<string> Allowed =
    [
        "Import/CsvImport.Source.cs -> Graph: TechTiesGraph",
        "Import/CsvImporter.cs -> Graph: NameKeys",
        "Import/EntityRegistry.cs -> Graph: NameKeys",
        "Import/EntityRegistry.cs -> Graph: TechTiesGraph",
        "Import/ImportTypes.cs -> Graph: TechTiesGraph",
        "Querying/TotalsResults.cs -> Rendering: NetworkPicture",
        "Querying/TotalsResults.cs -> Rendering: TotalsPicture",
        "Querying/TotalsResults.cs -> Rendering: TotalsRenderer",
    ];

    private static readonly Lazy<ImmutableArray<string>> References = new(ReadReferences);

    [Fact]
    public void No_folder_refers_against_the_flow()
    {
        var against = References.Value.Where(r => !Allowed.Contains(r)).ToList();
        Assert.True(against.Count == 0, "References against the flow (files -> Loading -> Graph -> Querying -> Rendering/Export):\n" + string.Join('\n', against));
    }

    [Fact]
    public void Every_allowed_back_reference_still_exists()
    {
        var stale = Allowed.Except(References.Value).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "Allowed back-references that no longer exist (remove them from FlowTests.Allowed):\n" + string.Join('\n', stale));
    }

    [Fact]
    public void Every_folder_of_the_library_has_a_layer()
    {
        var folders = Directory.EnumerateFiles(Repository.PathOf("src/TechTies"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Folder(f)).Where(f => f is not null).Distinct().ToList();
        Assert.DoesNotContain(folders, f => Rank(f!) < 0);
    }

    [Fact]
    public void The_binding_resolves_the_library_so_that_no_reference_is_missed()
    {
        var (compilation, _) = Compile();
        var unbound = compilation.GetDiagnostics().Where(d => d.Id is "CS0246" or "CS0234" or "CS0103").Select(d => d.ToString()).Take(10).ToList();
        Assert.Empty(unbound);
    }

    [Fact]
    public void The_checker_sees_a_reference_against_the_flow()
    {
        // A lower layer that names a higher one: the checker must report it with the file, the folder and the type.
        var (compilation, _) = Compile();
        var tree = CSharpSyntaxTree.ParseText(
            "namespace TechTies; internal static class Probe { internal static string Name(PathSet set) => set.ToString(); }",
            (CSharpParseOptions)compilation.SyntaxTrees[0].Options,
            Path.Combine(Repository.PathOf("src/TechTies"), "Model", "Probe.cs"));
        var found = ReferencesOf(compilation.AddSyntaxTrees(tree), [tree]);
        Assert.Contains("Model/Probe.cs -> Querying: PathSet", found);
    }

    internal static int Rank(string folder) => Array.FindIndex(Layers, l => l.Contains(folder));

    private static ImmutableArray<string> ReadReferences()
    {
        var (compilation, trees) = Compile();
        return ReferencesOf(compilation, trees);
    }

    private static ImmutableArray<string> ReferencesOf(CSharpCompilation compilation, IEnumerable<SyntaxTree> trees)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var from = Folder(tree.FilePath);
            if (from is null)
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax))
                {
                    continue;
                }

                var info = model.GetSymbolInfo(node);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol is null || Declared(symbol) is not { } declared || Folder(declared.File) is not { } to)
                {
                    continue;
                }

                if (to != from && !(Rank(to) >= 0 && Rank(to) < Rank(from)))
                {
                    found.Add($"{Relative(tree.FilePath)} -> {to}: {declared.Type}");
                }
            }
        }

        return [.. found];
    }

    // Where a symbol is declared in source: a member by its own file (partial types may span files), a type by its first.
    private static (string File, string Type)? Declared(ISymbol symbol)
    {
        symbol = symbol is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : symbol.OriginalDefinition;
        if (symbol is INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or ITypeParameterSymbol)
        {
            return null;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        // A partial type declared in several folders (LoadOptions, GraphSchema) belongs to the lowest of them: the
        // parts above only add to it.
        var location = symbol.Locations.Where(l => l.IsInSource)
            .OrderBy(l => Folder(l.SourceTree!.FilePath) is { } f && Rank(f) >= 0 ? Rank(f) : int.MaxValue)
            .FirstOrDefault();
        if (type is null || location is null)
        {
            return null;
        }

        while (type.ContainingType is { } outer)
        {
            type = outer;
        }

        return (location.SourceTree!.FilePath, type.Name);
    }

    private static string Relative(string file) => Path.GetRelativePath(Repository.PathOf("src/TechTies"), file).Replace('\\', '/');

    // The first folder under src/TechTies, or "Shared" for the files linked in from src/Shared; null for build output.
    private static string? Folder(string file)
    {
        var relative = Path.GetRelativePath(Repository.PathOf("src"), file).Replace('\\', '/').Split('/');
        return relative switch
        {
            ["Shared", _] => "Shared",
            ["TechTies", var folder, _, ..] when folder is not ("obj" or "bin") => folder,
            _ => null,
        };
    }

    private static (CSharpCompilation Compilation, ImmutableArray<SyntaxTree> Trees) Compile()
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None, preprocessorSymbols: ["NET", "NET10_0", "NET10_0_OR_GREATER", "NET9_0_OR_GREATER", "NET8_0_OR_GREATER"]);
        var files = Directory.EnumerateFiles(Repository.PathOf("src/TechTies"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repository.PathOf("src/Shared"), "*.cs"))
            .Where(f => Folder(f) is not null)
            .Order(StringComparer.Ordinal);
        var usings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; "
            + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
        ImmutableArray<SyntaxTree> trees = [.. files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))];
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var packages = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is var name && (name.StartsWith("YamlDotNet", StringComparison.Ordinal) || name.StartsWith("QuikGraph", StringComparison.Ordinal)
                || name.StartsWith("CsvHelper", StringComparison.Ordinal) || name.StartsWith("Microsoft.Msagl", StringComparison.Ordinal) || name.StartsWith("AutomaticGraphLayout", StringComparison.Ordinal)));
        var references = platform.Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Concat(packages).Distinct().Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "TechTies.Flow",
            trees.Add(CSharpSyntaxTree.ParseText(usings, options)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return (compilation, trees);
    }
}

using System.CommandLine;

namespace TechTies.Cli;

/// <summary><c>techties export --format &lt;f&gt;</c>: the whole graph, or a query's result, in one of the export formats.</summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions options)
    {
        var format = options.OwnFormat($"The export format: {string.Join(", ", ExportFormatNames.All)} (docs/export.md); required", [.. ExportFormatNames.All]);
        var output = new Option<string>("--out", "-o") { Description = "The file to write (replaced only once it is complete); without it, text formats go to stdout" };
        OutputPaths.RequireName(output);
        var query = new Option<string>("--query") { Description = "Export only what this pattern matches (its paths' entities and ties, with their sources)" };
        var command = new Command("export", $"""
            Write the graph, or the part of it a pattern matches, as json (the canonical format), yaml, graphml, gexf,
            node-link, cytoscape, dot, mermaid, csv or neo4j. csv and neo4j are zip archives of several files and need
            --out; the others are one text document each and go to stdout without --out. A file is written whole or
            not at all (to a temporary file next to it, then moved into place; through a symbolic link, onto the file
            it leads to); a device or FIFO, such as /dev/stdout, is written directly. Here --format names the export
            format; messages on stderr are text.

            Examples:
              techties export --format graphml --out ties.graphml
              techties export --format mermaid --query 'palantir -[hosts_on]-> ? <-[hosts_on]- ?'
              techties export --format csv --out ties.zip
              techties export --format json --data my-graphs/ > graph.json

            {ExitCodes.Quoting}

            {ExitCodes.Help}
            """);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(query);
        command.SetAction(parse =>
        {
            var context = options.Context(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            ExportFormatNames.TryParse(options.FormatOf(parse, format)!, out var exportFormat);
            var path = parse.GetValue(output);
            if (path is null && exportFormat is ExportFormat.Csv or ExportFormat.Neo4j)
            {
                context.WriteError("usage", $"{exportFormat.ToName()} writes a zip archive of several files; name it with --out, such as --out ties{exportFormat.FileExtension()}.");
                return ExitCodes.Usage;
            }

            var graph = context.Load(out var exit);
            if (graph is null)
            {
                return exit;
            }

            return context.Ask(() =>
            {
                var part = graph;
                if (parse.GetValue(query) is { } pattern)
                {
                    var paths = graph.Query(pattern);
                    if (paths.IsEmpty)
                    {
                        context.WriteWarning($"the query matched no paths, so the export has no entities or ties ('techties query' explains why): {paths.Query}");
                    }

                    part = graph.Subgraph(paths.SelectMany(p => p.Nodes), paths.SelectMany(p => p.Steps.SelectMany(s => s.Ties)));
                }

                if (path is null)
                {
                    using var buffer = new MemoryStream();
                    part.Export(exportFormat, buffer);
                    context.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                    context.Out.Flush();
                    return ExitCodes.Success;
                }

                return WriteFile(context, part, exportFormat, Path.GetFullPath(path), parse.GetValue(options.Data) ?? []);
            });
        });
        return command;
    }

    private static int WriteFile(CommandContext context, TechTiesGraph graph, ExportFormat format, string path, string[] inputs)
    {
        var direct = false;
        try
        {
            using var output = OutputFile.For(path);
            direct = output.IsDirect;
            if (!OutputPaths.CheckNotAnInput(context, output, path, inputs))
            {
                return ExitCodes.Usage;
            }

            Interruption.Cancellable(token =>
            {
                graph.Export(format, output.Open(token));
                output.Commit();
                return 0;
            });
        }
        catch (OperationCanceledException)
        {
            context.WriteError("interrupted", direct
                ? $"interrupted: the export to '{path}' is incomplete (a device or FIFO is written in place)"
                : $"interrupted: nothing was written to '{path}'");
            return ExitCodes.Interrupted;
        }
        catch (DirectoryNotFoundException e)
        {
            context.WriteError("not-found", e.Message);
            return ExitCodes.NotFound;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // .NET ends the message with the path (" : '/dev/full'"), which the message names already.
            // A file is written to a temporary file first, so it stays as it was; a device or FIFO is written in place.
            var written = direct
                ? "the export is incomplete: a device or FIFO is written in place, so at most what came before the failure reached it"
                : "nothing was written";
            context.WriteError("io", $"Could not write '{path}': {e.Message.Replace($" : '{path}'", string.Empty, StringComparison.Ordinal).TrimEnd('.')}; {written}.");
            return ExitCodes.NotFound;
        }

        if (!context.Quiet)
        {
            context.Error.WriteLine($"wrote {path}: {format.ToName()}, {graph.Entities.Length} entities, {graph.Ties.Length} ties");
        }

        return ExitCodes.Success;
    }
}

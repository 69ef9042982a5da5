using System.Text.Json;

namespace TechTies.Cli;

/// <summary>How query, path and connect print a <see cref="PathSet"/>: arrows and sentences for people, one documented JSON object for programs.</summary>
internal static class PathOutput
{
    public static int Write(CommandContext context, TechTiesGraph graph, string command, PathSet paths, string? whyEmpty, string? output)
    {
        foreach (var warning in paths.Warnings)
        {
            context.WriteWarning(warning);
        }

        if (context.Picture is not null)
        {
            if (paths.IsEmpty && whyEmpty is not null)
            {
                context.WriteWarning(whyEmpty);
            }

            return PictureOutput.Write(context, paths.ToPicture(), output);
        }

        if (context.Json)
        {
            context.WriteJson(w => WriteJson(w, graph, command, paths, whyEmpty));
            return ExitCodes.Success;
        }

        var o = context.Out;
        if (paths.IsEmpty)
        {
            o.WriteLine($"No paths: {paths.Query}");
            if (whyEmpty is not null)
            {
                o.WriteLine();
                o.WriteLine(whyEmpty);
            }
        }
        else
        {
            o.WriteLine(paths.Count == 1 ? "1 path" : $"{paths.Count} paths");
            for (var i = 0; i < paths.Count; i++)
            {
                o.WriteLine($"  {i + 1}. {paths[i]}");
            }

            o.WriteLine();
            o.Write(paths.ToSentences().TrimEnd('\n'));
            o.WriteLine();
        }

        // The sentences already say when a limit cut the paths; with no sentences, say it here.
        if (paths.IsEmpty && paths.TruncationReason is not null)
        {
            o.WriteLine();
            o.WriteLine($"Not all results are shown: {paths.TruncationReason}");
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// When one of <paramref name="ends"/> is a source with no ties, why nothing was found: sources are cited, not tied
    /// (unless the graph declares a relationship type for them); otherwise <see langword="null"/>.
    /// </summary>
    public static string? SourceNote(TechTiesGraph graph, params Entity[] ends)
    {
        var source = ends.FirstOrDefault(e => e is Source && graph.TiesFrom(e).IsEmpty && graph.TiesTo(e).IsEmpty);
        return source is null
            ? null
            : $"{source.Name} ({source.Id}) is a source: sources are cited, not tied, so no tie leads to or from it. To see what it supports (the ties and entities that cite it), run 'techties show {source.Id}'.";
    }

    private static void WriteJson(Utf8JsonWriter w, TechTiesGraph graph, string command, PathSet paths, string? whyEmpty)
    {
        w.WriteStartObject();
        w.WriteString("command", command);
        w.WriteString("query", paths.Query);
        w.WriteString("semantics", paths.Semantics);
        w.WriteNumber("count", paths.Count);
        w.WriteBoolean("truncated", paths.IsTruncated);
        if (paths.TruncationReason is not null)
        {
            w.WriteString("truncationReason", paths.TruncationReason);
        }

        WriteWarnings(w, graph, paths.Warnings);
        w.WriteStartArray("paths");
        foreach (var path in paths)
        {
            w.WriteStartObject();
            w.WriteString("text", path.ToString());
            w.WriteStartArray("nodes");
            foreach (var node in path.Nodes)
            {
                w.WriteStringValue(node.Id);
            }

            w.WriteEndArray();
            w.WriteStartArray("steps");
            foreach (var step in path.Steps)
            {
                w.WriteStartObject();
                w.WriteString("from", step.From.Id);
                w.WriteString("to", step.To.Id);
                w.WriteString("type", step.Type.Name);
                w.WriteString("direction", step.Direction == StepDirection.Forward ? "forward" : "backward");
                w.WriteString("label", step.Label);
                WriteIds(w, "ties", step.Ties.Select(t => t.Id));
                WriteIds(w, "contracts", step.Contracts.Select(c => c.Id));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var entities = paths.SelectMany(p => p.Nodes.Concat(p.Steps.SelectMany(s => s.Contracts))).Distinct().OrderBy(e => e.Id, StringComparer.Ordinal);
        var ties = paths.SelectMany(p => p.Steps.SelectMany(s => s.Ties)).Distinct().OrderBy(t => t.Id, StringComparer.Ordinal);
        WriteGraphPart(w, graph, entities, ties);
        if (whyEmpty is not null)
        {
            w.WriteString("explanation", whyEmpty);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// The <c>warnings</c> member: the load's warnings (as <c>file:line:col: warning CODE: message</c>, as stderr has them
    /// in text), then the command's own. Written with or without <c>--quiet</c>, which quiets stderr only. Stats and
    /// validate, whose <c>warnings</c> is their number, name the list <c>warningMessages</c>.
    /// </summary>
    public static void WriteWarnings(Utf8JsonWriter w, TechTiesGraph graph, IEnumerable<string> more, string member = "warnings")
    {
        w.WriteStartArray(member);
        foreach (var warning in graph.Warnings.Select(d => d.ToString()).Concat(more))
        {
            w.WriteStringValue(warning);
        }

        w.WriteEndArray();
    }

    /// <summary>The <c>entities</c> and <c>ties</c> members: canonical JSON objects, as in the graph format.</summary>
    public static void WriteGraphPart(Utf8JsonWriter w, TechTiesGraph graph, IEnumerable<Entity> entities, IEnumerable<Tie> ties)
    {
        w.WriteStartArray("entities");
        foreach (var entity in entities)
        {
            graph.WriteCanonicalJson(entity, w);
        }

        w.WriteEndArray();
        w.WriteStartArray("ties");
        foreach (var tie in ties)
        {
            tie.WriteCanonicalJson(w);
        }

        w.WriteEndArray();
    }

    private static void WriteIds(Utf8JsonWriter w, string name, IEnumerable<string> ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
    }
}

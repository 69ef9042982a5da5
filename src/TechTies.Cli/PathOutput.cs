using System.Text.Json;

namespace TechTies.Cli;

/// <summary>How query, path and connect print a <see cref="PathSet"/>: arrows and sentences for people, one documented JSON object for programs.</summary>
internal static class PathOutput
{
    /// <summary>A lower <see cref="MaxOutputBytes"/> for the tests that set it, in their own flow only.</summary>
    internal static readonly AsyncLocal<long?> MaxOutputBytesForTests = new();

    /// <summary>
    /// The most bytes of UTF-8 one answer writes on stdout: paths that would go past it are left out, and the answer
    /// says so as it says any truncation.
    /// </summary>
    internal static long MaxOutputBytes => MaxOutputBytesForTests.Value ?? DefaultMaxOutputBytes;

    /// <summary>The cap on an answer's output: 64 MiB.</summary>
    internal const long DefaultMaxOutputBytes = 64L << 20;

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
            var document = FitJson(graph, command, paths, whyEmpty);
            context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(document));
            return ExitCodes.Success;
        }

        var (fitted, text) = FitText(paths);
        paths = fitted;
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
            o.Write(text);
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

    // The arrows and sentences of as many paths as fit in MaxOutputBytes: the arrows of the paths are measured first
    // (cheap), taking the sentences to be about three times as long; the sentences of a candidate set are rendered and, if the whole is too long, half as
    // many paths are tried, so memory stays within a few times the cap.
    private static (PathSet Paths, string Text) FitText(PathSet paths)
    {
        var max = MaxOutputBytes;
        var n = 0;
        long arrows = 0;
        while (n < paths.Count && (arrows += (4 * Utf8Length(paths[n].ToString())) + 12) <= max)
        {
            n++;
        }

        while (true)
        {
            var candidate = n == paths.Count ? paths : paths.TakeFirst(n, LeftOut(n, paths.Count, max));
            if (candidate.IsEmpty)
            {
                return (candidate, string.Empty);
            }

            var text = new System.Text.StringBuilder();
            text.Append(candidate.Count == 1 ? "1 path" : $"{candidate.Count} paths").Append('\n');
            for (var i = 0; i < candidate.Count; i++)
            {
                text.Append($"  {i + 1}. {candidate[i]}").Append('\n');
            }

            text.Append('\n').Append(candidate.ToSentences().TrimEnd('\n')).Append('\n');
            var result = text.ToString().ReplaceLineEndings(Environment.NewLine);
            if (Utf8Length(result) <= max)
            {
                return (candidate, result);
            }

            n /= 2;
        }
    }

    // The JSON document of as many paths as fit in MaxOutputBytes, tried as the text is; each attempt is written into
    // a buffer that refuses to grow past the cap.
    private static byte[] FitJson(TechTiesGraph graph, string command, PathSet paths, string? whyEmpty)
    {
        var max = MaxOutputBytes;

        // A first guess from the arrows' length (each path's JSON repeats its arrow form, ids and labels): a few times
        // what the arrows take. Too many are halved below; rarely too few, and then the answer is merely shorter.
        var n = 0;
        long estimate = 0;
        while (n < paths.Count && (estimate += (4 * Utf8Length(paths[n].ToString())) + 256) <= max)
        {
            n++;
        }

        while (true)
        {
            var candidate = n == paths.Count ? paths : paths.TakeFirst(n, LeftOut(n, paths.Count, max));

            // Without paths, what is left (the load's warnings, the query) is as long as the data makes it: never cut.
            using var buffer = new CappedStream(n == 0 ? long.MaxValue : max);
            try
            {
                using (var w = new Utf8JsonWriter(buffer, CliJson.WriterOptions(indented: true)))
                {
                    WriteJson(w, graph, command, candidate, whyEmpty);
                }

                return buffer.ToArray();
            }
            catch (CappedStream.FullException)
            {
                n /= 2;
            }
        }
    }

    private static string LeftOut(int kept, int total, long max) =>
        $"the output limit of {max.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes kept {kept} of the {total} paths";

    private static long Utf8Length(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    /// <summary>A memory stream that throws once more than its cap is written to it.</summary>
    private sealed class CappedStream(long cap) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer.ToArray(), 0, buffer.Length);
        }

        public override void WriteByte(byte value)
        {
            Check(1);
            base.WriteByte(value);
        }

        private void Check(int count)
        {
            if (Length + count > cap)
            {
                throw new FullException();
            }
        }

        public sealed class FullException : Exception;
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
        WriteIds(w, "notes", paths.Notes);
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

            // The writer buffers until flushed: flushing as it goes lets a capped stream stop an answer that is too long.
            if (w.BytesPending > 1 << 16)
            {
                w.Flush();
            }
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

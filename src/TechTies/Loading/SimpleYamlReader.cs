using System.Buffers;

namespace TechTies.Loading;

/// <summary>
/// Reads the plain subset of YAML that TechTies files are written in (block mappings and sequences, one-line flow
/// lists and mappings, plain and double-quoted scalars without escapes, whole-line comments) straight into a
/// <see cref="YNode"/> tree, several times faster than YamlDotNet's event parser. It gives up, returning
/// <see langword="null"/>, on anything else and on anything that would be a diagnostic (a duplicate key, nesting
/// too deep): the caller then reads the file with YamlDotNet, which reports the problem. So a tree from here is the
/// tree YamlDotNet's path gives, with the same positions, for a file that YamlDotNet reads without a problem.
/// </summary>
internal sealed class SimpleYamlReader
{
    // Scalars of many nodes are the same few words (keys, kinds, dates, currencies, cited ids): they share one string.
    private const int PoolSize = 1 << 14;
    private const int PooledLength = 16;

    // YamlDotNet refuses implicit keys longer than this; such a file goes to it.
    private const int MaxKeyLength = 1000;

    // Line breaks and the printable ASCII characters other than the backslash (which would start an escape).
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c != '\\').Append('\n')]);

    private readonly string text;
    private readonly ISectionStream? stream;
    // A section of thousands of entities is not a hint for the mappings that follow it.
    private const int MaxFieldsHint = 64;

    private readonly string?[] pool = new string?[PoolSize];
    private readonly int[] fieldsAtDepth = new int[YamlTreeReader.MaxDepth + 2];
    private int lineStart;
    private int lineNumber;
    private int indent = -1;

    private SimpleYamlReader(string text, ISectionStream? stream)
    {
        this.text = text;
        this.stream = stream;
    }

    /// <summary>The tree of <paramref name="text"/>, or <see langword="null"/> when it is not in the subset.</summary>
    /// <param name="text">The decoded file.</param>
    /// <param name="stream">
    /// Takes the entries of the top-level block mappings it asks for as each is read, instead of the tree: they are
    /// left out of it, and the section's mapping in the tree is empty. When the reader gives up after some entries
    /// went to the stream, the caller must undo what the stream did with them.
    /// </param>
    public static YNode? TryRead(string text, ISectionStream? stream = null)
    {
        var reader = new SimpleYamlReader(text, stream);
        if (!reader.HasCharsOfTheSubset())
        {
            return null;
        }

        reader.lineNumber = 0;
        reader.NextContentLine(0);
        if (reader.indent != 0 || reader.StartsSequenceItem())
        {
            return null;
        }

        var root = reader.Mapping(0, 1);
        return root is not null && reader.indent < 0 ? root : null;
    }

    // Printable characters other than tabs, carriage returns, line separators and byte order marks, which YamlDotNet
    // treats in ways this reader does not; and no document markers or directives.
    private bool HasCharsOfTheSubset()
    {
        // Most files are printable ASCII: skip it in vectorized steps and look at each other character on its own.
        var rest = text.AsSpan();
        int at;
        while ((at = rest.IndexOfAnyExcept(PlainAscii)) >= 0)
        {
            var c = rest[at];
            if (c is (< ' ' and not '\n') or '\\' or (> '~' and < '\u00A0') or '\u2028' or '\u2029' or '\uFEFF' or (>= '\uD800' and < '\uE000') or > '\uFFFD')
            {
                return false;
            }

            rest = rest[(at + 1)..];
        }

        return !text.StartsWith("---", StringComparison.Ordinal) && !text.StartsWith("...", StringComparison.Ordinal) && !text.StartsWith('%')
            && !text.Contains("\n---", StringComparison.Ordinal) && !text.Contains("\n...", StringComparison.Ordinal) && !text.Contains("\n%", StringComparison.Ordinal);
    }

    // Moves to the next line with content from offset "from", skipping blank and comment lines; indent -1 at the end.
    private void NextContentLine(int from)
    {
        var i = from;
        while (i < text.Length)
        {
            lineNumber++;
            var start = i;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i < text.Length && text[i] != '\n' && text[i] != '#')
            {
                lineStart = start;
                indent = i - start;
                return;
            }

            var end = text.IndexOf('\n', i);
            if (end < 0)
            {
                break;
            }

            i = end + 1;
        }

        indent = -1;
    }

    private int LineEnd()
    {
        var end = text.IndexOf('\n', lineStart);
        return end < 0 ? text.Length : end;
    }

    private bool StartsSequenceItem()
    {
        var at = lineStart + indent;
        return text[at] == '-' && (at + 1 == text.Length || text[at + 1] is ' ' or '\n');
    }

    // A block mapping. With a section (the key of a top-level entry whose entries the stream takes), each entry goes
    // to the stream once read, with the same checks and the same reasons to give up, and the mapping stays empty.
    private YMap? Mapping(int mapIndent, int depth, YScalar? section = null)
    {
        if (depth > YamlTreeReader.MaxDepth)
        {
            return null;
        }

        // Mappings at one depth (the entities of a section) tend to have as many fields as the one before.
        var map = new YMap(section is null ? fieldsAtDepth[depth] : 0) { Line = lineNumber, Column = mapIndent + 1 };
        var streamedKeys = section is null ? null : new HashSet<string>(StringComparer.Ordinal);
        while (indent == mapIndent && !StartsSequenceItem())
        {
            var end = LineEnd();
            var at = lineStart + indent;
            var key = Scalar(ref at, end, flow: false);
            if (key is null || at >= end || text[at] != ':' || key.Value.Length > MaxKeyLength
                || (streamedKeys is null ? map.KeyNamed(key.Value) is not null : !streamedKeys.Add(key.Value)))
            {
                return null;
            }

            var streamAs = depth == 1 && stream is not null && stream.Streams(map, key) ? key : null;
            var value = BlockValue(at + 1, end, mapIndent, depth, streamAs);
            if (value is null)
            {
                return null;
            }

            if (section is null)
            {
                map.Add(key, value);
            }
            else
            {
                stream!.Entry(section, key, value);
            }
        }

        if (section is null)
        {
            fieldsAtDepth[depth] = Math.Min(map.Entries.Count, MaxFieldsHint);
        }

        return indent < mapIndent ? map : null;
    }

    private YSeq? Sequence(int seqIndent, int depth)
    {
        if (depth > YamlTreeReader.MaxDepth)
        {
            return null;
        }

        var seq = new YSeq { Line = lineNumber, Column = seqIndent + 1 };
        while (indent == seqIndent && StartsSequenceItem())
        {
            var end = LineEnd();
            var item = BlockValue(lineStart + indent + 1, end, seqIndent, depth);
            if (item is null)
            {
                return null;
            }

            seq.Items.Add(item);
        }

        return indent < seqIndent ? seq : null;
    }

    // The value after "key:" or "-" up to the end of the line, then moves to the next content line. A value on the
    // line is a scalar or a flow collection; an empty rest of line opens a nested block (a sequence under a mapping
    // only when more indented).
    // A section (see Mapping) is passed on to the block mapping that opens here, if one does.
    private YNode? BlockValue(int at, int end, int ownIndent, int depth, YScalar? section = null)
    {
        if (at < end && text[at] != ' ')
        {
            return null;
        }

        while (at < end && text[at] == ' ')
        {
            at++;
        }

        if (at == end)
        {
            NextContentLine(end + 1);
            if (indent <= ownIndent)
            {
                return null;
            }

            return StartsSequenceItem() ? Sequence(indent, depth + 1) : Mapping(indent, depth + 1, section);
        }

        var value = text[at] is '[' or '{' ? Flow(ref at, end, depth + 1) : Scalar(ref at, end, flow: false);
        if (value is null)
        {
            return null;
        }

        while (at < end && text[at] == ' ')
        {
            at++;
        }

        if (at != end)
        {
            return null;
        }

        // A more indented line after a value would continue a plain scalar or be an error: YamlDotNet decides.
        NextContentLine(end + 1);
        return indent > ownIndent ? null : value;
    }

    private YNode? Flow(ref int at, int end, int depth)
    {
        if (depth > YamlTreeReader.MaxDepth)
        {
            return null;
        }

        var open = text[at];
        var close = open == '[' ? ']' : '}';
        YNode node = open == '[' ? new YSeq { Line = lineNumber, Column = at - lineStart + 1 } : new YMap { Line = lineNumber, Column = at - lineStart + 1 };
        at++;
        SkipSpaces(ref at, end);
        if (at < end && text[at] == close)
        {
            at++;
            return node;
        }

        while (true)
        {
            SkipSpaces(ref at, end);
            if (node is YMap map)
            {
                var key = Scalar(ref at, end, flow: true);
                if (key is null || at + 1 >= end || text[at] != ':' || text[at + 1] != ' ' || key.Value.Length > MaxKeyLength || map.KeyNamed(key.Value) is not null)
                {
                    return null;
                }

                at += 2;
                SkipSpaces(ref at, end);
                var value = FlowItem(ref at, end, depth);
                if (value is null)
                {
                    return null;
                }

                map.Add(key, value);
            }
            else
            {
                var item = FlowItem(ref at, end, depth);
                if (item is null)
                {
                    return null;
                }

                ((YSeq)node).Items.Add(item);
            }

            SkipSpaces(ref at, end);
            if (at < end && text[at] == close)
            {
                at++;
                return node;
            }

            if (at >= end || text[at] != ',')
            {
                return null;
            }

            at++;
            SkipSpaces(ref at, end);
            if (at >= end || text[at] is ']' or '}' or ',')
            {
                return null;
            }
        }
    }

    private YNode? FlowItem(ref int at, int end, int depth) =>
        at >= end ? null : text[at] is '[' or '{' ? Flow(ref at, end, depth + 1) : Scalar(ref at, end, flow: true);

    private void SkipSpaces(ref int at, int end)
    {
        while (at < end && text[at] == ' ')
        {
            at++;
        }
    }

    // A double-quoted scalar on one line, or a plain one that starts with a letter, a digit or a few safe symbols and
    // holds no character that could mean something else (a comment, a quote, a bracket; in flow, a colon).
    private YScalar? Scalar(ref int at, int end, bool flow)
    {
        var column = at - lineStart + 1;
        if (at >= end)
        {
            return null;
        }

        if (text[at] == '"')
        {
            var close = text.IndexOf('"', at + 1, end - at - 1);
            if (close < 0)
            {
                return null;
            }

            var quoted = Text(at + 1, close);
            at = close + 1;
            return new YScalar { Line = lineNumber, Column = column, Value = quoted, IsPlain = false };
        }

        if (!char.IsAsciiLetterOrDigit(text[at]) && text[at] is not ('_' or '.' or '/' or '(' or '$' or '+' or '~') && text[at] < '\u00A0')
        {
            return null;
        }

        var start = at;
        var last = at;
        while (at < end)
        {
            var c = text[at];
            if (c == ':' && (at + 1 == end || text[at + 1] == ' ' || flow))
            {
                break;
            }

            if (flow && c is ',' or ']' or '}')
            {
                break;
            }

            if (c is '[' or ']' or '{' or '}' or '#' or '"' or '\'')
            {
                return null;
            }

            if (c != ' ')
            {
                last = at;
            }

            at++;
        }

        if (flow && at < end && text[at] == ':' && (at + 1 == end || text[at + 1] != ' '))
        {
            return null;
        }

        return new YScalar { Line = lineNumber, Column = column, Value = Text(start, last + 1), IsPlain = true };
    }

    private string Text(int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (span.Length > PooledLength)
        {
            return span.ToString();
        }

        var slot = string.GetHashCode(span) & (PoolSize - 1);
        var pooled = pool[slot];
        if (pooled is not null && span.SequenceEqual(pooled))
        {
            return pooled;
        }

        var fresh = span.ToString();
        pool[slot] = fresh;
        return fresh;
    }
}

/// <summary>Takes the entries of top-level sections from <see cref="SimpleYamlReader"/> as they are read.</summary>
internal interface ISectionStream
{
    /// <summary>Whether the entries of the section <paramref name="section"/> go to <see cref="Entry"/>; <paramref name="root"/> holds the entries read before it.</summary>
    bool Streams(YMap root, YScalar section);

    /// <summary>One entry of a streamed section, in file order.</summary>
    void Entry(YScalar section, YScalar key, YNode value);
}

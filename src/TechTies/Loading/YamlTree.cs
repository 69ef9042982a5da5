using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TechTies.Loading;

/// <summary>
/// Reads one YAML file into a <see cref="YNode"/> tree with positions, strictly: the bytes must be valid UTF-8,
/// indentation must not use tabs, keys must be unique, anchors and aliases are refused (so an alias bomb cannot
/// expand), and nesting is capped. Problems become diagnostics; nothing throws for bad input.
/// </summary>
internal static class YamlTreeReader
{
    public const int MaxDepth = 64;

    private const string SyntaxSuggestion = "check the indentation and quoting on this line and the one before it";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The tree of a YAML file, or <see langword="null"/> after reporting why there is none. A <paramref name="stream"/>
    /// gets the entries of the sections it asks for instead of the tree, unless the file is read by YamlDotNet: then
    /// <see cref="ISectionStream"/> has been given entries that the tree holds again, and <paramref name="abandon"/>
    /// is called first so that the caller can undo them.
    /// </summary>
    public static YNode? Read(byte[] bytes, string file, DiagnosticBag diagnostics, ISectionStream? stream = null, Action? abandon = null)
    {
        if (!TryDecode(bytes, file, diagnostics, out var text))
        {
            return null;
        }

        if (ReportTabIndentation(text, file, diagnostics))
        {
            return null;
        }

        if (SimpleYamlReader.TryRead(text, stream) is { } tree)
        {
            return tree;
        }

        abandon?.Invoke();
        return ReadWithYamlDotNet(text, file, diagnostics);
    }

    /// <summary>Reads decoded text with YamlDotNet's parser, which reads all of YAML and reports every syntax problem.</summary>
    internal static YNode? ReadWithYamlDotNet(string text, string file, DiagnosticBag diagnostics)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        try
        {
            return BuildTree(new Parser(scanner), file, diagnostics);
        }
        catch (YamlException e)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, file, (int)e.Start.Line, (int)e.Start.Column, $"YAML syntax error: {Clean(e.Message)}", SyntaxSuggestion);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, on some malformed input (such as an unclosed
            // flow mapping followed by a plain "key: value"); the scanner's position is where it gave up.
            var at = scanner.CurrentPosition;
            diagnostics.Error(DiagnosticCodes.YamlSyntax, file, (int)at.Line, (int)at.Column, "YAML syntax error: the YAML cannot be read from here on (an unclosed bracket or brace before this point?).", SyntaxSuggestion);
            return null;
        }
    }

    /// <summary>Decodes the file as strict UTF-8 (after a byte order mark), or reports TT0001 at the first byte that is not UTF-8.</summary>
    internal static bool TryDecode(byte[] bytes, string file, DiagnosticBag diagnostics, out string text)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(e.Index, 0);
            var (line, column) = PositionOfByte(bytes, start, offset);
            diagnostics.Error(DiagnosticCodes.InvalidUtf8, file, line, column, $"the file is not valid UTF-8: byte 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2} at byte offset {offset} cannot be decoded", "save the file as UTF-8");
            text = string.Empty;
            return false;
        }
    }

    // Line and column of a byte offset, counting columns in decoded characters of the valid prefix.
    private static (int Line, int Column) PositionOfByte(byte[] bytes, int start, int offset)
    {
        var lineStart = start;
        var line = 1;
        for (var i = start; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = 1;
        for (var i = lineStart; i < offset && i < bytes.Length; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    private static bool ReportTabIndentation(string text, string file, DiagnosticBag diagnostics)
    {
        if (!text.Contains('\t', StringComparison.Ordinal))
        {
            return false;
        }

        var found = false;
        var line = 1;
        var atLineStart = true;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                atLineStart = true;
                continue;
            }

            if (atLineStart && c == '\t')
            {
                diagnostics.Error(DiagnosticCodes.TabIndentation, file, line, column, "a tab is used for indentation; YAML allows only spaces there", "indent with spaces");
                found = true;
                atLineStart = false;
            }
            else if (c != ' ')
            {
                atLineStart = false;
            }

            column++;
        }

        return found;
    }

    private static YNode? BuildTree(IParser parser, string file, DiagnosticBag diagnostics)
    {
        var stack = new Stack<YNode>();
        var pendingKeys = new Stack<YScalar?>();
        YNode? root = null;
        var documents = 0;

        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var line = (int)current.Start.Line;
            var column = (int)current.Start.Column;

            if (current is DocumentStart && documents++ == 1)
            {
                diagnostics.Error(DiagnosticCodes.YamlSyntax, file, line, column, "a file may hold only one YAML document", "split the documents into separate files");
                return null;
            }

            if (current is AnchorAlias alias)
            {
                diagnostics.Error(DiagnosticCodes.AnchorsNotAllowed, file, line, column, $"the alias *{DiagnosticText.Cut(alias.Value.ToString())} is not allowed: TechTies files do not use anchors and aliases", "write the value out in full");
                return null;
            }

            if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                diagnostics.Error(DiagnosticCodes.AnchorsNotAllowed, file, line, column, $"the anchor &{DiagnosticText.Cut(anchored.Anchor.Value.ToString())} is not allowed: TechTies files do not use anchors and aliases", "remove the anchor and write values out in full");
                return null;
            }

            if (current is NodeEvent { Tag.IsEmpty: false } tagged)
            {
                ReportTag(tagged, file, line, column, diagnostics);
            }

            YNode? node = null;
            switch (current)
            {
                case Scalar scalar:
                    node = new YScalar { Line = line, Column = column, Value = scalar.Value, IsPlain = scalar.Style == ScalarStyle.Plain };
                    break;
                case MappingStart or SequenceStart:
                    if (stack.Count >= MaxDepth)
                    {
                        diagnostics.Error(DiagnosticCodes.NestingTooDeep, file, line, column, $"the YAML is nested more than {MaxDepth} levels deep", "flatten the structure: TechTies data needs only a few levels");
                        return null;
                    }

                    YNode container = current is MappingStart ? new YMap { Line = line, Column = column } : new YSeq { Line = line, Column = column };
                    stack.Push(container);
                    pendingKeys.Push(null);
                    continue;
                case MappingEnd or SequenceEnd:
                    pendingKeys.Pop();
                    node = stack.Pop();
                    break;
                default:
                    continue;
            }

            if (stack.Count == 0)
            {
                root = node;
                continue;
            }

            switch (stack.Peek())
            {
                case YSeq seq:
                    seq.Items.Add(node);
                    break;
                case YMap map:
                    var key = pendingKeys.Pop();
                    if (key is null)
                    {
                        if (node is not YScalar keyScalar)
                        {
                            diagnostics.Error(DiagnosticCodes.YamlSyntax, file, node.Line, node.Column, "a key must be a single value, not a list or mapping", "use a plain name as the key");
                            return null;
                        }

                        if (map.KeyNamed(keyScalar.Value) is { } duplicate && !RepeatsNumberPart(map, keyScalar, duplicate))
                        {
                            ReportDuplicate(keyScalar, duplicate);
                        }

                        pendingKeys.Push(keyScalar);
                    }
                    else
                    {
                        // A repeated part of a number cut at its commas ({ amount: 39,000,000 } gives the keys 000 and
                        // 000) is left to the loader, which reports the number once with the advice to quote it.
                        if (node is not YScalar { IsNull: true } && map.KeyNamed(key.Value) is { } duplicate && RepeatsNumberPart(map, key, duplicate))
                        {
                            ReportDuplicate(key, duplicate);
                        }

                        map.Add(key, node);

                        pendingKeys.Push(null);
                    }

                    break;
            }
        }

        return root;

        // Whether a repeated key may repeat a part of the number just before it; it does when it has no value, which
        // is known only once the value is read.
        static bool RepeatsNumberPart(YMap map, YScalar key, YScalar first)
        {
            var number = map.SplitNumberBefore(map.Entries.Count);
            return number >= 0 && YMap.IsNumberPart(key) && map.Entries.FindIndex(number, e => ReferenceEquals(e.Key, first)) > number;
        }

        void ReportDuplicate(YScalar key, YScalar first) =>
            diagnostics.Error(DiagnosticCodes.DuplicateKey, file, key.Line, key.Column, $"the key {DiagnosticText.Quote(key.Value)} appears twice in this mapping (first at line {first.Line}, column {first.Column})", "remove or rename one of them");
    }

    // A tag would change what a value means in other tools but not here, where a field reads every value as it
    // chooses; a tag is a mistake or a file written for another tool, and a "!" meant as text needs quotes.
    private static void ReportTag(NodeEvent tagged, string file, int line, int column, DiagnosticBag diagnostics)
    {
        var tag = TagAsWritten(tagged.Tag.Value);
        var suggestion = tagged is Scalar { Value.Length: > 0 } scalar
            ? $"remove the tag and write the value plainly, or quote the whole value if the ! is part of the text: \"{tag} {scalar.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""
            : "remove the tag and write the value plainly";
        diagnostics.Error(DiagnosticCodes.TagsNotAllowed, file, line, column, $"the tag {tag} is not allowed: TechTies files do not use YAML tags, since each field knows how to read its value", suggestion);
    }

    // YamlDotNet expands the tag shorthands; the message shows the short form people write.
    private static string TagAsWritten(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..]
        : tag.StartsWith('!') ? tag
        : $"!<{tag}>";

    // YamlDotNet messages start with "(Line: 3, Col: 1, Idx: 20) - (Line: ...): "; the position is reported separately.
    private static string Clean(string message)
    {
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
        return text.TrimEnd('.') + ".";
    }
}

namespace TechTies.Loading;

/// <summary>A YAML node with the position it starts at (1-based line and column).</summary>
internal abstract class YNode
{
    public required int Line { get; init; }

    public required int Column { get; init; }

    public abstract string Describe { get; }
}

/// <summary>A scalar. Untagged scalars are strings: the loader interprets them by field, never by guessing.</summary>
internal sealed class YScalar : YNode
{
    public required string Value { get; init; }

    public required bool IsPlain { get; init; }

    /// <summary>Whether the scalar is an empty or null plain value (<c>key:</c>, <c>~</c>, <c>null</c>).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe => IsNull ? "an empty value" : "a single value";
}

internal sealed class YMap : YNode
{
    // Most mappings hold a few fields, where a scan beats hashing; a mapping of many entries (a section of
    // thousands of ids) gets an index of its keys, so that building it stays linear.
    private const int IndexFrom = 16;

    private Dictionary<string, YScalar>? keys;

    public YMap()
    {
        Entries = [];
    }

    /// <summary>A mapping whose entries are expected to number about <paramref name="capacity"/>.</summary>
    public YMap(int capacity)
    {
        Entries = new(capacity);
    }

    public List<KeyValuePair<YScalar, YNode>> Entries { get; }

    /// <summary>The key with this text already in the mapping, or <see langword="null"/>.</summary>
    public YScalar? KeyNamed(string key)
    {
        if (keys is not null)
        {
            return keys.GetValueOrDefault(key);
        }

        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Key;
            }
        }

        return null;
    }

    /// <summary>The value of the first entry whose key has this text, or <see langword="null"/>.</summary>
    public YNode? ValueOf(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>Adds an entry unless its key is already there (the first of duplicate keys wins).</summary>
    public void Add(YScalar key, YNode value)
    {
        if (KeyNamed(key.Value) is not null)
        {
            return;
        }

        Entries.Add(new(key, value));
        if (keys is not null)
        {
            keys.Add(key.Value, key);
        }
        else if (Entries.Count >= IndexFrom)
        {
            keys = new Dictionary<string, YScalar>(Entries.Count * 2, StringComparer.Ordinal);
            foreach (var entry in Entries)
            {
                keys.Add(entry.Key.Value, entry.Key);
            }
        }
    }

    /// <summary>
    /// The index of the entry whose plain number the commas of a flow mapping cut short, when the entries before
    /// <paramref name="index"/> (the end, for a key not yet added) are the rest of it; otherwise -1. In
    /// <c>{ amount: 39,000,000 }</c>, amount is 39, then come the keys 000 and 000 without a value.
    /// </summary>
    public int SplitNumberBefore(int index)
    {
        while (index > 0 && IsNumberPart(Entries[index - 1].Key) && Entries[index - 1].Value is YScalar { IsNull: true })
        {
            index--;
        }

        return index > 0 && Entries[index - 1].Value is YScalar { IsPlain: true, IsNull: false } number && char.IsAsciiDigit(number.Value[^1]) ? index - 1 : -1;
    }

    /// <summary>Whether a key is plain digits alone, as the part of a number after a comma is.</summary>
    public static bool IsNumberPart(YScalar key) => key.IsPlain && key.Value.Length > 0 && key.Value.All(char.IsAsciiDigit);

    public override string Describe => "a mapping";
}

internal sealed class YSeq : YNode
{
    public List<YNode> Items { get; } = [];

    public override string Describe => "a list";
}

using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using TechTies.Loading;

namespace TechTies;

/// <summary>Why an entity lookup failed.</summary>
public enum LookupFailure
{
    /// <summary>No entity has that id, name or alias.</summary>
    NotFound,

    /// <summary>Several entities have that name or alias.</summary>
    Ambiguous,
}

/// <summary>
/// Thrown when a name does not identify exactly one entity. <see cref="Candidates"/> lists the entities the user
/// may have meant: the matches when the name is ambiguous, the nearest names when nothing matched.
/// </summary>
public sealed class EntityLookupException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="name">The name that was looked up.</param>
    /// <param name="failure">Why the lookup failed.</param>
    /// <param name="candidates">The entities the user may have meant, best first.</param>
    public EntityLookupException(string name, LookupFailure failure, IReadOnlyList<Entity> candidates)
        : this(name, failure, candidates, Describe(name, failure, candidates))
    {
    }

    // With a message of the caller's, such as that of a lookup by id only.
    internal EntityLookupException(string name, LookupFailure failure, IReadOnlyList<Entity> candidates, string message)
        : base(message)
    {
        Name = name;
        Failure = failure;
        Candidates = Array.AsReadOnly([.. candidates]);
    }

    /// <summary>The name that was looked up.</summary>
    public string Name { get; }

    /// <summary>Why the lookup failed.</summary>
    public LookupFailure Failure { get; }

    /// <summary>The entities the user may have meant, best first (possibly none): a read-only copy of the list given.</summary>
    public IReadOnlyList<Entity> Candidates { get; }

    private static string Describe(string name, LookupFailure failure, IReadOnlyList<Entity> candidates)
    {
        var list = string.Join(", ", candidates.Select(c => $"{c.Id} ({c.Name}, {c.Kind.ToName()})"));
        return failure == LookupFailure.Ambiguous
            ? $"{DiagnosticText.Quote(name)} is ambiguous: it names {candidates.Count} entities: {list}. Use an id."
            : candidates.Count == 0 ? $"No entity is called {DiagnosticText.Quote(name)}." : $"No entity is called {DiagnosticText.Quote(name)}. Did you mean: {list}?";
    }
}

/// <summary>
/// Entities by normalized id, name and alias, kept as numbers: the hash of each normalized name beside the entity's
/// position, sorted by hash. A lookup normalizes the name, finds its hash and checks each candidate's names again,
/// so no normalized string is kept per entity.
/// </summary>
internal sealed class NameIndex
{
    private readonly ImmutableArray<Entity> entities;
    private readonly int[] hashes;
    private readonly int[] positions;

    public NameIndex(ImmutableArray<Entity> entities)
    {
        this.entities = entities;

        // Each pair packed as hash (high half) and position (low half), so that sorting the numbers sorts by hash, then
        // position. An entity's names with the same hash (the same normalized name, or a collision) are one pair: a
        // lookup checks every candidate's names again.
        var pairs = new List<long>(entities.Length * 3);
        var hashesOfOne = new List<int>();
        for (var i = 0; i < entities.Length; i++)
        {
            hashesOfOne.Clear();
            var entity = entities[i];
            foreach (var alias in entity.Aliases)
            {
                AddDistinct(hashesOfOne, Lookup.NormalizedHash(alias));
            }

            AddDistinct(hashesOfOne, Lookup.NormalizedHash(entity.Name));
            AddDistinct(hashesOfOne, Lookup.NormalizedHash(entity.Id));
            foreach (var hash in hashesOfOne)
            {
                pairs.Add(((long)hash << 32) | (uint)i);
            }
        }

        var sorted = CollectionsMarshal.AsSpan(pairs);
        sorted.Sort();
        hashes = new int[sorted.Length];
        positions = new int[sorted.Length];
        for (var p = 0; p < sorted.Length; p++)
        {
            hashes[p] = (int)(sorted[p] >> 32);
            positions[p] = (int)sorted[p];
        }
    }

    /// <summary>The entities that <paramref name="name"/> names, ignoring case, accents and spacing, in ordinal order of id.</summary>
    public List<Entity> Find(string name)
    {
        var key = Lookup.Normalize(name);
        var hash = Lookup.HashOf(key);
        var found = new List<Entity>();
        var at = Array.BinarySearch(hashes, hash);
        if (at < 0)
        {
            return found;
        }

        while (at > 0 && hashes[at - 1] == hash)
        {
            at--;
        }

        // Positions of one hash are in entity order, which is ordinal id order.
        for (; at < hashes.Length && hashes[at] == hash; at++)
        {
            var entity = entities[positions[at]];
            if ((found.Count == 0 || !ReferenceEquals(found[^1], entity)) && NamesOf(entity).Any(n => n == key))
            {
                found.Add(entity);
            }
        }

        return found;
    }

    /// <summary>Every normalized name with the entities it names (for suggestions after a failed lookup).</summary>
    public Dictionary<string, List<Entity>> AllNames()
    {
        var all = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            foreach (var name in NamesOf(entity).Distinct(StringComparer.Ordinal))
            {
                if (!all.TryGetValue(name, out var list))
                {
                    all[name] = list = [];
                }

                list.Add(entity);
            }
        }

        return all;
    }

    private static void AddDistinct(List<int> hashes, int hash)
    {
        if (!hashes.Contains(hash))
        {
            hashes.Add(hash);
        }
    }

    private static IEnumerable<string> NamesOf(Entity entity) => entity.Aliases.Append(entity.Name).Append(entity.Id).Select(Lookup.Normalize);
}

using System.Collections.Immutable;

namespace TechTies;

/// <summary>What makes two entities of a graph probably one.</summary>
public enum DuplicateEvidence
{
    /// <summary>Two contracts have one award identifier (upper case, without spaces or dashes).</summary>
    AwardId,

    /// <summary>Two companies or agencies have one identifier (such as a UEI) of the same scheme.</summary>
    Identifier,

    /// <summary>Two entities of one kind have a name or alias with the same name key (case, accents, punctuation and, for companies, legal forms do not matter).</summary>
    NameKey,

    /// <summary>Two entities of one kind have near names: one is the <c>.com</c> form of the other, or they are a letter or two apart.</summary>
    NearName,
}

/// <summary>Two entities of a graph that are probably one, with the evidence (see <see cref="TechTiesGraph.FindDuplicates"/>). Immutable.</summary>
/// <param name="First">The entity whose id comes first in ordinal order.</param>
/// <param name="Second">The other entity.</param>
/// <param name="Evidence">What they share.</param>
/// <param name="Reason">The evidence in words, with the shared value.</param>
public sealed record ProbableDuplicate(Entity First, Entity Second, DuplicateEvidence Evidence, string Reason)
{
    /// <summary>The pair and the reason: <c>acme and acme-inc: the same name key 'ACME'</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{First.Id} and {Second.Id}: {Reason}";
}

/// <summary>Finds probable duplicates by keys (award ids, identifiers, name keys), then near names within blocks that share a word.</summary>
internal static class Duplicates
{
    private static readonly Kind[] NamedKinds = [Kind.Company, Kind.Agency, Kind.Group, Kind.Person, Kind.Product];

    public static ImmutableArray<ProbableDuplicate> Find(TechTiesGraph graph)
    {
        var found = new Dictionary<(string, string), ProbableDuplicate>();
        void Add(Entity a, Entity b, DuplicateEvidence evidence, string reason)
        {
            if (ReferenceEquals(a, b))
            {
                return;
            }

            var (first, second) = string.CompareOrdinal(a.Id, b.Id) < 0 ? (a, b) : (b, a);
            found.TryAdd((first.Id, second.Id), new ProbableDuplicate(first, second, evidence, reason));
        }

        foreach (var group in graph.EntitiesOf<Contract>().Where(c => c.AwardId is not null).GroupBy(c => NameKeys.Award(c.AwardId!)).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            Pairs(group.ToList<Entity>(), (a, b) => Add(a, b, DuplicateEvidence.AwardId, $"the same award id {group.Key}"));
        }

        var identified = graph.Entities.SelectMany(e => IdentifiersOf(e).Select(i => (Entity: e, Key: $"{e.Kind.ToName()}/{i.Key}:{i.Value.Trim().ToUpperInvariant()}", i.Key, i.Value)));
        foreach (var group in identified.GroupBy(x => x.Key).Where(g => g.Select(x => x.Entity).Distinct().Count() > 1))
        {
            var first = group.First();
            Pairs([.. group.Select(x => x.Entity).Distinct()], (a, b) => Add(a, b, DuplicateEvidence.Identifier, $"the same {first.Item3} {first.Value.Trim()}"));
        }

        foreach (var kind in NamedKinds)
        {
            var byKey = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
            foreach (var entity in graph.EntitiesOf(kind))
            {
                foreach (var key in entity.Aliases.Append(entity.Name).Select(n => NameKeys.Of(kind, n)).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal))
                {
                    if (!byKey.TryGetValue(key, out var list))
                    {
                        byKey[key] = list = [];
                    }

                    list.Add(entity);
                }
            }

            foreach (var (key, entities) in byKey.Where(p => p.Value.Count > 1).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Pairs(entities, (a, b) =>
                {
                    if (!InDifferentParents(graph, a, b))
                    {
                        Add(a, b, DuplicateEvidence.NameKey, $"the same name key '{key}'");
                    }
                });
            }

            Near(graph, byKey, Add);
        }

        return [.. found.Values.OrderBy(d => d.First.Id, StringComparer.Ordinal).ThenBy(d => d.Second.Id, StringComparer.Ordinal)];
    }

    // Keys that share a word are compared; a near pair of keys makes every pair of their entities near.
    private static void Near(TechTiesGraph graph, Dictionary<string, List<Entity>> byKey, Action<Entity, Entity, DuplicateEvidence, string> add)
    {
        var blocks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in byKey.Keys)
        {
            foreach (var word in key.Split(' ').Select(w => w.Length > 3 && w.EndsWith("COM", StringComparison.Ordinal) ? w[..^3] : w).Distinct(StringComparer.Ordinal))
            {
                if (!blocks.TryGetValue(word, out var list))
                {
                    blocks[word] = list = [];
                }

                list.Add(key);
            }
        }

        var compared = new HashSet<(string, string)>();
        foreach (var keys in blocks.Values.Where(b => b.Count > 1))
        {
            for (var i = 0; i < keys.Count; i++)
            {
                for (var j = i + 1; j < keys.Count; j++)
                {
                    if (!compared.Add((keys[i], keys[j])) || NameKeys.NearReason(keys[i], keys[j], loose: false) is not { } reason)
                    {
                        continue;
                    }

                    foreach (var a in byKey[keys[i]])
                    {
                        foreach (var b in byKey[keys[j]].Where(b => !InDifferentParents(graph, a, b)))
                        {
                            add(a, b, DuplicateEvidence.NearName, $"near names '{keys[i]}' and '{keys[j]}': {reason}");
                        }
                    }
                }
            }
        }
    }

    private static void Pairs(List<Entity> entities, Action<Entity, Entity> pair)
    {
        for (var i = 0; i < entities.Count; i++)
        {
            for (var j = i + 1; j < entities.Count; j++)
            {
                pair(entities[i], entities[j]);
            }
        }
    }

    // Offices of one name under different agencies are different offices.
    private static bool InDifferentParents(TechTiesGraph graph, Entity a, Entity b)
    {
        if (a.Kind != Kind.Agency)
        {
            return false;
        }

        var parentsA = graph.TiesFrom(a).Where(t => t.Type.Name == "part_of").Select(t => t.To.Id).ToHashSet(StringComparer.Ordinal);
        var parentsB = graph.TiesFrom(b).Where(t => t.Type.Name == "part_of").Select(t => t.To.Id).ToHashSet(StringComparer.Ordinal);
        return parentsA.Count > 0 && parentsB.Count > 0 && !parentsA.Overlaps(parentsB);
    }

    private static IEnumerable<KeyValuePair<string, string>> IdentifiersOf(Entity entity) => entity switch
    {
        Company company => company.Identifiers,
        Agency agency => agency.Identifiers,
        _ => [],
    };
}

using TechTies.Loading;

namespace TechTies.Import;

/// <summary>A company or agency an import refers to: one it defines, or one of the graph it merges with.</summary>
internal sealed class ImportedEntity(Kind kind, string id, bool existing)
{
    public Kind Kind => kind;

    public string Id => id;

    /// <summary>Whether the entity belongs to the graph merged with: the output refers to it but does not define it.</summary>
    public bool Existing => existing;

    /// <summary>The display name: the spelling of the name's first occurrence.</summary>
    public string? Name { get; set; }

    /// <summary>Every other spelling seen, kept as aliases.</summary>
    public SortedSet<string> Aliases { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Identifiers { get; } = new(StringComparer.Ordinal);

    /// <summary>The ties from this entity, as (relationship type, id of the other end), in output order.</summary>
    public SortedSet<(string Type, string To)> Ties { get; } = new(Comparer<(string Type, string To)>.Create((a, b) =>
    {
        var byType = string.CompareOrdinal(a.Type, b.Type);
        return byType != 0 ? byType : string.CompareOrdinal(a.To, b.To);
    }));

    public void Saw(string spelling)
    {
        if (existing)
        {
            return;
        }

        if (Name is null)
        {
            Name = spelling;
        }
        else if (spelling != Name)
        {
            Aliases.Add(spelling);
        }
    }
}

/// <summary>
/// The companies and agencies of one import, kept in memory because they repeat across rows, and the contracts of the
/// graph merged with: found by identifier, by judgement (<c>same_as</c>, <c>not_same</c>), or by name key against every
/// name and alias of the graph merged with; given stable ids that do not clash with it. A name that the key does not
/// settle (two entities with that key, a near name) is a candidate, never merged.
/// </summary>
internal sealed class EntityRegistry
{
    private readonly TechTiesGraph? existing;
    private readonly Func<Entity, bool> counts;
    private readonly Action<string, string, int, int, string, string?> warn;
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportedEntity> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportedEntity> companiesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportedEntity> companiesByIdentifier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportedEntity> agenciesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> existingByIdentifier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> companySameAs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> agencySameAs = new(StringComparer.Ordinal);
    private readonly HashSet<(string Key, string Id)> notSame = [];
    private readonly HashSet<(string, string, string)> reportedCycles = [];
    private readonly Dictionary<Kind, KeyIndex> keys = new() { [Kind.Company] = new KeyIndex(), [Kind.Agency] = new KeyIndex() };
    private readonly Dictionary<string, List<Contract>> contractsByAward = new(StringComparer.Ordinal);
    private readonly HashSet<string> existingContracts = new(StringComparer.Ordinal);
    private readonly Dictionary<(Kind, string), MatchedBy> matchedHow = [];
    private readonly Dictionary<(Kind, string), ImportedEntity> madeForAmbiguous = [];
    private readonly SortedSet<ImportMatch> matches = new(Comparer<ImportMatch>.Create(CompareMatches));
    private readonly SortedSet<ImportCandidate> candidates = new(Comparer<ImportCandidate>.Create(CompareCandidates));

    /// <param name="existing">The graph to merge with, or <see langword="null"/>.</param>
    /// <param name="counts">Whether an entity of <paramref name="existing"/> takes part (those of the file being replaced do not).</param>
    /// <param name="sameAs">The <c>same_as</c> judgements of the mapping and the judgements file.</param>
    /// <param name="notSameRules">The <c>not_same</c> judgements.</param>
    /// <param name="warn">Reports a warning: code, file, line, column, message, suggestion.</param>
    public EntityRegistry(TechTiesGraph? existing, Func<Entity, bool> counts, IEnumerable<CsvMapping.SameAsRule> sameAs, IEnumerable<CsvMapping.NotSameRule> notSameRules, Action<string, string, int, int, string, string?> warn)
    {
        this.existing = existing;
        this.counts = counts;
        this.warn = warn;
        foreach (var entity in existing?.Entities.Where(counts) ?? [])
        {
            taken.Add(entity.Id);
            IEnumerable<KeyValuePair<string, string>> identifiers = entity switch
            {
                Company company => company.Identifiers,
                Agency agency => agency.Identifiers,
                _ => [],
            };
            foreach (var (scheme, value) in identifiers)
            {
                existingByIdentifier.TryAdd(entity.Kind.ToName() + "/" + IdentifierKey(scheme, value), entity.Id);
            }

            if (keys.TryGetValue(entity.Kind, out var index))
            {
                index.Add(entity, NameKeys.Of(entity.Kind, entity.Name), MatchedBy.Name);
                foreach (var alias in entity.Aliases)
                {
                    index.Add(entity, NameKeys.Of(entity.Kind, alias), MatchedBy.Alias);
                }
            }
            else if (entity is Contract contract)
            {
                existingContracts.Add(contract.Id);
                if (contract.AwardId is { } award && AwardKey(award) is { Length: > 0 } awardKey)
                {
                    if (!contractsByAward.TryGetValue(awardKey, out var list))
                    {
                        contractsByAward[awardKey] = list = [];
                    }

                    list.Add(contract);
                }
            }
        }

        foreach (var rule in notSameRules)
        {
            // Either kind: a name is matched as a company and as an agency by different keys.
            notSame.Add((NameKeys.Company(rule.Name), rule.Id));
            notSame.Add((NameKeys.Agency(rule.Name), rule.Id));
        }

        foreach (var rule in sameAs)
        {
            AddSameAs(rule);
        }
    }

    public IEnumerable<ImportedEntity> Defined => byId.Values.Where(e => !e.Existing);

    public IEnumerable<ImportedEntity> Matched => byId.Values.Where(e => e.Existing);

    public IEnumerable<string> MatchedIds => Matched.Select(e => e.Id);

    /// <summary>Every match, by kind, id and name as written.</summary>
    public IReadOnlyCollection<ImportMatch> Matches => matches;

    /// <summary>Every candidate left unmerged, by kind, name and candidate id.</summary>
    public IReadOnlyCollection<ImportCandidate> Candidates => candidates;

    public bool IsTaken(string id) => taken.Contains(id);

    /// <summary>The company or agency of this import (defined or matched) with the id.</summary>
    public ImportedEntity Entity(string id) => byId[id];

    public static string AwardKey(string award) => NameKeys.Award(award);

    /// <summary>
    /// The contract of the graph merged with that an imported row is: the one with the row's contract id, else the one
    /// with its award identifier. Two contracts with that award identifier are candidates; none is chosen.
    /// </summary>
    public Contract? Contract(string id, string? awardId, string written)
    {
        if (existingContracts.Contains(id) && existing!.TryGet(id, out var same) && same is Contract byKey)
        {
            Record(new ImportMatch(Kind.Contract, written, byKey.Id, MatchedBy.ContractId));
            return byKey;
        }

        if (awardId is null || !contractsByAward.TryGetValue(AwardKey(awardId), out var found))
        {
            return null;
        }

        if (found.Count == 1)
        {
            Record(new ImportMatch(Kind.Contract, awardId, found[0].Id, MatchedBy.AwardId));
            return found[0];
        }

        foreach (var contract in found)
        {
            candidates.Add(new ImportCandidate(Kind.Contract, awardId, id, contract.Id, contract.Name, $"{found.Count} contracts of the graph have the award id {awardId}"));
        }

        return null;
    }

    /// <summary>The company a row names, by identifier first, then judgement, then name key.</summary>
    public ImportedEntity Company(string name, IReadOnlyList<(string Scheme, string Value)> identifiers)
    {
        var key = NameKeys.Company(name);
        ImportedEntity? found = null;
        foreach (var (scheme, value) in identifiers)
        {
            if (companiesByIdentifier.TryGetValue(IdentifierKey(scheme, value), out found))
            {
                if (found.Existing)
                {
                    Record(new ImportMatch(Kind.Company, name, found.Id, MatchedBy.Identifier));
                }

                break;
            }
        }

        if (found is null)
        {
            foreach (var (scheme, value) in identifiers)
            {
                if (existingByIdentifier.TryGetValue("company/" + IdentifierKey(scheme, value), out var id) && !notSame.Contains((key, id)))
                {
                    found = ExistingEntity(Kind.Company, id);
                    Record(new ImportMatch(Kind.Company, name, id, MatchedBy.Identifier));
                    break;
                }
            }
        }

        if (found is null && companySameAs.TryGetValue(key, out var sameAsId))
        {
            found = ExistingEntity(Kind.Company, sameAsId);
            Record(new ImportMatch(Kind.Company, name, sameAsId, MatchedBy.SameAs));
        }

        // A key that names several entities is decided per spelling (ByKey), so the cache by key is not used for it.
        var ambiguous = IsAmbiguous(Kind.Company, key);
        if (found is null && !ambiguous && companiesByName.TryGetValue(key, out var byName)
            && identifiers.All(i => !byName.Identifiers.TryGetValue(i.Scheme, out var have) || IdentifierKey(i.Scheme, have) == IdentifierKey(i.Scheme, i.Value)))
        {
            found = byName;
            if (found.Existing)
            {
                Record(new ImportMatch(Kind.Company, name, found.Id, matchedHow.GetValueOrDefault((Kind.Company, key), MatchedBy.Identifier)));
            }
        }

        if (found is null)
        {
            found = ByKey(Kind.Company, name, key, identifiers);
        }

        if (found is null && ambiguous && madeForAmbiguous.TryGetValue((Kind.Company, key), out var made))
        {
            found = made;
            Settle(Kind.Company, key, made.Id);
        }

        if (found is null)
        {
            var identity = identifiers.Count > 0 ? IdentifierKey(identifiers[0].Scheme, identifiers[0].Value) : key;
            found = New(Kind.Company, NameKeys.Slug(key), "company:" + identity);
            Near(Kind.Company, name, key, found);
            if (ambiguous)
            {
                madeForAmbiguous[(Kind.Company, key)] = found;
            }
        }

        companiesByName.TryAdd(key, found);
        foreach (var (scheme, value) in identifiers)
        {
            companiesByIdentifier.TryAdd(IdentifierKey(scheme, value), found);
            if (!found.Existing)
            {
                found.Identifiers.TryAdd(scheme, value);
            }
        }

        found.Saw(name);
        return found;
    }

    /// <summary>The agency, sub-agency or office a row names; an office is told apart by the agency it belongs to.</summary>
    public ImportedEntity Agency(string name, ImportedEntity? within)
    {
        var nameKey = NameKeys.Agency(name);
        var key = within is null ? nameKey : within.Id + "/" + nameKey;
        var ambiguous = IsAmbiguous(Kind.Agency, nameKey);
        var cacheKey = ambiguous ? key + "|" + Lookup.Normalize(name) : key;
        if (!agenciesByKey.TryGetValue(cacheKey, out var found))
        {
            if (agencySameAs.TryGetValue(nameKey, out var sameAsId))
            {
                found = ExistingEntity(Kind.Agency, sameAsId);
                Record(new ImportMatch(Kind.Agency, name, sameAsId, MatchedBy.SameAs));
            }
            else
            {
                found = ByKey(Kind.Agency, name, nameKey, [], within);
                if (found is null && ambiguous && agenciesByKey.TryGetValue(key, out var made))
                {
                    found = made;
                    Settle(Kind.Agency, nameKey, made.Id);
                }
                else if (found is null)
                {
                    found = New(Kind.Agency, NameKeys.Slug(nameKey), "agency:" + key);
                    Near(Kind.Agency, name, nameKey, found);
                    agenciesByKey[key] = found;
                }
            }

            agenciesByKey[cacheKey] = found;
        }
        else if (found.Existing)
        {
            Record(new ImportMatch(Kind.Agency, name, found.Id, matchedHow[(Kind.Agency, nameKey)]));
        }

        found.Saw(name);
        return found;
    }

    /// <summary>
    /// Adds a tie unless it joins an entity to itself, the graph merged with already has it, or it would close a
    /// cycle of an acyclic type (that is reported once as a warning).
    /// </summary>
    public void Tie(ImportedEntity from, string type, ImportedEntity to, string file, long line, int column)
    {
        if (from.Id == to.Id || from.Ties.Contains((type, to.Id)) || ExistingTargets(from.Id, type).Contains(to.Id, StringComparer.Ordinal))
        {
            return;
        }

        if (Reaches(to.Id, from.Id, type))
        {
            if (reportedCycles.Add((from.Id, type, to.Id)))
            {
                warn(DiagnosticCodes.TieLeftOut, file, checked((int)line), column, $"the {type} tie from '{from.Id}' to '{to.Id}' is left out: '{to.Id}' is already {type.Replace('_', ' ')} '{from.Id}', and {type} ties must not form a cycle", "check the names in the CSV file");
            }

            return;
        }

        from.Ties.Add((type, to.Id));
    }

    /// <summary>Takes <paramref name="desired"/> when it is free, else the desired id with a short hash of the identity.</summary>
    public string Allocate(string desired, string fallback, string identity)
    {
        var id = desired.Length == 0 ? fallback + "-" + NameKeys.Hash([identity], 8) : desired;
        for (var length = 6; taken.Contains(id); length += 2)
        {
            id = (desired.Length == 0 ? fallback : desired) + "-" + NameKeys.Hash([identity], length);
        }

        taken.Add(id);
        return id;
    }

    private static string IdentifierKey(string scheme, string value) => scheme + ":" + value.Trim().ToUpperInvariant();

    private static int CompareMatches(ImportMatch a, ImportMatch b)
    {
        var c = a.Kind.CompareTo(b.Kind);
        c = c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        c = c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        return c != 0 ? c : a.By.CompareTo(b.By);
    }

    private static int CompareCandidates(ImportCandidate a, ImportCandidate b)
    {
        var c = a.Kind.CompareTo(b.Kind);
        c = c != 0 ? c : string.CompareOrdinal(NameKeys.Of(a.Kind, a.Name), NameKeys.Of(b.Kind, b.Name));
        return c != 0 ? c : string.CompareOrdinal(a.CandidateId, b.CandidateId);
    }

    // Whether the name key names two or more entities of the graph merged with (not_same judgements left out).
    private bool IsAmbiguous(Kind kind, string key) =>
        keys[kind].Find(key).Where(h => !notSame.Contains((key, h.Entity.Id))).Select(h => h.Entity.Id).Distinct().Skip(1).Any();

    private void Record(ImportMatch match)
    {
        matches.Add(match);
        if (match.Kind != Kind.Contract)
        {
            matchedHow.TryAdd((match.Kind, NameKeys.Of(match.Kind, match.Name)), match.By);
        }
    }

    // Candidates recorded before the row's entity had an id (ambiguous or conflicting keys) get it.
    private void Settle(Kind kind, string key, string id)
    {
        foreach (var pending in candidates.Where(c => c.Kind == kind && c.Id.Length == 0 && NameKeys.Of(kind, c.Name) == key).ToList())
        {
            candidates.Remove(pending);
            candidates.Add(pending with { Id = id });
        }
    }

    /// <summary>
    /// The entity of the graph merged with that the name key names: one entity (by its name or an alias) is a match;
    /// two or more are candidates, as is one whose identifier of the same scheme differs. An office is matched only
    /// among the offices of the agency it belongs to.
    /// </summary>
    private ImportedEntity? ByKey(Kind kind, string name, string key, IReadOnlyList<(string Scheme, string Value)> identifiers, ImportedEntity? within = null)
    {
        var hits = keys[kind].Find(key).Where(h => !notSame.Contains((key, h.Entity.Id))).ToList();
        if (within is not null)
        {
            var inside = hits.Where(h => ExistingTargets(h.Entity.Id, "part_of").Contains(within.Id, StringComparer.Ordinal)).ToList();
            if (inside.Count == 0)
            {
                foreach (var outside in hits.DistinctBy(h => h.Entity.Id))
                {
                    candidates.Add(new ImportCandidate(kind, name, string.Empty, outside.Entity.Id, outside.Entity.Name, $"the same name, but not part of '{within.Id}'"));
                }
            }

            hits = inside;
        }

        var distinct = hits.DistinctBy(h => h.Entity.Id).ToList();
        if (distinct.Count > 1)
        {
            // Of several entities with the key, the one with this very spelling (an entity an earlier import made for
            // it, say) is the match: a spelling is stronger evidence than a key.
            var normalized = Lookup.Normalize(name);
            var spelled = distinct.Where(h => h.Entity.Aliases.Append(h.Entity.Name).Any(n => Lookup.Normalize(n) == normalized)).ToList();
            if (spelled.Count == 1)
            {
                hits = spelled;
                distinct = spelled;
            }
        }

        if (distinct.Count == 1)
        {
            var hit = distinct[0];
            var conflict = identifiers.FirstOrDefault(i => hit.Entity is Company c && c.Identifiers.TryGetValue(i.Scheme, out var have) && IdentifierKey(i.Scheme, have) != IdentifierKey(i.Scheme, i.Value));
            if (conflict.Scheme is null)
            {
                var by = hits.Any(h => h.By == MatchedBy.Name) ? MatchedBy.Name : MatchedBy.Alias;
                Record(new ImportMatch(kind, name, hit.Entity.Id, by));
                return ExistingEntity(kind, hit.Entity.Id);
            }

            candidates.Add(new ImportCandidate(kind, name, string.Empty, hit.Entity.Id, hit.Entity.Name, $"the same name, but the {conflict.Scheme} differs"));
            return null;
        }

        foreach (var hit in distinct)
        {
            candidates.Add(new ImportCandidate(kind, name, string.Empty, hit.Entity.Id, hit.Entity.Name, $"the name is also a name of {distinct.Count} entities: {string.Join(", ", distinct.Select(d => d.Entity.Id))}"));
        }

        return null;
    }

    /// <summary>The near names of a new entity among those of the graph merged with: candidates for a person to judge.</summary>
    private void Near(Kind kind, string name, string key, ImportedEntity created)
    {
        Settle(kind, key, created.Id);
        foreach (var (entity, reason) in keys[kind].Near(key))
        {
            if (!notSame.Contains((key, entity.Id)))
            {
                candidates.Add(new ImportCandidate(kind, name, created.Id, entity.Id, entity.Name, reason));
            }
        }
    }

    private void AddSameAs(CsvMapping.SameAsRule rule)
    {
        if (existing is null)
        {
            warn(DiagnosticCodes.UnknownSameAs, rule.File, rule.Line, rule.Col, $"same_as maps '{rule.Name}' to '{rule.Id}', but there is no graph to merge with; rows with that name get an entity of their own", "give the curated graph to merge with (--data)");
            return;
        }

        if (!existing.TryGet(rule.Id, out var entity) || !counts(entity))
        {
            var candidateIds = existing.Entities.Where(e => counts(e) && e.Kind is Kind.Company or Kind.Agency).Select(e => e.Id);
            warn(DiagnosticCodes.UnknownSameAs, rule.File, rule.Line, rule.Col, $"same_as maps '{rule.Name}' to '{rule.Id}', which is not an entity of the graph to merge with; rows with that name get an entity of their own", Suggest.DidYouMean(rule.Id, candidateIds));
            return;
        }

        switch (entity.Kind)
        {
            case Kind.Company when !notSame.Contains((NameKeys.Company(rule.Name), rule.Id)):
                companySameAs.TryAdd(NameKeys.Company(rule.Name), rule.Id);
                break;
            case Kind.Agency when !notSame.Contains((NameKeys.Agency(rule.Name), rule.Id)):
                agencySameAs.TryAdd(NameKeys.Agency(rule.Name), rule.Id);
                break;
            case Kind.Company or Kind.Agency:
                // not_same wins over same_as for the same pair.
                break;
            default:
                warn(DiagnosticCodes.UnknownSameAs, rule.File, rule.Line, rule.Col, $"same_as maps '{rule.Name}' to '{rule.Id}', which is a {entity.Kind.ToName()}; only companies and agencies are matched", "name a company or an agency");
                break;
        }
    }

    private ImportedEntity ExistingEntity(Kind kind, string id)
    {
        if (!byId.TryGetValue(id, out var entity))
        {
            entity = new ImportedEntity(kind, id, existing: true);
            byId[id] = entity;
        }

        return entity;
    }

    private ImportedEntity New(Kind kind, string slug, string identity)
    {
        var entity = new ImportedEntity(kind, Allocate(slug, kind.ToName(), identity), existing: false);
        byId[entity.Id] = entity;
        return entity;
    }

    private IEnumerable<string> ExistingTargets(string id, string type) =>
        existing is not null && existing.TryGet(id, out var entity) && counts(entity)
            ? existing.TiesFrom(entity).Where(t => t.Type.Name == type && counts(t.To)).Select(t => t.To.Id)
            : [];

    private bool Reaches(string start, string target, string type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var stack = new Stack<string>([start]);
        while (stack.TryPop(out var id))
        {
            if (id == target)
            {
                return true;
            }

            var imported = byId.TryGetValue(id, out var entity) ? entity.Ties.Where(t => t.Type == type).Select(t => t.To) : [];
            foreach (var next in imported.Concat(ExistingTargets(id, type)))
            {
                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return false;
    }

    /// <summary>The name keys of the entities of one kind of the graph merged with, with blocks for near names.</summary>
    private sealed class KeyIndex
    {
        private readonly Dictionary<string, List<(Entity Entity, MatchedBy By)>> byKey = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> keysByBlock = new(StringComparer.Ordinal);

        public void Add(Entity entity, string key, MatchedBy by)
        {
            if (key.Length == 0)
            {
                return;
            }

            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
                foreach (var block in Blocks(key))
                {
                    if (!keysByBlock.TryGetValue(block, out var keyList))
                    {
                        keysByBlock[block] = keyList = [];
                    }

                    keyList.Add(key);
                }
            }

            if (!list.Any(h => ReferenceEquals(h.Entity, entity) && h.By == by))
            {
                list.Add((entity, by));
            }
        }

        public IReadOnlyList<(Entity Entity, MatchedBy By)> Find(string key) => byKey.TryGetValue(key, out var list) ? list : [];

        /// <summary>The entities whose name key is near <paramref name="key"/> (but not the same), each once, with the reason.</summary>
        public IEnumerable<(Entity Entity, string Reason)> Near(string key)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var compared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var block in Blocks(key))
            {
                foreach (var other in keysByBlock.GetValueOrDefault(block) ?? [])
                {
                    if (!compared.Add(other) || NameKeys.NearReason(key, other, loose: true) is not { } reason)
                    {
                        continue;
                    }

                    foreach (var (entity, _) in byKey[other])
                    {
                        if (seen.Add(entity.Id))
                        {
                            yield return (entity, reason);
                        }
                    }
                }
            }
        }

        // Keys that share a word, or the first or last three letters, are compared; others cannot be near.
        private static IEnumerable<string> Blocks(string key)
        {
            foreach (var word in key.Split(' '))
            {
                yield return "w:" + word;
                if (word.Length > 3 && word.EndsWith("COM", StringComparison.Ordinal))
                {
                    yield return "w:" + word[..^3];
                }
            }

            yield return "a:" + key[..Math.Min(3, key.Length)];
            yield return "z:" + key[Math.Max(0, key.Length - 3)..];
        }
    }
}

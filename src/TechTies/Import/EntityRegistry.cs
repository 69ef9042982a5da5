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
/// The companies and agencies of one import, kept in memory because they repeat across rows: found by identifier,
/// by the mapping's <c>same_as</c>, or by name key, and given stable ids that do not clash with the graph merged with.
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
    private readonly HashSet<(string, string, string)> reportedCycles = [];

    /// <param name="existing">The graph to merge with, or <see langword="null"/>.</param>
    /// <param name="counts">Whether an entity of <paramref name="existing"/> takes part (those of the file being replaced do not).</param>
    /// <param name="sameAs">The mapping's <c>same_as</c> rules.</param>
    /// <param name="warn">Reports a warning: code, file, line, column, message, suggestion.</param>
    public EntityRegistry(TechTiesGraph? existing, Func<Entity, bool> counts, IEnumerable<CsvMapping.SameAsRule> sameAs, Action<string, string, int, int, string, string?> warn)
    {
        this.existing = existing;
        this.counts = counts;
        this.warn = warn;
        foreach (var entity in existing?.Entities.Where(counts) ?? [])
        {
            taken.Add(entity.Id);
            IEnumerable<KeyValuePair<string, string>> identifiers = entity is Company company ? company.Identifiers : [];
            foreach (var (scheme, value) in identifiers)
            {
                existingByIdentifier.TryAdd(IdentifierKey(scheme, value), entity.Id);
            }
        }

        foreach (var rule in sameAs)
        {
            AddSameAs(rule);
        }
    }

    public IEnumerable<ImportedEntity> Defined => byId.Values.Where(e => !e.Existing);

    public IEnumerable<ImportedEntity> Matched => byId.Values.Where(e => e.Existing);

    public IEnumerable<string> MatchedIds => Matched.Select(e => e.Id);

    public bool IsTaken(string id) => taken.Contains(id);

    /// <summary>The company a row names, by identifier first, then <c>same_as</c>, then name key.</summary>
    public ImportedEntity Company(string name, IReadOnlyList<(string Scheme, string Value)> identifiers)
    {
        var key = NameKeys.Company(name);
        ImportedEntity? found = null;
        foreach (var (scheme, value) in identifiers)
        {
            if (companiesByIdentifier.TryGetValue(IdentifierKey(scheme, value), out found))
            {
                break;
            }
        }

        if (found is null)
        {
            foreach (var (scheme, value) in identifiers)
            {
                if (existingByIdentifier.TryGetValue(IdentifierKey(scheme, value), out var id))
                {
                    found = ExistingEntity(Kind.Company, id);
                    break;
                }
            }
        }

        if (found is null && companySameAs.TryGetValue(key, out var sameAsId))
        {
            found = ExistingEntity(Kind.Company, sameAsId);
        }

        if (found is null && companiesByName.TryGetValue(key, out var byName)
            && identifiers.All(i => !byName.Identifiers.TryGetValue(i.Scheme, out var have) || IdentifierKey(i.Scheme, have) == IdentifierKey(i.Scheme, i.Value)))
        {
            found = byName;
        }

        if (found is null)
        {
            var identity = identifiers.Count > 0 ? IdentifierKey(identifiers[0].Scheme, identifiers[0].Value) : key;
            found = New(Kind.Company, NameKeys.Slug(key), "company:" + identity);
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
        if (!agenciesByKey.TryGetValue(key, out var found))
        {
            found = agencySameAs.TryGetValue(nameKey, out var sameAsId)
                ? ExistingEntity(Kind.Agency, sameAsId)
                : New(Kind.Agency, NameKeys.Slug(nameKey), "agency:" + key);
            agenciesByKey[key] = found;
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

    private void AddSameAs(CsvMapping.SameAsRule rule)
    {
        if (existing is null)
        {
            warn(DiagnosticCodes.UnknownSameAs, rule.File, rule.Line, rule.Col, $"same_as maps '{rule.Name}' to '{rule.Id}', but there is no graph to merge with; rows with that name get an entity of their own", "give the curated graph to merge with (--data)");
            return;
        }

        if (!existing.TryGet(rule.Id, out var entity) || !counts(entity))
        {
            var candidates = existing.Entities.Where(e => counts(e) && e.Kind is Kind.Company or Kind.Agency).Select(e => e.Id);
            warn(DiagnosticCodes.UnknownSameAs, rule.File, rule.Line, rule.Col, $"same_as maps '{rule.Name}' to '{rule.Id}', which is not an entity of the graph to merge with; rows with that name get an entity of their own", Suggest.DidYouMean(rule.Id, candidates));
            return;
        }

        switch (entity.Kind)
        {
            case Kind.Company:
                companySameAs.TryAdd(NameKeys.Company(rule.Name), rule.Id);
                break;
            case Kind.Agency:
                agencySameAs.TryAdd(NameKeys.Agency(rule.Name), rule.Id);
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
}

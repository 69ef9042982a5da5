using System.Collections.Immutable;
using static TechTies.Loading.FormatV1;

namespace TechTies.Loading;

// Phase 4: ties, resolved, checked against their types, numbered and sorted.
internal sealed partial class GraphReader
{
    // Phase 4: ties, in ordinal order of id. Ids are made again when asked for, so the graph does not hold a string
    // per tie; parallel ties (the same id but for the number) are numbered and sorted without making them.
    private List<Tie> BuildTies()
    {
        // The ties sections' ties first, then those entities make, in the order the entities were written: parallel
        // ties are numbered in this order once sorted (see SortTies).
        var count = rawTies.Count + rawOrder.Sum(e => e.Ties.Count);
        var ties = new List<Tie>(count);
        foreach (var t in rawTies.Concat(rawOrder.SelectMany(e => e.Ties)))
        {
            // The relationship fields of a contract or protest take its dates and sources once it is built.
            var defaults = t.Defaults ?? t.Owner?.Defaults;
            if (BuildTie(t, defaults) is { } tie)
            {
                ties.Add(new Tie(tie.Type, tie.From, tie.To, tie.Facts, tie.Contract, t.File, t.TypeLine, t.TypeColumn, parallel: 1));
            }
        }

        return ties;
    }

    // Whether two parallel ties say the same thing: a tie written twice (as a field and again in ties:, say) rather
    // than two ties, such as two contracts or two periods.
    private static bool SameClaim(Tie a, Tie b) =>
        ReferenceEquals(a.Contract, b.Contract) && a.Since == b.Since && a.Until == b.Until && a.Amount == b.Amount
        && a.Status == b.Status && a.Description == b.Description && a.Citations.SequenceEqual(b.Citations)
        && a.FieldClaims.IsEmpty && b.FieldClaims.IsEmpty;

    // The ties in ordinal order of id, parallel ties numbered. Sorting puts ties with the same ends, type and contract
    // next to each other in the order they were written (the ties sections' first, then the entities' in the order
    // written), so they are numbered there, without a map of every tie's id.
    private Tie[] SortTies(List<Tie> ties)
    {
        var order = TieOrder.Sort(ties, entities.Values, schema.RelationshipTypes);
        var sorted = new Tie[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = ties[order[i]];
        }

        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && TieOrder.SameIdParts(sorted[start], sorted[end]))
            {
                end++;
            }

            if (end - start > 1)
            {
                NumberParallel(sorted.AsSpan(start, end - start));
            }

            start = end;
        }

        return sorted;
    }

    // Parallel ties in the order written: the first keeps its id, the others get #2, #3…, and a tie that says what
    // the first says is a repeat (TT0062). Then in the order of their ids: the text of the numbers (#10 before #2).
    private void NumberParallel(Span<Tie> run)
    {
        var first = run[0];
        var at = first.Location!;
        for (var n = 2; n <= run.Length; n++)
        {
            var tie = run[n - 1];
            if (SameClaim(first, tie))
            {
                var here = tie.Location!;
                diagnostics.Warning(DiagnosticCodes.RepeatedTie, here.File, here.Line, here.Column, $"this {tie.Type.Name} tie from {DiagnosticText.Quote(tie.From.Id)} to {DiagnosticText.Quote(tie.To.Id)} repeats the one at {at.File}:{at.Line}:{at.Column}, with the same dates, amount, status, description and sources", "remove one of them, or tell them apart by their dates, amount or sources");
            }

            run[n - 1] = tie.WithParallel(n);
        }

        run[1..].Sort(TieOrder.CompareParallel);
    }

    private (RelationshipType Type, Entity From, Entity To, TieFacts? Facts, Contract? Contract)? BuildTie(RawTie t, TieDefaults? defaults)
    {
        if (!schema.TryGet(t.Type, out var type))
        {
            diagnostics.Error(DiagnosticCodes.UnknownRelationshipType, t.File, t.TypeLine, t.TypeColumn, $"{DiagnosticText.Quote(t.Type)} is not a relationship type", Suggest.DidYouMean(t.Type, schema.RelationshipTypes.Select(r => r.Name)) ?? "declare it in relationship_types:");
            return Unmade(t);
        }

        var from = Resolve(t.File, t.From, type, start: true);
        var to = Resolve(t.File, t.To, type, start: false);
        if (from is null || to is null)
        {
            return Unmade(t);
        }

        if (!type.Allows(from.Kind, to.Kind))
        {
            var at = type.From.Contains(from.Kind) ? t.To : t.From;
            ErrorOnce(DiagnosticCodes.WrongEndpointKind, t.File, at, $"{A(type.Name)} tie cannot join {A(from.Kind.ToName())} ({from.Id}) to {A(to.Kind.ToName())} ({to.Id})", $"{type.Name} goes from {Describe(type.From)} to {Describe(type.To)}" + (type.SameKind ? " of the same kind" : string.Empty));
            return Unmade(t);
        }

        if (ReferenceEquals(from, to))
        {
            diagnostics.Error(DiagnosticCodes.SelfTie, t.File, t.To.Line, t.To.Column, $"{A(type.Name)} tie joins {DiagnosticText.Quote(from.Id)} to itself", "a tie joins two different entities");
            return Unmade(t);
        }

        var facts = defaults?.Facts ?? TieFacts.None;
        var own = t.Details is not null;
        if (t.Details is { } details)
        {
            facts = ReadTieFacts(t.File, details, facts);
        }

        if (facts.Citations.IsEmpty)
        {
            var severity = options.Strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            if (!own && defaults is not null && t.Owner is { } owner)
            {
                // The ties a contract or protest makes take its sources: one word about the entity, not one per tie.
                ReportOnce(DiagnosticCodes.TieWithoutSource, severity, t.File, owner.Key, $"{A(owner.Kind.ToName())} {DiagnosticText.Quote(owner.Key.Value)} cites no source, so neither do the ties it makes (such as the {type.Name} tie from {DiagnosticText.Quote(from.Id)} to {DiagnosticText.Quote(to.Id)})", $"add sources: [source-id] to the {owner.Kind.ToName()}");
            }
            else
            {
                diagnostics.Add(DiagnosticCodes.TieWithoutSource, severity, t.File, t.TypeLine, t.TypeColumn, $"the {type.Name} tie from {DiagnosticText.Quote(from.Id)} to {DiagnosticText.Quote(to.Id)} cites no source", "add sources: [source-id] to the tie" + (t.Owner is null ? string.Empty : " (write it as { to: id, sources: [...] })"));
            }
        }

        // A tie a contract makes with nothing of its own reads the contract's facts rather than holding them.
        return (type, from, to, own || defaults?.Contract is null ? facts : null, defaults?.Contract);
    }

    // A tie that cannot be made: its own fields are still checked, and it is left out (the load fails).
    private (RelationshipType Type, Entity From, Entity To, TieFacts? Facts, Contract? Contract)? Unmade(RawTie t)
    {
        if (t.Details is { } details)
        {
            ReadTieFacts(t.File, details, TieFacts.None);
        }

        return null;
    }

    // A tie's own fields over what it takes from its contract or protest. Read for a tie that cannot be made too
    // (an unknown type or end), so that its other problems are reported with that one.
    private TieFacts ReadTieFacts(string file, YMap details, TieFacts facts)
    {
        var fields = new FieldReader(this, file, details);
        var since = fields.Date("since") ?? facts.Since;
        var until = fields.Date("until") ?? facts.Until;
        fields.CheckOrder("since", since, "until", until);
        fields.CheckCurrency();
        var amount = fields.Money("amount") ?? facts.Amount;
        var status = fields.Enum("status", StatusWords, required: false, facts.Status);
        var description = fields.Text("description");
        var cited = fields.Citations("sources");
        return new TieFacts(since, until, amount, status, description, cited.IsEmpty ? facts.Citations : cited, fields.Claims);
    }

    private Entity? Resolve(string file, YScalar reference, RelationshipType type, bool start)
    {
        if (entities.TryGetValue(reference.Value, out var entity))
        {
            return entity;
        }

        if (!raw.ContainsKey(reference.Value) && !suggestedIds.Contains(reference.Value))
        {
            UnknownReference(file, reference, start ? type.From : type.To, $"the {(start ? "start" : "end")} of {A(type.Name)} tie");
        }

        // Otherwise defined, but its own fields failed validation; that error is already reported.
        return null;
    }

    private void UnknownReference(string file, YScalar reference, ImmutableArray<Kind> kinds, string role)
    {
        // An id named by thousands of ties gets its message and suggestion made once, shared by all its diagnostics.
        if (!unknownReferences.TryGetValue((reference.Value, role), out var text))
        {
            var candidates = entities.Values.Where(x => kinds.Contains(x.Kind)).Select(x => x.Id);
            var byName = entities.Values.Where(x => kinds.Contains(x.Kind) && (Lookup.Normalize(x.Name) == Lookup.Normalize(reference.Value) || x.Aliases.Any(a => Lookup.Normalize(a) == Lookup.Normalize(reference.Value)))).Select(x => x.Id).ToList();
            var suggestion = byName.Count > 0 ? "did you mean " + string.Join(" or ", byName.Select(b => $"'{b}'")) + "? references use ids" : BuiltInHint(reference.Value) ?? Suggest.DidYouMean(reference.Value, candidates);
            text = ($"{DiagnosticText.Quote(reference.Value)} ({role}) is not the id of any {Describe(kinds)}", suggestion ?? "define it in its section, in any file of the graph");
            unknownReferences.Add((reference.Value, role), text);
        }

        ErrorOnce(DiagnosticCodes.UnknownReference, file, reference, text.Message, text.Suggestion);
    }

    // A reference to a defined entity holds that entity's own id string, not a copy of it per reference.
    private string IdOf(YScalar reference) => IdOf(reference.Value);

    private string IdOf(string reference) => raw.TryGetValue(reference, out var target) ? target.Key.Value : reference;

    // The citations of sources: [id] with nothing but the id, one list per source and graph however often it is cited.
    private ImmutableArray<Citation> CitationsOf(string source)
    {
        if (!sharedCitations.TryGetValue(source, out var citations))
        {
            var id = IdOf(source);
            citations = [new Citation { Source = id }];
            sharedCitations.Add(id, citations);
        }

        return citations;
    }

    /// <summary>A tie before resolution, placed at its type (or the field that makes it); <paramref name="Details"/> holds its own fields when written out.</summary>
    private sealed record RawTie(string File, YScalar From, string Type, int TypeLine, int TypeColumn, YScalar To, YMap? Details, RawEntity? Owner)
    {
        public TieDefaults? Defaults { get; init; }
    }

    /// <summary>What a tie made from a contract's or protest's fields takes from it unless it says otherwise.</summary>
    private sealed record TieDefaults(PartialDate? Since, PartialDate? Until, Money? Amount, TieStatus Status, ImmutableArray<Citation> Citations, Contract? Contract)
    {
        /// <summary>The facts every tie made from the contract or protest shares unless it gives its own.</summary>
        public TieFacts Facts { get; } = new(Since, Until, Amount, Status, null, Citations, []);
    }
}

using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using TechTies.Loading;

namespace TechTies.Querying;

/// <summary>
/// Runs a totals query on the graph's compact index: one pass over the contracts, their vendor, agency and office
/// read from the contract's own <c>awarded_to</c>/<c>awarded_by</c> ties, parents and departments followed once per
/// entity and remembered, sums kept per group and currency in decimal.
/// </summary>
internal static class TotalsEngine
{
    public static MoneyTotals Run(TechTiesGraph graph, TotalsOptions options)
    {
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The totals options are invalid:\n  " + string.Join("\n  ", problems), nameof(options));
        }

        var index = graph.Index;
        var warnings = new List<string>();
        var vendors = Resolve(graph, options.Vendors, Kind.Company, "vendor", warnings);
        var agencies = Resolve(graph, options.Agencies, Kind.Agency, "agency", warnings);
        var types = new Types(index);
        var vendorSet = options.Vendors.IsEmpty ? null : Closure(index, vendors, options.WithSubsidiaries ? types.SubsidiaryOf : -1);
        var agencySet = options.Agencies.IsEmpty ? null : Closure(index, agencies, types.PartOf);
        var time = options.TimeFilter();
        var field = FieldName(options.Value);

        using var groups = new Groups(index, options.By, options.Value);
        using var tops = options.By is TotalsGrouping.Parent or TotalsGrouping.Department ? new TopOf(index) : null;
        var needVendor = vendorSet is not null || options.By is TotalsGrouping.Vendor or TotalsGrouping.Parent;
        var needAgency = agencySet is not null || options.By is TotalsGrouping.Agency or TotalsGrouping.Office or TotalsGrouping.Department;
        var undated = 0;
        var kinds = index.NodeKinds;
        for (var node = 0; node < kinds.Length; node++)
        {
            if (kinds[node] != Kind.Contract)
            {
                continue;
            }

            var contract = (Contract)index.Nodes[node];
            var vendor = needVendor ? Vendor(index, types, node, contract) : -1;
            var (agency, office) = needAgency ? AgencyAndOffice(index, types, node, contract) : (-1, -1);
            if (vendorSet is not null && !vendorSet[vendor] && !(options.WithSubsidiaries && AwardParent(index, contract) is { } named && vendorSet[named]))
            {
                continue;
            }

            if (agencySet is not null && !agencySet[agency] && !(office >= 0 && agencySet[office]))
            {
                continue;
            }

            if (time is not null)
            {
                if (!time.HoldsInTime(contract.Start, contract.End))
                {
                    continue;
                }

                undated += contract.Start is null && contract.End is null ? 1 : 0;
            }

            var value = options.Value switch
            {
                MoneyField.Amount => contract.Amount,
                MoneyField.Obligated => contract.Obligated,
                MoneyField.CurrentValue => contract.CurrentValue,
                _ => contract.PotentialValue,
            };
            var disputed = value is not null && !contract.FieldClaims.IsEmpty && contract.ClaimsFor(field) is { IsDisputed: true };
            var key = options.By switch
            {
                TotalsGrouping.Vendor => vendor,
                TotalsGrouping.Parent => AwardParent(index, contract) ?? tops!.Find(vendor, types.SubsidiaryOf),
                TotalsGrouping.Agency => agency,
                TotalsGrouping.Office => office >= 0 ? office : agency,
                TotalsGrouping.Department => tops!.Find(agency, types.PartOf),
                TotalsGrouping.Year => contract.Start is { } start ? start.Year : Groups.UnknownYear,
                _ => 0,
            };
            groups.Add(key, node, value, disputed);
        }

        if (time is not null && undated > 0)
        {
            warnings.Add($"{undated} undated contract(s) were counted because their dates are unknown, so the date filter cannot tell whether they hold.");
        }

        return groups.Result(graph, options, vendors, agencies, undated, warnings);
    }

    /// <summary>The field name of a money field, as the YAML format writes it.</summary>
    public static string FieldName(MoneyField field) => field switch
    {
        MoneyField.Amount => "amount",
        MoneyField.Obligated => "obligated",
        MoneyField.CurrentValue => "current_value",
        _ => "potential_value",
    };

    /// <summary>
    /// The parent company the award record itself names (<see cref="Contract.VendorParentId"/>, YAML
    /// <c>vendor_parent</c>), as a node, or <see langword="null"/> when it names none: then the vendor's
    /// <c>subsidiary_of</c> chain gives the parent.
    /// </summary>
    private static int? AwardParent(GraphIndex index, Contract contract) =>
        contract.VendorParentId is { } id && index.TryGetNode(id, out var node) && index.Nodes[node].Kind == Kind.Company ? node : null;

    // The contract's vendor from the awarded_to tie it makes: no lookup by id per contract.
    private static int Vendor(GraphIndex index, Types types, int node, Contract contract)
    {
        foreach (var e in index.Out(node))
        {
            if (index.EdgeType[e] == types.AwardedTo)
            {
                return index.EdgeTo[e];
            }
        }

        return index.NodeOf(contract.VendorId);
    }

    // The contract's agency and office (or -1) from the awarded_by ties it makes.
    private static (int Agency, int Office) AgencyAndOffice(GraphIndex index, Types types, int node, Contract contract)
    {
        int agency = -1, office = -1;
        foreach (var e in index.Out(node))
        {
            if (index.EdgeType[e] != types.AwardedBy)
            {
                continue;
            }

            var to = index.EdgeTo[e];
            if (contract.OfficeId is { } officeId && office < 0 && index.Nodes[to].Id == officeId && officeId != contract.AgencyId)
            {
                office = to;
            }
            else
            {
                agency = to;
            }
        }

        return (agency >= 0 ? agency : index.NodeOf(contract.AgencyId), office);
    }

    // The entities, and with a type, every entity tied to one of them by that type, transitively (parts of an agency,
    // subsidiaries of a company): the ties point from the part to the whole, so they are walked backwards.
    private static bool[] Closure(GraphIndex index, ImmutableArray<Entity> entities, int type)
    {
        var set = new bool[index.Nodes.Length];
        var stack = new Stack<int>();
        foreach (var entity in entities)
        {
            var node = index.NodeOf(entity.Id);
            if (!set[node])
            {
                set[node] = true;
                stack.Push(node);
            }
        }

        while (type >= 0 && stack.Count > 0)
        {
            var node = stack.Pop();
            var row = index.In(node);
            var (start, end) = index.TypeRange(row, type);
            for (var k = start; k < end; k++)
            {
                var from = index.EdgeFrom[row[k]];
                if (!set[from])
                {
                    set[from] = true;
                    stack.Push(from);
                }
            }
        }

        return set;
    }

    // Names, ids and aliases are one entity each (of the role's kind, or an error); patterns select every entity of
    // the kind they match or end at, and say what else they matched.
    private static ImmutableArray<Entity> Resolve(TechTiesGraph graph, ImmutableArray<string> specs, Kind kind, string role, List<string> warnings)
    {
        var found = new List<Entity>();
        foreach (var spec in specs)
        {
            var text = spec.Trim();
            IEnumerable<Entity> matched;
            if (IsPathPattern(text))
            {
                var paths = graph.Query(PathQuery.Parse(text, graph) with { Limit = int.MaxValue });
                if (paths.IsTruncated)
                {
                    throw new ArgumentException($"The {role} pattern {DiagnosticText.Quote(text)} found only some of its matches ({paths.TruncationReason}), so a total over them would be incomplete; narrow the pattern.");
                }

                matched = paths.Select(p => p.End).Distinct();
            }
            else if (text.StartsWith('(') || text == "?")
            {
                var node = QueryParser.ParseNode(text, graph);
                matched = graph.Entities.Where(node.Matches);
            }
            else
            {
                var entity = graph.Find(text);
                if (entity.Kind != kind)
                {
                    throw new ArgumentException($"{DiagnosticText.Quote(text)} is {entity.Name} ({entity.Kind.ToName()} {entity.Id}), not {Article(kind)}: a {role} is {Article(kind)}.");
                }

                found.Add(entity);
                continue;
            }

            var all = matched.ToList();
            var kept = all.Where(e => e.Kind == kind).ToList();
            if (kept.Count < all.Count)
            {
                var others = all.Where(e => e.Kind != kind).ToList();
                warnings.Add($"The {role} pattern {DiagnosticText.Quote(text)} matched {others.Count} {(others.Count == 1 ? "entity" : "entities")} that {(others.Count == 1 ? "is" : "are")} not {Article(kind)}, left out: {string.Join(", ", others.Take(5).Select(e => e.Id))}{(others.Count > 5 ? ", …" : string.Empty)}.");
            }

            if (kept.Count == 0)
            {
                warnings.Add($"The {role} pattern {DiagnosticText.Quote(text)} matched no {kind.ToName()}, so no contract counts for it.");
            }

            found.AddRange(kept);
        }

        return [.. found.Distinct().OrderBy(e => e.Id, StringComparer.Ordinal)];
    }

    private static bool IsPathPattern(string text) =>
        text.Contains("-[", StringComparison.Ordinal) || text.Contains("<-", StringComparison.Ordinal)
        || text.Contains("->", StringComparison.Ordinal) || text.Contains("--", StringComparison.Ordinal);

    private static string Article(Kind kind) => kind == Kind.Agency ? "an agency" : "a " + kind.ToName();

    /// <summary>The type numbers totals walk (-1 for a type the graph's schema lacks).</summary>
    private sealed class Types(GraphIndex index)
    {
        public int AwardedTo { get; } = TypeOf(index, "awarded_to");

        public int AwardedBy { get; } = TypeOf(index, "awarded_by");

        public int SubsidiaryOf { get; } = TypeOf(index, "subsidiary_of");

        public int PartOf { get; } = TypeOf(index, "part_of");

        private static int TypeOf(GraphIndex index, string name) => index.TypeIdOf.TryGetValue(name, out var type) ? type : -1;
    }

    /// <summary>
    /// The top of a chain of one tie type (<c>subsidiary_of</c>, <c>part_of</c>): from an entity, the first tie of the
    /// type (by the other end's id) to the next, until an entity has none; remembered per entity. A cycle, which the
    /// data should not have, stops at the last entity before the repeat.
    /// </summary>
    private sealed class TopOf(GraphIndex index) : IDisposable
    {
        // Rented, not allocated: an array per node on every run would be a large-object allocation each time.
        private readonly int[] tops = Rent(index.Nodes.Length);
        private readonly List<int> chain = [];

        public int Find(int node, int type)
        {
            if (type < 0)
            {
                return node;
            }

            if (tops[node] > 0)
            {
                return tops[node] - 1;
            }

            chain.Clear();
            var current = node;
            while (true)
            {
                chain.Add(current);
                var row = index.Out(current);
                var (start, end) = index.TypeRange(row, type);
                if (start == end)
                {
                    break;
                }

                var next = index.EdgeTo[row[start]];
                if (tops[next] > 0)
                {
                    current = tops[next] - 1;
                    break;
                }

                if (chain.Contains(next))
                {
                    break;
                }

                current = next;
            }

            foreach (var member in chain)
            {
                tops[member] = current + 1;
            }

            return current;
        }

        public void Dispose() => ArrayPool<int>.Shared.Return(tops);
    }

    /// <summary>A pooled array of <paramref name="length"/> zeros (or more).</summary>
    private static int[] Rent(int length)
    {
        var array = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(array, 0, length);
        return array;
    }

    /// <summary>
    /// The groups being summed, by key (an entity's node number, or a year), in flat arrays by slot: a group's count,
    /// its total in its first currency (others aside), and at the end its contracts, placed by a counting sort.
    /// </summary>
    private sealed class Groups(GraphIndex index, TotalsGrouping by, MoneyField field) : IDisposable
    {
        public const int UnknownYear = int.MinValue;

        private readonly int[]? slotOfNode = by is TotalsGrouping.Year or TotalsGrouping.None ? null : Rent(index.Nodes.Length);
        private readonly int[] slotOfContract = Rent(index.Nodes.Length);
        private readonly Dictionary<int, int> slotOfKey = [];
        private readonly Dictionary<(int Slot, string Currency), decimal> otherCurrencies = [];

        // Every currency stated, with how many contracts state it and their grand total.
        private readonly List<string> currencies = [];
        private readonly List<int> currencyContracts = [];
        private readonly List<decimal> currencyTotals = [];
        private string? lastCurrency;
        private int lastCurrencyIndex;

        private int slots;
        // Per slot; pooled and grown by renting, as a run over a large graph would otherwise allocate them on the large
        // object heap every time.
        private int[] keys = ArrayPool<int>.Shared.Rent(64);
        private int[] counts = ArrayPool<int>.Shared.Rent(64);
        private int[] withoutValue = ArrayPool<int>.Shared.Rent(64);
        private int[] disputedCounts = ArrayPool<int>.Shared.Rent(64);
        private string?[] firstCurrency = ArrayPool<string?>.Shared.Rent(64);
        private decimal[] amounts = ArrayPool<decimal>.Shared.Rent(64);

        public void Add(int key, int contract, Money? value, bool disputed)
        {
            int slot;
            if (slotOfNode is not null)
            {
                slot = slotOfNode[key] - 1;
                if (slot < 0)
                {
                    slot = NewSlot(key);
                    slotOfNode[key] = slot + 1;
                }
            }
            else if (!slotOfKey.TryGetValue(key, out slot))
            {
                slot = NewSlot(key);
                slotOfKey.Add(key, slot);
            }

            slotOfContract[contract] = slot + 1;
            counts[slot]++;
            if (value is not { } money)
            {
                withoutValue[slot]++;
                return;
            }

            disputedCounts[slot] += disputed ? 1 : 0;
            var currency = money.Currency;
            if (firstCurrency[slot] is null)
            {
                firstCurrency[slot] = currency;
                amounts[slot] = money.Amount;
            }
            else if (ReferenceEquals(firstCurrency[slot], currency) || firstCurrency[slot] == currency)
            {
                amounts[slot] = checked(amounts[slot] + money.Amount);
            }
            else
            {
                otherCurrencies[(slot, currency)] = otherCurrencies.TryGetValue((slot, currency), out var other) ? checked(other + money.Amount) : money.Amount;
            }

            var at = CurrencyIndex(currency);
            currencyContracts[at]++;
            currencyTotals[at] = checked(currencyTotals[at] + money.Amount);
        }

        public void Dispose()
        {
            if (slotOfNode is not null)
            {
                ArrayPool<int>.Shared.Return(slotOfNode);
            }

            ArrayPool<int>.Shared.Return(slotOfContract);
            ArrayPool<int>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<int>.Shared.Return(withoutValue);
            ArrayPool<int>.Shared.Return(disputedCounts);
            ArrayPool<string?>.Shared.Return(firstCurrency, clearArray: true);
            ArrayPool<decimal>.Shared.Return(amounts);
        }

        public MoneyTotals Result(TechTiesGraph graph, TotalsOptions options, ImmutableArray<Entity> vendors, ImmutableArray<Entity> agencies, int undated, List<string> warnings)
        {
            // Each group's contracts, in node order (the ordinal order of their ids), one segment per slot of one array.
            var starts = new int[slots + 1];
            for (var s = 0; s < slots; s++)
            {
                starts[s + 1] = starts[s] + counts[s];
            }

            var members = ArrayPool<int>.Shared.Rent(starts[slots]);
            var fill = (int[])starts.Clone();
            for (var node = 0; node < index.Nodes.Length; node++)
            {
                var slot = slotOfContract[node] - 1;
                if (slot >= 0)
                {
                    members[fill[slot]++] = node;
                }
            }

            // Groups are ranked by their total in the currency most contracts state (ties: the code's ordinal order),
            // then by id; the slots are ranked before any group is made, so only what is shown is built.
            var rankCurrency = currencies.Count == 0 ? null : Enumerable.Range(0, currencies.Count)
                .OrderByDescending(i => currencyContracts[i]).ThenBy(i => currencies[i], StringComparer.Ordinal).Select(i => currencies[i]).First();
            var ids = ArrayPool<string>.Shared.Rent(slots);
            var order = ArrayPool<int>.Shared.Rent(slots);
            var amountsFirst = ArrayPool<decimal>.Shared.Rent(slots);
            int valued = 0, unvalued = slots;
            for (var s = 0; s < slots; s++)
            {
                ids[s] = IdOf(keys[s]);
                if (rankCurrency is not null && TotalIn(s, rankCurrency) is { } total)
                {
                    // Negated, so that an ascending sort puts the largest first.
                    amountsFirst[valued] = -total;
                    order[valued++] = s;
                }
                else
                {
                    order[--unvalued] = s;
                }
            }

            Array.Sort(amountsFirst, order, 0, valued);
            var byId = Comparer<int>.Create((a, b) => string.CompareOrdinal(ids[a], ids[b]));
            for (var run = 0; run < valued;)
            {
                var end = run + 1;
                while (end < valued && amountsFirst[end] == amountsFirst[run])
                {
                    end++;
                }

                if (end - run > 1)
                {
                    Array.Sort(order, run, end - run, byId);
                }

                run = end;
            }

            Array.Sort(order, valued, slots - valued, byId);

            var count = options.Top is { } top ? Math.Min(top, slots) : slots;
            var shown = new List<TotalsGroup>(count);
            for (var i = 0; i < count; i++)
            {
                var s = order[i];
                shown.Add(Group(graph, s, ids[s], i + 1, new ArraySegment<int>(members.AsSpan(starts[s], counts[s]).ToArray())));
            }

            if (by == TotalsGrouping.Year)
            {
                // Years read in time order; the ranks still say which were largest.
                shown = [.. shown.OrderBy(g => g.Key == UnknownYear ? int.MaxValue : g.Key)];
            }

            var others = count == slots ? null : Others(graph, order.AsSpan(count, slots - count), members, starts);
            var grand = ImmutableArray.CreateRange(Enumerable.Range(0, currencies.Count).OrderBy(i => currencies[i], StringComparer.Ordinal).Select(i => new Money(currencyTotals[i], currencies[i])));
            var without = 0;
            var disputed = 0;
            for (var s = 0; s < slots; s++)
            {
                without += withoutValue[s];
                disputed += disputedCounts[s];
            }

            var disputedTotals = shown.Count(g => g.Disputed > 0) + (others is { Disputed: > 0 } ? 1 : 0);
            var counted = starts[slots];
            ArrayPool<int>.Shared.Return(members);
            ArrayPool<string>.Shared.Return(ids, clearArray: true);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<decimal>.Shared.Return(amountsFirst);
            return new MoneyTotals(graph, options, vendors, agencies, [.. shown], others, grand, counted, without, disputed, disputedTotals, undated, [.. warnings], rankCurrency);
        }

        private int NewSlot(int key)
        {
            if (slots == Math.Min(Math.Min(Math.Min(keys.Length, counts.Length), Math.Min(withoutValue.Length, disputedCounts.Length)), Math.Min(firstCurrency.Length, amounts.Length)))
            {
                var size = slots * 2;
                Grow(ref keys, size, clear: false);
                Grow(ref counts, size, clear: false);
                Grow(ref withoutValue, size, clear: false);
                Grow(ref disputedCounts, size, clear: false);
                Grow(ref firstCurrency, size, clear: true);
                Grow(ref amounts, size, clear: false);
            }

            keys[slots] = key;
            counts[slots] = 0;
            withoutValue[slots] = 0;
            disputedCounts[slots] = 0;
            firstCurrency[slots] = null;
            amounts[slots] = 0m;
            return slots++;
        }

        private void Grow<T>(ref T[] array, int size, bool clear)
        {
            var larger = ArrayPool<T>.Shared.Rent(size);
            Array.Copy(array, larger, slots);
            ArrayPool<T>.Shared.Return(array, clear);
            array = larger;
        }

        private int CurrencyIndex(string currency)
        {
            if (!ReferenceEquals(currency, lastCurrency))
            {
                var at = currencies.IndexOf(currency);
                if (at < 0)
                {
                    at = currencies.Count;
                    currencies.Add(currency);
                    currencyContracts.Add(0);
                    currencyTotals.Add(0m);
                }

                lastCurrency = currency;
                lastCurrencyIndex = at;
            }

            return lastCurrencyIndex;
        }

        private decimal? TotalIn(int slot, string currency) =>
            firstCurrency[slot] == currency ? amounts[slot] : otherCurrencies.TryGetValue((slot, currency), out var other) ? other : null;

        // A slot's totals, one per currency in ordinal order of the code.
        private ImmutableArray<Money> TotalsOf(int slot)
        {
            if (firstCurrency[slot] is not { } first)
            {
                return [];
            }

            if (otherCurrencies.Count == 0)
            {
                return ImmutableArray.Create(new Money(amounts[slot], first));
            }

            return [.. otherCurrencies.Where(p => p.Key.Slot == slot).Select(p => new Money(p.Value, p.Key.Currency))
                .Append(new Money(amounts[slot], first))
                .OrderBy(m => m.Currency, StringComparer.Ordinal)];
        }

        private string IdOf(int key) => by switch
        {
            TotalsGrouping.Year when key == UnknownYear => "unknown",
            TotalsGrouping.Year => key.ToString(CultureInfo.InvariantCulture),
            TotalsGrouping.None => "all",
            _ => index.Nodes[key].Id,
        };

        private TotalsGroup Group(TechTiesGraph graph, int slot, string id, int rank, ArraySegment<int> contracts)
        {
            var key = keys[slot];
            var (name, entity) = by switch
            {
                TotalsGrouping.Year when key == UnknownYear => ("start unknown", (Entity?)null),
                TotalsGrouping.Year => (id, null),
                TotalsGrouping.None => ("all contracts", null),
                _ => (index.Nodes[key].Name, index.Nodes[key]),
            };
            return new TotalsGroup(graph, field, id, name, entity, key, rank, 1, TotalsOf(slot), contracts, sorted: true, withoutValue[slot], disputedCounts[slot]);
        }

        private TotalsGroup Others(TechTiesGraph graph, ReadOnlySpan<int> rest, int[] members, int[] starts)
        {
            var noun = by switch
            {
                TotalsGrouping.Vendor => "vendors",
                TotalsGrouping.Parent => "parents",
                TotalsGrouping.Agency => "agencies",
                TotalsGrouping.Office => "offices",
                TotalsGrouping.Department => "departments",
                _ => "years",
            };
            var byCurrency = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
            var contracts = new List<int>();
            int without = 0, disputed = 0;
            foreach (var slot in rest)
            {
                foreach (var total in TotalsOf(slot))
                {
                    byCurrency[total.Currency] = byCurrency.TryGetValue(total.Currency, out var so) ? checked(so + total.Amount) : total.Amount;
                }

                contracts.AddRange(new ArraySegment<int>(members, starts[slot], counts[slot]));
                without += withoutValue[slot];
                disputed += disputedCounts[slot];
            }

            // The contracts are put in order of id when someone lists them.
            var totals = ImmutableArray.CreateRange(byCurrency.Select(p => new Money(p.Value, p.Key)));
            return new TotalsGroup(graph, field, "others", $"{rest.Length.ToString(CultureInfo.InvariantCulture)} other {noun}", null, 0, 0, rest.Length, totals, new ArraySegment<int>([.. contracts]), sorted: false, without, disputed);
        }
    }
}

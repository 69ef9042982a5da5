using System.Collections.Immutable;
using static TechTies.Loading.FormatV1;

namespace TechTies.Loading;

// The checks across the whole graph (citations, vendor parents, cycles), datasets, and the field checks every section shares.
internal sealed partial class GraphReader
{
    // A contract's vendor_parent makes no tie, so it is checked here as a tie's end would be: a company of the graph.
    private void CheckVendorParents()
    {
        foreach (var (file, reference) in vendorParents)
        {
            if (entities.TryGetValue(reference.Value, out var entity))
            {
                if (entity.Kind != Kind.Company)
                {
                    diagnostics.Error(DiagnosticCodes.WrongEndpointKind, file, reference.Line, reference.Column, $"vendor_parent {DiagnosticText.Quote(reference.Value)} is {A(entity.Kind.ToName())}, but a vendor's parent is a company", Suggest.DidYouMean(reference.Value, entities.Values.Where(x => x.Kind == Kind.Company).Select(x => x.Id)) ?? "name the id of a company");
                }
            }
            else if (!raw.ContainsKey(reference.Value) && !suggestedIds.Contains(reference.Value))
            {
                UnknownReference(file, reference, [Kind.Company], "a contract's vendor_parent");
            }
        }
    }

    private void CheckCitations()
    {
        var sourceIds = entities.Values.OfType<Source>().Select(s => s.Id).ToList();
        foreach (var (citation, file, node) in citationsToCheck)
        {
            if (entities.TryGetValue(citation.Source, out var entity) || raw.TryGetValue(citation.Source, out _) || suggestedIds.Contains(citation.Source))
            {
                if (entity is not null and not Source)
                {
                    diagnostics.Error(DiagnosticCodes.DanglingSource, file, node.Line, node.Column, $"{DiagnosticText.Quote(citation.Source)} is cited as a source but is {A(entity.Kind.ToName())}", Suggest.DidYouMean(citation.Source, sourceIds) ?? "cite an id from the sources: section");
                }

                continue;
            }

            diagnostics.Error(DiagnosticCodes.DanglingSource, file, node.Line, node.Column, $"the cited source {DiagnosticText.Quote(citation.Source)} is not defined", BuiltInHint(citation.Source) ?? Suggest.DidYouMean(citation.Source, sourceIds) ?? "define it in a sources: section");
        }
    }

    private void CheckCycles(List<Tie> ties)
    {
        foreach (var type in schema.RelationshipTypes.Where(t => t.Acyclic))
        {
            var edges = ties.Where(t => t.Type == type).GroupBy(t => t.From.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
            {
                if (state.ContainsKey(start))
                {
                    continue;
                }

                // Iterative depth-first search; a tie into a node on the current path closes a cycle.
                var path = new List<string> { start };
                var stack = new Stack<(string Node, int Next)>();
                stack.Push((start, 0));
                state[start] = 1;
                while (stack.Count > 0)
                {
                    var (node, next) = stack.Pop();
                    var outgoing = edges.GetValueOrDefault(node) ?? [];
                    if (next >= outgoing.Count)
                    {
                        state[node] = 2;
                        path.RemoveAt(path.Count - 1);
                        continue;
                    }

                    stack.Push((node, next + 1));
                    var tie = outgoing[next];
                    var target = tie.To.Id;
                    var targetState = state.GetValueOrDefault(target);
                    if (targetState == 1)
                    {
                        var cycle = path.Skip(path.IndexOf(target)).Append(target).ToList();
                        var at = tie.Location!;

                        // A cycle of thousands of entities is named by its first few and its length, as long values are cut.
                        var shown = cycle.Count <= 12 ? string.Join(" -> ", cycle) : $"{string.Join(" -> ", cycle.Take(10))} -> … -> {target} ({(cycle.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} entities)";
                        diagnostics.Error(DiagnosticCodes.Cycle, at.File, at.Line, at.Column, $"{type.Name} ties form a cycle: {shown}", $"{type.Name} must not loop back; remove one of these ties");
                    }
                    else if (targetState == 0)
                    {
                        state[target] = 1;
                        path.Add(target);
                        stack.Push((target, 0));
                    }
                }
            }
        }
    }

    private ImmutableArray<DatasetInfo> BuildDatasets()
    {
        var list = new List<DatasetInfo>();
        foreach (var (file, map) in datasets)
        {
            // An unknown field fails the load; the known ones are still checked, so every problem is reported at once.
            CheckFields(file, map, DatasetFields, "dataset");
            var fields = new FieldReader(this, file, map);
            list.Add(new DatasetInfo { File = file, Name = fields.Text("name"), Title = fields.Text("title"), License = fields.Text("license"), Description = fields.Text("description"), Url = fields.Url("url") });
        }

        return [.. list];
    }

    // Shared checks.
    private bool CheckFields(string file, YMap map, string[] allowed, string what)
    {
        var ok = true;
        foreach (var (key, _) in map.Entries)
        {
            if (Array.IndexOf(allowed, key.Value) >= 0)
            {
                continue;
            }

            ok = false;
            if (!SplitNumber(file, map, key))
            {
                diagnostics.Error(DiagnosticCodes.UnknownField, file, key.Line, key.Column, $"{DiagnosticText.Quote(key.Value)} is not a field of {what}", Suggest.DidYouMean(key.Value, allowed) ?? "fields are " + string.Join(", ", allowed));
            }
        }

        return ok;
    }

    // In { amount: 39,000,000 } the commas separate fields: amount is 39, then come the keys 000 and 000 without a
    // value (the YAML reader leaves the second out of the mapping and does not report it as a duplicate key). Whether
    // the key is such a part of a number: the number is reported once, where it is written, with the advice to quote it.
    private bool SplitNumber(string file, YMap map, YScalar key)
    {
        var index = map.Entries.FindIndex(e => ReferenceEquals(e.Key, key));
        if (!YMap.IsNumberPart(key) || map.Entries[index].Value is not YScalar { IsNull: true } || map.SplitNumberBefore(index + 1) is not (>= 0 and var at))
        {
            return false;
        }

        if (at + 1 == index)
        {
            var (field, number) = (map.Entries[at].Key.Value, (YScalar)map.Entries[at].Value);
            var parts = map.Entries.Skip(index).TakeWhile(e => YMap.IsNumberPart(e.Key) && e.Value is YScalar { IsNull: true }).Select(e => e.Key.Value).ToList();
            var rest = parts.Count == 1 ? $"{DiagnosticText.Quote(parts[0])} a field of its own" : $"{string.Join(", ", parts.Select(DiagnosticText.Quote))} fields of their own";
            diagnostics.Error(DiagnosticCodes.UnknownField, file, number.Line, number.Column, $"inside {{ }} a comma separates fields, so {DiagnosticText.Quote(field)} is {number.Value} and {rest}", $"quote the whole value as written: {field}: \"{number.Value},{string.Join(",", parts)}…\"");
        }

        return true;
    }

    private YScalar? Required(string file, YMap map, string field, string what)
    {
        var node = map.ValueOf(field);
        if (node is YScalar { IsNull: false } scalar)
        {
            if (string.IsNullOrWhiteSpace(scalar.Value))
            {
                diagnostics.Error(DiagnosticCodes.MissingField, file, scalar.Line, scalar.Column, $"'{field}' of {what} is empty", $"give the {field}");
                return null;
            }

            return OneLine(file, field, scalar, anywhere: true) ? scalar : null;
        }

        if (node is null or YScalar)
        {
            diagnostics.Error(DiagnosticCodes.MissingField, file, (node ?? map).Line, (node ?? map).Column, $"{what} needs '{field}'", $"add {field}: ...");
        }
        else
        {
            WrongShape(file, node, field, "a single id");
        }

        return null;
    }
}

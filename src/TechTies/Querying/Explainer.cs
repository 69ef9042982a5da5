using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TechTies.Querying;

namespace TechTies
{
    /// <summary>How many entities survived one step of a pattern, ignoring the acyclicity of whole paths.</summary>
    public sealed class ExplainStep
    {
        internal ExplainStep(string pattern, ImmutableArray<Entity> candidates)
        {
            Pattern = pattern;
            Candidates = candidates;
        }

        /// <summary>The part of the pattern this step matches, such as <c>-[hosts_on]-&gt; ?</c>.</summary>
        public string Pattern { get; }

        /// <summary>The entities that can be reached this far, in ordinal order of id.</summary>
        public ImmutableArray<Entity> Candidates { get; }

        /// <summary>The pattern and the number of candidates, with up to five of their names.</summary>
        /// <returns>The text.</returns>
        public override string ToString()
        {
            var names = string.Join(", ", Candidates.Take(5).Select(c => c.Name)) + (Candidates.Length > 5 ? ", …" : string.Empty);
            return $"{Pattern}: {Candidates.Length.ToString(CultureInfo.InvariantCulture)} candidate{(Candidates.Length == 1 ? string.Empty : "s")}{(Candidates.IsEmpty ? string.Empty : $" ({names})")}";
        }
    }

    /// <summary>
    /// Why a query found what it found: per step the candidates that survived, and when nothing matched, the nearest
    /// miss (the longest prefix of the pattern that matches) and what the next step would have needed. Immutable.
    /// </summary>
    public sealed class QueryExplanation
    {
        internal QueryExplanation(string query, int found, ImmutableArray<ExplainStep> steps, GraphPath? nearestMiss, string? missingStep, ImmutableArray<GraphPath> otherConnections)
        {
            Query = query;
            Found = found;
            Steps = steps;
            NearestMiss = nearestMiss;
            MissingStep = missingStep;
            OtherConnections = otherConnections;
        }

        /// <summary>The normalized query.</summary>
        public string Query { get; }

        /// <summary>How many paths the query found (before its limit).</summary>
        public int Found { get; }

        /// <summary>One entry per node of the pattern: the first node, then each edge with the node after it.</summary>
        public ImmutableArray<ExplainStep> Steps { get; }

        /// <summary>When nothing was found: the first path matching the longest matching prefix of the pattern; otherwise <see langword="null"/>.</summary>
        public GraphPath? NearestMiss { get; }

        /// <summary>When nothing was found: what the step after the nearest miss would have needed, in words.</summary>
        public string? MissingStep { get; }

        /// <summary>
        /// When nothing was found and the pattern ends at one entity: the shortest connections (any type, either
        /// direction, at most 3 hops) from the nearest miss's end to that entity, to show what the data does say.
        /// </summary>
        public ImmutableArray<GraphPath> OtherConnections { get; }

        /// <summary>The explanation in lines of text.</summary>
        /// <returns>The text.</returns>
        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Query: {Query}").AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"Found {Found} path{(Found == 1 ? string.Empty : "s")}.").AppendLine();
            for (var i = 0; i < Steps.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  step {i + 1}: {Steps[i]}").AppendLine();
            }

            if (NearestMiss is not null)
            {
                text.Append("Nearest miss: ").Append(NearestMiss).AppendLine();
            }

            if (MissingStep is not null)
            {
                text.Append("Missing: ").Append(MissingStep).AppendLine();
            }

            foreach (var path in OtherConnections)
            {
                text.Append("Other connection: ").Append(path).AppendLine();
            }

            return text.ToString().TrimEnd();
        }
    }
}

namespace TechTies.Querying
{
    /// <summary>Builds a <see cref="QueryExplanation"/>.</summary>
    internal static class Explainer
    {
        public static QueryExplanation Explain(TechTiesGraph graph, PathQuery query)
        {
            // Only the number of matches is shown, so they are counted, not built.
            var found = PathMatcher.Count(graph, query).Count;
            var steps = Candidates(graph, query);
            GraphPath? nearest = null;
            string? missing = null;
            var others = ImmutableArray<GraphPath>.Empty;
            if (found == 0)
            {
                (nearest, missing) = NearestMiss(graph, query);
                var target = query.Nodes[^1].EntityId;
                var from = nearest?.End.Id ?? query.Nodes[0].EntityId;
                if (target is not null && from is not null && from != target)
                {
                    others = graph.Connect(from, target, new ConnectOptions { MaxHops = 3, Count = 3, AsOf = query.AsOf }).Paths;
                }
            }

            return new QueryExplanation(QueryPrinter.TryPrint(query), (int)Math.Min(found, int.MaxValue), steps, nearest, missing, others);
        }

        // Sets of entities reachable step by step; a relaxation that ignores repeated entities, so it over-counts.
        private static ImmutableArray<ExplainStep> Candidates(TechTiesGraph graph, PathQuery query)
        {
            var index = graph.Index;
            var steps = ImmutableArray.CreateBuilder<ExplainStep>();
            var frontier = new HashSet<int>(Enumerable.Range(0, index.Nodes.Length).Where(n => query.Nodes[0].Matches(index.Nodes[n])));
            steps.Add(new ExplainStep(NodeText(query, 0), ToEntities(index, frontier)));
            for (var e = 0; e < query.Edges.Length; e++)
            {
                var edge = query.Edges[e];
                var mask = PathMatcher.TypeMask(index, edge.Types);
                var reached = new HashSet<int>();
                var layer = frontier;
                for (var hop = 1; hop <= edge.MaxHops && layer.Count > 0; hop++)
                {
                    var next = new HashSet<int>();
                    foreach (var node in layer)
                    {
                        if (edge.Direction != EdgeDirection.In)
                        {
                            Add(index, query, edge, mask, index.Out(node), index.EdgeTo, next);
                        }

                        if (edge.Direction != EdgeDirection.Out)
                        {
                            Add(index, query, edge, mask, index.In(node), index.EdgeFrom, next);
                        }
                    }

                    if (hop >= edge.MinHops)
                    {
                        reached.UnionWith(next);
                    }

                    layer = next;
                }

                frontier = [.. reached.Where(n => query.Nodes[e + 1].Matches(index.Nodes[n]))];
                steps.Add(new ExplainStep(EdgeText(query, e) + " " + NodeText(query, e + 1), ToEntities(index, frontier)));
            }

            return steps.ToImmutable();
        }

        private static void Add(GraphIndex index, PathQuery query, EdgePattern edge, bool[] mask, ReadOnlySpan<int> row, int[] others, HashSet<int> next)
        {
            foreach (var e in row)
            {
                var tie = index.Edges[e];
                if (mask[index.EdgeType[e]] && query.HoldsInTime(tie) && (edge.Predicate is null || edge.Predicate(tie)))
                {
                    next.Add(others[e]);
                }
            }
        }

        private static (GraphPath? Path, string? Missing) NearestMiss(TechTiesGraph graph, PathQuery query)
        {
            for (var k = query.Edges.Length - 1; k >= 1; k--)
            {
                var prefix = query with { Nodes = query.Nodes[..(k + 1)], Edges = query.Edges[..k], Limit = 1 };
                var paths = PathMatcher.Run(graph, prefix);
                if (!paths.IsEmpty)
                {
                    var path = paths[0];
                    return (path, Needed(graph, query, k, path.End));
                }
            }

            return (null, query.Edges.IsEmpty ? null : $"no entity matching {NodeText(query, 0)} has a tie that matches {EdgeText(query, 0)} {NodeText(query, 1)}");
        }

        private static string Needed(TechTiesGraph graph, PathQuery query, int edge, Entity end)
        {
            var pattern = query.Edges[edge];
            var types = pattern.Types.IsEmpty ? "any" : string.Join(" or ", pattern.Types);
            var has = new List<string>();
            if (pattern.Direction != EdgeDirection.In)
            {
                has.AddRange(graph.TiesFrom(end).Where(t => pattern.Types.IsEmpty || pattern.Types.Contains(t.Type.Name)).Select(t => $"{t.Type.Label} {t.To.Name}"));
            }

            if (pattern.Direction != EdgeDirection.Out)
            {
                has.AddRange(graph.TiesTo(end).Where(t => pattern.Types.IsEmpty || pattern.Types.Contains(t.Type.Name)).Select(t => $"{t.Type.InverseLabel} {t.From.Name}"));
            }

            var what = $"a {types} tie ({EdgeText(query, edge)}) from {end.Name} to {NodeText(query, edge + 1)}";
            return has.Count == 0
                ? $"{what}; the graph gives {end.Name} no {types} ties that way at all"
                : $"{what}; {end.Name} only has: {string.Join("; ", has.Distinct())}";
        }

        private static string NodeText(PathQuery query, int i) =>
            QueryPrinter.TryPrint(new PathQuery { Nodes = [query.Nodes[i]] });

        private static string EdgeText(PathQuery query, int i)
        {
            var text = QueryPrinter.TryPrint(new PathQuery { Nodes = [NodePattern.Any, NodePattern.Any], Edges = [query.Edges[i] with { Predicate = null }] });
            return text[2..^2];
        }

        private static ImmutableArray<Entity> ToEntities(GraphIndex index, IEnumerable<int> nodes) =>
            [.. nodes.Order().Select(n => index.Nodes[n])];
    }
}

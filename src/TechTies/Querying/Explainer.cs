using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TechTies.Querying;

namespace TechTies
{
    /// <summary>
    /// How many entities survived one step of a pattern: those that end a path matching the pattern up to this step,
    /// under the query's semantics (no entity twice unless its mode allows it, dates, predicates), as
    /// <see cref="GraphQueries.Query(TechTiesGraph, Querying.PathQuery)"/> of that part of the pattern finds them.
    /// </summary>
    public sealed class ExplainStep
    {
        internal ExplainStep(string pattern, ImmutableArray<Entity> candidates, string? truncationReason)
        {
            Pattern = pattern;
            Candidates = candidates;
            TruncationReason = truncationReason;
        }

        /// <summary>The part of the pattern this step matches, such as <c>-[hosts_on]-&gt; ?</c>.</summary>
        public string Pattern { get; }

        /// <summary>
        /// The entities at which a path matching the pattern up to this step ends (for the first step, the entities
        /// matching the first node), in ordinal order of id.
        /// </summary>
        public ImmutableArray<Entity> Candidates { get; }

        /// <summary>
        /// Which limit (the expansion budget or the time limit) stopped the search for this step's paths, so that
        /// there may be more candidates; <see langword="null"/> when the search ran to the end.
        /// </summary>
        public string? TruncationReason { get; }

        /// <summary>The pattern and the number of candidates, with up to five of their names, and the truncation when the search was cut.</summary>
        /// <returns>The text.</returns>
        public override string ToString()
        {
            var names = string.Join(", ", Candidates.Take(5).Select(c => c.Name)) + (Candidates.Length > 5 ? ", …" : string.Empty);
            return $"{Pattern}: {Candidates.Length.ToString(CultureInfo.InvariantCulture)} candidate{(Candidates.Length == 1 ? string.Empty : "s")}{(Candidates.IsEmpty ? string.Empty : $" ({names})")}"
                + (TruncationReason is null ? string.Empty : $" (truncated: {TruncationReason})");
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

        /// <summary>
        /// How many paths the query found (before its limit), as <see cref="GraphQueries.Count(TechTiesGraph, Querying.PathQuery)"/>
        /// counts them; the last step's <see cref="ExplainStep.TruncationReason"/> says when a limit cut the search.
        /// </summary>
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
            // Each step is the query cut after that node, searched as graph.Count searches it; the last is the query,
            // with the query's own budget, so that it finds what Count finds. The steps before it share one more such
            // budget (and time limit): explaining costs at most twice what the query did, however long the pattern.
            // A prefix with no candidates leaves none for the longer ones.
            var steps = ImmutableArray.CreateBuilder<ExplainStep>(query.Nodes.Length);
            steps.Add(new ExplainStep(NodeText(query, 0), PathMatcher.Starts(graph, query), null));
            long found = 0;
            long budget = query.MaxExpansions;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var e = 0; e < query.Edges.Length; e++)
            {
                var text = EdgeText(query, e) + " " + NodeText(query, e + 1);
                if (steps[^1] is { Candidates.IsEmpty: true, TruncationReason: null })
                {
                    steps.Add(new ExplainStep(text, [], null));
                    found = 0;
                    continue;
                }

                var last = e == query.Edges.Length - 1;
                var timeLeft = last ? query.TimeLimit : query.TimeLimit - clock.Elapsed;
                if (!last && (budget <= 0 || timeLeft <= TimeSpan.Zero))
                {
                    steps.Add(new ExplainStep(text, [], budget <= 0
                        ? $"the expansion budget of {query.MaxExpansions.ToString(CultureInfo.InvariantCulture)} steps, shared by the steps of the explanation, ran out before this step"
                        : $"the time limit of {query.TimeLimit!.Value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms, shared by the steps of the explanation, ran out before this step"));
                    found = 0;
                    continue;
                }

                var (count, ends, truncation, used) = PathMatcher.Ends(graph, last ? query : Prefix(query, e + 1) with { MaxExpansions = (int)budget, TimeLimit = timeLeft });
                budget -= last ? 0 : used;
                steps.Add(new ExplainStep(text, ends, truncation));
                found = count;
            }

            GraphPath? nearest = null;
            string? missing = null;
            var others = ImmutableArray<GraphPath>.Empty;
            if (found == 0 && Repeated(graph, query) is { } repeated)
            {
                // No nearest miss or other connection could help: the pattern asks for a path with an entity twice.
                missing = repeated;
            }
            else if (found == 0)
            {
                (nearest, missing) = NearestMiss(graph, query with { MaxExpansions = (int)Math.Max(1, budget) }, steps);
                var target = query.Nodes[^1].EntityId;
                var from = nearest?.End.Id ?? query.Nodes[0].EntityId;
                if (target is not null && from is not null && from != target)
                {
                    others = graph.Connect(from, target, new ConnectOptions { MaxHops = 3, Count = 3, AsOf = query.AsOf }).Paths;
                }
            }

            return new QueryExplanation(QueryPrinter.TryPrint(query), (int)Math.Min(found, int.MaxValue), steps.ToImmutable(), nearest, missing, others);
        }

        // When the pattern names one entity at two of its nodes and paths never repeat an entity, why no path can match.
        private static string? Repeated(TechTiesGraph graph, PathQuery query)
        {
            if (query.Mode != TraversalMode.Acyclic)
            {
                return null;
            }

            for (var j = 1; j < query.Nodes.Length; j++)
            {
                var id = query.Nodes[j].EntityId;
                var i = id is null ? -1 : Enumerable.Range(0, j).FirstOrDefault(k => query.Nodes[k].EntityId == id, -1);
                if (i < 0)
                {
                    continue;
                }

                var entity = graph[id!];
                var where = i == 0 && j == query.Nodes.Length - 1
                    ? "both the start and the end of the pattern"
                    : $"at both node {(i + 1).ToString(CultureInfo.InvariantCulture)} and node {(j + 1).ToString(CultureInfo.InvariantCulture)} of the pattern";
                return $"{entity.Name} ({entity.Id}) is {where}, but a path never has the same entity twice (unless the query says mode trail or mode walk)";
            }

            return null;
        }

        // The query's first `edges` edges and the nodes around them.
        private static PathQuery Prefix(PathQuery query, int edges) =>
            edges == query.Edges.Length ? query : query with { Nodes = query.Nodes[..(edges + 1)], Edges = query.Edges[..edges] };

        // The longest prefix with candidates at its end is the nearest miss; its first path in query order is shown.
        private static (GraphPath? Path, string? Missing) NearestMiss(TechTiesGraph graph, PathQuery query, ImmutableArray<ExplainStep>.Builder steps)
        {
            for (var k = query.Edges.Length - 1; k >= 1; k--)
            {
                if (steps[k].Candidates.IsEmpty)
                {
                    continue;
                }

                // The longest prefix with candidates has a path, unless the budget cut its search: one try only.
                var paths = PathMatcher.Run(graph, Prefix(query, k) with { Limit = 1 });
                if (!paths.IsEmpty)
                {
                    var path = paths[0];
                    return (path, Needed(graph, query, k, path.End));
                }

                break;
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
    }
}

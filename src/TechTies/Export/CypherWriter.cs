using System.Globalization;
using System.Text;
using TechTies.Querying;

namespace TechTies;

/// <summary>
/// Turns a TechTies pattern into the equivalent Cypher <c>MATCH</c> over a graph imported with the <c>neo4j</c>
/// export (nodes labelled <c>Entity</c> and their kind, keyed by <c>id</c>; relationship types in upper case with
/// <c>since</c> and <c>until</c> as partial-date text), so a question asked here can be asked of Neo4j unchanged.
/// </summary>
/// <remarks>
/// The query's semantics are spelled out: acyclic paths (the default) become a condition that no node repeats;
/// trails are what Cypher's <c>MATCH</c> does anyway; walks have no Cypher equivalent and are refused. As-of and
/// during conditions apply to every relationship of the path, comparing partial dates as text at their precision
/// (undated ties are kept, as here). Name filters compare case-insensitively with names and aliases (Cypher's
/// <c>toLower</c> does not fold accents). Predicates written in C# have no text form and are refused.
/// </remarks>
public static class CypherWriter
{
    /// <summary>The Cypher <c>MATCH</c> … <c>RETURN p</c> statement equivalent to <paramref name="query"/>.</summary>
    /// <param name="query">The query, as parsed from a pattern or built with the fluent API.</param>
    /// <returns>The Cypher text.</returns>
    /// <exception cref="NotSupportedException">The query uses a C# predicate or walk mode, which Cypher cannot express.</exception>
    public static string ToCypher(this PathQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Mode == TraversalMode.Walk)
        {
            throw new NotSupportedException("Walk mode repeats relationships, which a Cypher MATCH never does: use the acyclic or trail mode.");
        }

        if (query.Nodes.Any(n => n.Predicate is not null) || query.Edges.Any(e => e.Predicate is not null))
        {
            throw new NotSupportedException("A query with a C# predicate (Where, WhereTie) has no Cypher form.");
        }

        var pattern = new StringBuilder("MATCH p = ");
        var conditions = new List<string>();
        for (var i = 0; i < query.Nodes.Length; i++)
        {
            var node = query.Nodes[i];
            var name = $"n{i.ToString(CultureInfo.InvariantCulture)}";
            pattern.Append('(').Append(name).Append(":Entity");
            if (node.Kind is { } kind)
            {
                pattern.Append(':').Append(TechTies.Export.Neo4jExporter.Label(kind));
            }

            if (node.EntityId is { } id)
            {
                pattern.Append(" {id: ").Append(Text(id)).Append('}');
            }

            pattern.Append(')');
            conditions.AddRange(node.Properties.Select(p => Property(name, p)));
            if (i < query.Edges.Length)
            {
                pattern.Append(Edge(query.Edges[i]));
            }
        }

        if (query.Mode == TraversalMode.Acyclic && query.Edges.Length > 0)
        {
            conditions.Add("ALL(i IN range(0, size(nodes(p)) - 2) WHERE NONE(j IN range(i + 1, size(nodes(p)) - 1) WHERE nodes(p)[i] = nodes(p)[j]))");
        }

        if (query.AsOf is { } asOf)
        {
            conditions.Add($"ALL(r IN relationships(p) WHERE {SinceAtMost(asOf.Start)} AND {UntilAtLeast(asOf.End)})");
        }
        else if (query.DuringFrom is { } from)
        {
            var to = query.DuringTo ?? from;
            conditions.Add($"ALL(r IN relationships(p) WHERE {SinceAtMost(to.End)} AND {UntilAtLeast(from.Start)})");
        }

        var text = new StringBuilder(pattern.ToString());
        if (conditions.Count > 0)
        {
            text.Append("\nWHERE ").AppendJoin("\n  AND ", conditions);
        }

        text.Append("\nRETURN p\nORDER BY length(p)\nLIMIT ").Append(query.Limit.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>The Cypher statement equivalent to the builder's query (see <see cref="ToCypher(PathQuery)"/>).</summary>
    /// <param name="builder">The fluent query.</param>
    /// <returns>The Cypher text.</returns>
    public static string ToCypher(this PathQueryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Query.ToCypher();
    }

    private static string Edge(EdgePattern edge)
    {
        var types = string.Join('|', edge.Types.Select(TechTies.Export.Neo4jExporter.RelationshipType));
        var hops = edge.MinHops == 1 && edge.MaxHops == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"*{edge.MinHops}..{edge.MaxHops}");
        var inside = types.Length == 0 && hops.Length == 0 ? string.Empty : $"[{(types.Length == 0 ? string.Empty : ":" + types)}{hops}]";
        return edge.Direction switch
        {
            EdgeDirection.Out => $"-{inside}->",
            EdgeDirection.In => $"<-{inside}-",
            _ => $"-{inside}-",
        };
    }

    private static string Property(string node, PropertyFilter filter) => filter.Name switch
    {
        "id" or "award_id" => $"{node}.{filter.Name} = {Text(filter.Value)}",
        "name" => $"(toLower({node}.name) = toLower({Text(filter.Value)}) OR ANY(a IN {node}.aliases WHERE toLower(a) = toLower({Text(filter.Value)})))",
        "type" => $"toLower({node}.protest_kind) = toLower({Text(filter.Value)})",
        _ => $"toLower({node}.{filter.Name}) = toLower({Text(filter.Value)})",
    };

    private static string SinceAtMost(DateOnly day) => $"(r.since IS NULL OR r.since <= {Text(Iso(day))})";

    // An until of 2018 holds on 2018-12-31: a day that starts with the until text is inside it.
    private static string UntilAtLeast(DateOnly day) => $"(r.until IS NULL OR r.until >= {Text(Iso(day))} OR {Text(Iso(day))} STARTS WITH r.until)";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace TechTies.Querying;

/// <summary>A recursive-descent parser of the text pattern language (grammar in docs/queries.md).</summary>
internal sealed class QueryParser
{
    private readonly string text;
    private readonly TechTiesGraph graph;
    private readonly List<string> warnings = [];
    private readonly Dictionary<string, int> variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Keyword, int At)> clauses = new(StringComparer.Ordinal);
    private int pos;

    private QueryParser(string text, TechTiesGraph graph)
    {
        this.text = text;
        this.graph = graph;
    }

    public static PathQuery Parse(string text, TechTiesGraph graph)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(graph);
        return new QueryParser(text, graph).Query();
    }

    /// <summary>One node pattern alone, such as <c>(:company {name: acme})</c> (totals select entities by one).</summary>
    public static NodePattern ParseNode(string text, TechTiesGraph graph)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(graph);
        var parser = new QueryParser(text, graph);
        parser.SkipSpace();
        var node = parser.Node();
        parser.SkipSpace();
        return parser.AtEnd ? node : throw parser.Error("expected the end of the node pattern; a pattern with edges, such as '(:protest) -[targets]-> (:company)', selects the entities its paths end at");
    }

    private PathQuery Query()
    {
        var nodes = ImmutableArray.CreateBuilder<NodePattern>();
        var edges = ImmutableArray.CreateBuilder<EdgePattern>();
        SkipSpace();
        if (AtEnd)
        {
            throw Error("the pattern is empty; start with an entity name, ? or (:kind)");
        }

        nodes.Add(Node());
        SkipSpace();

        // A node alone is no path: it used to match nothing, which read as "no such ties" (docs/queries.md).
        if (AtEnd || (Peek != '-' && Peek != '<'))
        {
            throw Error("a pattern needs at least one edge, such as 'palantir -- ?'; a node alone matches no path. To look an entity up, use graph.Find(name)", lookUp: "<entity>");
        }

        while (!AtEnd && (Peek == '-' || Peek == '<'))
        {
            if (edges.Count == PathQuery.MaxEdges)
            {
                throw Error($"the pattern has more than {PathQuery.MaxEdges.ToString(System.Globalization.CultureInfo.InvariantCulture)} edges, the most a pattern may have; for longer paths, use variable-length edges such as -[*1..5]->");
            }

            edges.Add(Edge());
            SkipSpace();
            if (AtEnd)
            {
                throw Error("expected a node after the edge: an entity name, ? or (:kind)");
            }

            if (IsClauseStart())
            {
                // "acme -- limit": the word starts a clause, so the edge has no node; an entity of that name is quoted.
                var at = pos;
                var word = Identifier();
                pos = at;
                throw Error($"expected a node after the edge, but '{word}' starts a clause (asof, during, limit, mode, expand); if '{word}' names an entity, quote it: \"{word}\"");
            }

            nodes.Add(Node());
            SkipSpace();
        }

        var query = new PathQuery { Nodes = nodes.ToImmutable(), Edges = edges.ToImmutable() };
        while (!AtEnd)
        {
            query = Clause(query);
            SkipSpace();
        }

        return query with { Warnings = [.. warnings] };
    }

    private NodePattern Node()
    {
        if (Peek == '?')
        {
            pos++;
            return NodePattern.Any;
        }

        if (Peek == '(')
        {
            return ParenNode();
        }

        var start = pos;
        var name = Peek == '"' ? Quoted() : Word();
        if (name.Length == 0)
        {
            throw Error($"expected a node (an entity name, ? or (:kind)) but found '{Peek}'", start);
        }

        var entity = graph.Find(name);
        if (entity is Source && !SourcesAreTied)
        {
            throw Error($"{(name == entity.Id ? $"'{name}' is a source" : $"'{name}' is the source {entity.Id}")} and matches no path: {SourceProblem(entity.Id)}", start, entity.Id);
        }

        return new NodePattern { EntityId = entity.Id };
    }

    private NodePattern ParenNode()
    {
        pos++;
        SkipSpace();
        string? variable = null;
        Kind? kind = null;
        if (IsWordChar(Peek))
        {
            var at = pos;
            variable = Identifier();
            if (!variables.TryAdd(variable, at))
            {
                // In Cypher a repeated variable is the same entity; the matcher does not bind variables, so a repeat
                // would silently match two different entities.
                throw Error($"the variable '{variable}' is already used at column {(variables[variable] + 1).ToString(CultureInfo.InvariantCulture)}; a repeated variable (the same entity at two nodes) is not supported: give each node its own variable, or name the entity at both nodes (with mode trail or walk: an acyclic path never repeats an entity)", at);
            }

            SkipSpace();
        }

        if (Peek == ':')
        {
            pos++;
            var at = pos;
            var kindName = Identifier();
            kind = KindNames.TryParse(kindName, out var k)
                ? k
                : throw Error($"unknown kind '{kindName}'; known kinds: {string.Join(", ", KindNames.All)}", at);
            if (kind == Kind.Source && !SourcesAreTied)
            {
                throw Error($"(:{kindName}) matches no path: {SourceProblem(null)}", at, "<source>");
            }

            SkipSpace();
        }

        var properties = ImmutableArray.CreateBuilder<PropertyFilter>();
        if (Peek == '{')
        {
            pos++;
            SkipSpace();
            while (Peek != '}')
            {
                var at = pos;
                var key = Identifier();
                if (!PropertyFilter.Known.Contains(key))
                {
                    throw Error($"unknown property '{key}'; known properties: {string.Join(", ", PropertyFilter.Known)}", at);
                }

                SkipSpace();
                Expect(':');
                SkipSpace();
                var value = Peek == '"' ? Quoted() : Word();
                if (value.Length == 0)
                {
                    throw Error($"expected a value for '{key}'");
                }

                properties.Add(new PropertyFilter(key, value));
                SkipSpace();
                if (Peek == ',')
                {
                    pos++;
                    SkipSpace();
                }
                else if (Peek != '}')
                {
                    throw Error("expected ',' or '}' in the property list");
                }
            }

            pos++;
            SkipSpace();
        }

        Expect(')');
        return new NodePattern { Variable = variable, Kind = kind, Properties = properties.ToImmutable() };
    }

    private EdgePattern Edge()
    {
        var start = pos;
        var incoming = false;
        if (Peek == '<')
        {
            incoming = true;
            pos++;
        }

        Expect('-');
        var types = ImmutableArray<string>.Empty;
        int min = 1, max = 1;
        var inverse = false;
        if (Peek == '[')
        {
            pos++;
            SkipSpace();
            (types, min, max, inverse) = EdgeSpec();
            SkipSpace();
            Expect(']');
        }

        Expect('-');
        var outgoing = false;
        if (Peek == '>')
        {
            outgoing = true;
            pos++;
        }

        if (incoming && outgoing)
        {
            throw Error("an edge points one way or none (<-[t]- , -[t]-> or -[t]-), not both", start);
        }

        // An inverse label ("makes") names its type walked the other way: -[makes]-> is <-[made_by]-.
        var direction = (incoming, outgoing) switch
        {
            (true, _) => inverse ? EdgeDirection.Out : EdgeDirection.In,
            (_, true) => inverse ? EdgeDirection.In : EdgeDirection.Out,
            _ => EdgeDirection.Both,
        };
        return new EdgePattern { Types = types, Direction = direction, MinHops = min, MaxHops = max };
    }

    // The types of an edge, by name or all by inverse label (then `Inverse`); a mix of the two is an error, since an
    // edge walks its types one way.
    private (ImmutableArray<string> Types, int Min, int Max, bool Inverse) EdgeSpec()
    {
        if (Peek == ':')
        {
            pos++;
        }

        var types = new SortedSet<string>(StringComparer.Ordinal);
        bool? inverse = null;
        while (IsWordChar(Peek))
        {
            var at = pos;
            var name = Identifier();
            var type = name;
            if (RelationshipTypeNames.Problem(graph.Schema, name) is { } problem)
            {
                if (InverseLabel(name) is not { } backward)
                {
                    throw Error(problem, at);
                }

                (type, name) = (backward.Type, backward.Label);
            }

            var isInverse = type != name;
            if (inverse is { } first && first != isInverse)
            {
                throw Error($"'{text[at..pos]}' and the other types of this edge are walked in opposite directions (an inverse label walks its type backward): write them as separate edges", at);
            }

            inverse = isInverse;
            types.Add(type);
            SkipSpace();
            if (Peek != '|')
            {
                break;
            }

            pos++;
            SkipSpace();
            if (!IsWordChar(Peek))
            {
                throw Error("expected a relationship type after '|'");
            }
        }

        if (Peek != '*')
        {
            return ([.. types], 1, 1, inverse == true);
        }

        var star = pos;
        pos++;
        var min = Number() ?? 1;
        var max = min;
        var unbounded = false;
        if (Peek == '.' && pos + 1 < text.Length && text[pos + 1] == '.')
        {
            pos += 2;
            var upper = Number();
            unbounded = upper is null;
            max = upper ?? PathQuery.UnboundedHops;
        }
        else if (pos == star + 1)
        {
            unbounded = true;
            max = PathQuery.UnboundedHops;
        }

        if (min < 1)
        {
            throw Error("a hop count starts at 1", star + 1);
        }

        if (unbounded)
        {
            max = Math.Max(max, min);
            warnings.Add($"An unbounded '*' at column {star + 1} is capped at {max} hops.");
        }

        if (max < min)
        {
            throw Error($"the hop range {min}..{max} is empty; write the lower bound first", star);
        }

        if (max > PathQuery.MaxHopsLimit)
        {
            throw Error($"at most {PathQuery.MaxHopsLimit} hops are allowed, not {max}", star);
        }

        return ([.. types], min, max, inverse == true);
    }

    // An inverse label that starts at the word just read, written with '_' ("targeted_by") or spaces ("targeted by")
    // between its words: the longest that the schema has, consumed; otherwise nothing is consumed.
    private (string Type, string Label)? InverseLabel(string first)
    {
        var ends = new List<int> { pos };
        var end = pos;
        while (true)
        {
            var next = end;
            while (next < text.Length && text[next] == ' ')
            {
                next++;
            }

            var wordEnd = next;
            while (wordEnd < text.Length && (char.IsAsciiLetterOrDigit(text[wordEnd]) || text[wordEnd] == '_'))
            {
                wordEnd++;
            }

            if (next == end || wordEnd == next)
            {
                break;
            }

            end = wordEnd;
            ends.Add(end);
        }

        for (var i = ends.Count - 1; i >= 0; i--)
        {
            var label = text[(pos - first.Length)..ends[i]];
            if (RelationshipTypeNames.InverseOf(graph.Schema, label) is { } type)
            {
                pos = ends[i];
                return (type.Name, label);
            }
        }

        return null;
    }

    private PathQuery Clause(PathQuery query)
    {
        var at = pos;
        var keyword = Identifier().ToLowerInvariant();
        SkipSpace();

        // asof and during are both the time filter; a second clause of a kind used to replace the first silently.
        var clause = keyword == "during" ? "asof" : keyword;
        if (clause is "asof" or "limit" or "mode" or "expand" && !clauses.TryAdd(clause, (keyword, at)))
        {
            var (first, firstAt) = clauses[clause];
            var column = (firstAt + 1).ToString(CultureInfo.InvariantCulture);
            throw Error(first == keyword
                ? $"'{keyword}' is already given at column {column}; give each clause once"
                : $"'{keyword}' after '{first}' at column {column}; a pattern has one time filter, asof or during", at);
        }

        switch (keyword)
        {
            case "asof":
                return query with { AsOf = Date() };
            case "during":
                var from = Date();
                if (!(Peek == '.' && pos + 1 < text.Length && text[pos + 1] == '.'))
                {
                    throw Error("expected '..' between the dates of 'during' (during 2015..2019)");
                }

                pos += 2;
                var to = Date();
                return to.End < from.Start
                    ? throw Error($"'during {from}..{to}' ends before it starts", at)
                    : query with { DuringFrom = from, DuringTo = to };
            case "limit":
                var limitAt = pos;
                var limit = Number() ?? throw Error("expected a number after 'limit'");
                return limit < 1 ? throw Error("the limit must be at least 1", limitAt) : query with { Limit = limit };
            case "mode":
                var modeAt = pos;
                var mode = Identifier().ToLowerInvariant();
                return mode switch
                {
                    "acyclic" => query with { Mode = TraversalMode.Acyclic },
                    "trail" => query with { Mode = TraversalMode.Trail },
                    "walk" => query with { Mode = TraversalMode.Walk },
                    _ => throw Error($"unknown mode '{mode}'; use acyclic, trail or walk", modeAt),
                };
            case "expand":
                return query with { ExpandParallel = true };
            default:
                throw Error(keyword.Length == 0
                    ? $"unexpected '{Peek}'; expected an edge (-[type]->) or a clause (asof, during, limit, mode, expand)"
                    : $"unknown clause '{keyword}'; expected asof, during, limit, mode or expand", at);
        }
    }

    private PartialDate Date()
    {
        var at = pos;
        while (!AtEnd && (char.IsAsciiDigit(Peek) || (Peek == '-' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1]))))
        {
            pos++;
        }

        var value = text[at..pos];
        return PartialDate.TryParse(value, out var date)
            ? date
            : throw Error($"expected a date such as 2018, 2018-07 or 2018-08-01 but found '{(value.Length > 0 ? value : Peek.ToString())}'", at);
    }

    private int? Number()
    {
        var at = pos;
        while (!AtEnd && char.IsAsciiDigit(Peek))
        {
            pos++;
        }

        return pos == at ? null
            : int.TryParse(text.AsSpan(at, pos - at), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw Error("the number is too large", at);
    }

    private string Identifier()
    {
        var at = pos;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek == '_'))
        {
            pos++;
        }

        return text[at..pos];
    }

    // A bare name: letters, digits and . _ & ' $; a hyphen belongs to it when a letter or digit follows (so that
    // palantir-open-letter-2018 is a name and palantir-[ starts an edge).
    private string Word()
    {
        var at = pos;
        while (!AtEnd && (IsWordChar(Peek) || (Peek == '-' && pos + 1 < text.Length && char.IsLetterOrDigit(text[pos + 1]) && pos > at)))
        {
            pos++;
        }

        return text[at..pos];
    }

    private string Quoted()
    {
        var at = pos;
        pos++;
        var builder = new StringBuilder();
        while (!AtEnd && Peek != '"')
        {
            if (Peek == '\\' && pos + 1 < text.Length)
            {
                pos++;
            }

            builder.Append(Peek);
            pos++;
        }

        if (AtEnd)
        {
            throw Error("the quoted name has no closing '\"'", at);
        }

        pos++;
        return builder.ToString();
    }

    private bool IsClauseStart()
    {
        var at = pos;
        var word = Identifier().ToLowerInvariant();
        pos = at;
        return word is "asof" or "during" or "limit" or "mode" or "expand";
    }

    private void Expect(char c)
    {
        if (AtEnd || Peek != c)
        {
            throw Error(AtEnd ? $"expected '{c}' but the pattern ends" : $"expected '{c}' but found '{Peek}'");
        }

        pos++;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek))
        {
            pos++;
        }
    }

    // Sources are cited by ties, not tied: no built-in relationship type has a source at either end, so a source
    // node used to match nothing, silently. A graph that declares such a type can query sources.
    private bool SourcesAreTied => graph.Schema.RelationshipTypes.Any(t => t.From.Contains(Kind.Source) || t.To.Contains(Kind.Source));

    // id: the source named in the pattern, or null for (:source).
    private static string SourceProblem(string? id) =>
        "sources are not tied to anything; ties and entities cite them. To find what a source supports, use "
        + (id is null
            ? "graph.TiesCiting(source) and graph.EntitiesCiting(source)"
            : $"graph.TiesCiting(graph[\"{id}\"]) and graph.EntitiesCiting(graph[\"{id}\"])");

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '&' or '\'' or '$';

    private bool AtEnd => pos >= text.Length;

    private char Peek => pos < text.Length ? text[pos] : '\0';

    private QueryParseException Error(string problem, int? at = null, string? lookUp = null) => new(text, (at ?? pos) + 1, problem) { LookUp = lookUp };
}

/// <summary>Prints a query in its normalized text form.</summary>
internal static class QueryPrinter
{
    public static string Print(PathQuery query)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < query.Nodes.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ').Append(Edge(query.Edges[i - 1])).Append(' ');
            }

            builder.Append(Node(query.Nodes[i]));
        }

        if (query.AsOf is { } asOf)
        {
            builder.Append(" asof ").Append(asOf);
        }

        if (query.DuringFrom is { } from && query.DuringTo is { } to)
        {
            builder.Append(" during ").Append(from).Append("..").Append(to);
        }

        if (query.Mode != TraversalMode.Acyclic)
        {
            builder.Append(" mode ").Append(query.Mode.ToString().ToLowerInvariant());
        }

        if (query.ExpandParallel)
        {
            builder.Append(" expand");
        }

        if (query.Limit != PathQuery.DefaultLimit)
        {
            builder.Append(" limit ").Append(query.Limit.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    public static string TryPrint(PathQuery query)
    {
        var hasPredicate = query.Nodes.Any(n => n.Predicate is not null) || query.Edges.Any(e => e.Predicate is not null);
        return hasPredicate ? Print(query with { Nodes = [.. query.Nodes.Select(n => n with { Predicate = null })], Edges = [.. query.Edges.Select(e => e with { Predicate = null })] }) + " (with C# predicates)" : Print(query);
    }

    private static string Node(NodePattern node)
    {
        if (node.Predicate is not null)
        {
            throw new InvalidOperationException("A node pattern with a C# predicate has no text form.");
        }

        if (node.Variable is null && node.Kind is null && node.Properties.IsEmpty)
        {
            return node.EntityId ?? "?";
        }

        var properties = node.Properties.Select(p => $"{p.Name}: {Quote(p.Value)}").ToList();
        if (node.EntityId is not null)
        {
            properties.Insert(0, $"id: {node.EntityId}");
        }

        var kind = node.Kind is { } k ? ":" + k.ToName() : string.Empty;
        var props = properties.Count > 0 ? (node.Variable is null && node.Kind is null ? string.Empty : " ") + "{" + string.Join(", ", properties) + "}" : string.Empty;
        return $"({node.Variable}{kind}{props})";
    }

    private static string Edge(EdgePattern edge)
    {
        if (edge.Predicate is not null)
        {
            throw new InvalidOperationException("An edge pattern with a C# predicate has no text form.");
        }

        var hops = edge.MinHops == 1 && edge.MaxHops == 1 ? string.Empty
            : edge.MinHops == edge.MaxHops ? $"*{edge.MinHops}"
            : $"*{edge.MinHops}..{edge.MaxHops}";
        var spec = string.Join("|", edge.Types) + hops;
        var body = spec.Length == 0 ? "--" : $"-[{spec}]-";
        return edge.Direction switch
        {
            EdgeDirection.Out => body + ">",
            EdgeDirection.In => "<" + body,
            _ => body,
        };
    }

    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && value.Length > 0 && char.IsAsciiLetterOrDigit(value[0])
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

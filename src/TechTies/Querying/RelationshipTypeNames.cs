namespace TechTies.Querying;

/// <summary>
/// The one check of relationship type names that patterns, the fluent builder, <see cref="ConnectOptions"/> and
/// neighbourhoods share, so that a typo gets the same "did you mean" wherever it is written.
/// </summary>
internal static class RelationshipTypeNames
{
    /// <summary>What is wrong with <paramref name="name"/>, or <see langword="null"/> when the schema has the type.</summary>
    public static string? Problem(GraphSchema schema, string name)
    {
        if (schema.TryGet(name, out _))
        {
            return null;
        }

        var known = schema.RelationshipTypes.Select(t => t.Name).ToList();
        if (InverseOf(schema, name) is { } inverse)
        {
            return $"'{name}' is the inverse label of the relationship type '{inverse.Name}', not a type: name the type ('{inverse.Name}'); a pattern walks it backward as <-[{inverse.Name}]- (or accepts -[{name}]->)";
        }

        var hint = Suggest.DidYouMean(name, known) is { } didYouMean ? $" ({didYouMean})" : string.Empty;
        return $"unknown relationship type '{name}'{hint}; known types: {string.Join(", ", known)}";
    }

    /// <summary>
    /// The relationship type whose inverse label is <paramref name="name"/> ("makes", "targeted by", with <c>_</c> or
    /// spaces between words, in any case), when the schema has no type of that name; otherwise <see langword="null"/>.
    /// </summary>
    public static RelationshipType? InverseOf(GraphSchema schema, string name)
    {
        if (schema.TryGet(name, out _))
        {
            return null;
        }

        var words = Words(name);
        return schema.RelationshipTypes.FirstOrDefault(t => Words(t.InverseLabel) == words);

        static string Words(string s) => string.Join(' ', s.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    /// <summary>Throws an <see cref="ArgumentException"/> for the first name the schema does not have.</summary>
    public static void Check(GraphSchema schema, IEnumerable<string> names, string parameter)
    {
        foreach (var name in names)
        {
            ArgumentNullException.ThrowIfNull(name, parameter);
            if (Problem(schema, name) is { } problem)
            {
                throw new ArgumentException(char.ToUpperInvariant(problem[0]) + problem[1..] + ".", parameter);
            }
        }
    }
}

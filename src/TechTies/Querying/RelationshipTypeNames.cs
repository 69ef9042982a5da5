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
        var hint = Loading.Suggest.DidYouMean(name, known) is { } didYouMean ? $" ({didYouMean})" : string.Empty;
        return $"unknown relationship type '{name}'{hint}; known types: {string.Join(", ", known)}";
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

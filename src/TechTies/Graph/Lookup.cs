using System.Globalization;
using System.Text;

namespace TechTies;

/// <summary>Why an entity lookup failed.</summary>
public enum LookupFailure
{
    /// <summary>No entity has that id, name or alias.</summary>
    NotFound,

    /// <summary>Several entities have that name or alias.</summary>
    Ambiguous,
}

/// <summary>
/// Thrown when a name does not identify exactly one entity. <see cref="Candidates"/> lists the entities the user
/// may have meant: the matches when the name is ambiguous, the nearest names when nothing matched.
/// </summary>
public sealed class EntityLookupException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="name">The name that was looked up.</param>
    /// <param name="failure">Why the lookup failed.</param>
    /// <param name="candidates">The entities the user may have meant, best first.</param>
    public EntityLookupException(string name, LookupFailure failure, IReadOnlyList<Entity> candidates)
        : base(Describe(name, failure, candidates))
    {
        Name = name;
        Failure = failure;
        Candidates = candidates;
    }

    /// <summary>The name that was looked up.</summary>
    public string Name { get; }

    /// <summary>Why the lookup failed.</summary>
    public LookupFailure Failure { get; }

    /// <summary>The entities the user may have meant, best first (possibly none).</summary>
    public IReadOnlyList<Entity> Candidates { get; }

    private static string Describe(string name, LookupFailure failure, IReadOnlyList<Entity> candidates)
    {
        var list = string.Join(", ", candidates.Select(c => $"{c.Id} ({c.Name}, {c.Kind.ToName()})"));
        return failure == LookupFailure.Ambiguous
            ? $"'{name}' is ambiguous: it names {candidates.Count} entities: {list}. Use an id."
            : candidates.Count == 0 ? $"No entity is called '{name}'." : $"No entity is called '{name}'. Did you mean: {list}?";
    }
}

/// <summary>Normalization of names for lookup: case-, accent- and spacing-insensitive.</summary>
internal static class Lookup
{
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}

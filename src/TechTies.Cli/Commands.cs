namespace TechTies.Cli;

/// <summary>Which command a mistyped command name meant.</summary>
internal static class Commands
{
    /// <summary>
    /// The command closest to <paramref name="word"/>, when it is close: at most one edit (a letter added, left out,
    /// changed, or two swapped) for every three letters, and never more than two; otherwise <see langword="null"/>.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> commands)
    {
        var allowed = Math.Clamp(word.Length / 3, 1, 2);
        return commands
            .Select(command => (Command: command, Distance: EditDistance.Between(word.ToLowerInvariant(), command)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .Select(c => c.Command)
            .FirstOrDefault();
    }
}

namespace TechTies;

/// <summary>
/// Thrown when a text pattern is malformed. <see cref="Column"/> is 1-based; the message ends with the pattern and a
/// caret line under the column.
/// </summary>
public sealed class QueryParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="query">The pattern text.</param>
    /// <param name="column">The 1-based column of the problem.</param>
    /// <param name="problem">What is wrong and what would be right.</param>
    public QueryParseException(string query, int column, string problem)
        : base($"col {column}: {problem}{Environment.NewLine}  {query}{Environment.NewLine}  {new string(' ', Math.Max(0, column - 1))}^")
    {
        Query = query;
        Column = column;
        Problem = problem;
    }

    /// <summary>The pattern text.</summary>
    public string Query { get; }

    /// <summary>The 1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }

    /// <summary>
    /// What to look up instead when the pattern asks what looking an entity up answers (a node alone, a source): the
    /// entity's id, or <c>&lt;entity&gt;</c> or <c>&lt;source&gt;</c> when the pattern names none; otherwise <see langword="null"/>.
    /// </summary>
    public string? LookUp { get; internal init; }
}

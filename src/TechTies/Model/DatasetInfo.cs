namespace TechTies;

/// <summary>The optional <c>dataset:</c> block of a file: what the data is and under which licence. Immutable.</summary>
public sealed record DatasetInfo
{
    /// <summary>The file the block was written in.</summary>
    public required string File { get; init; }

    /// <summary>A short machine name, such as <c>palantir-ice-2018</c>.</summary>
    public string? Name { get; init; }

    /// <summary>A human title.</summary>
    public string? Title { get; init; }

    /// <summary>The licence of the data, such as <c>CC-BY-4.0</c>.</summary>
    public string? License { get; init; }

    /// <summary>A description.</summary>
    public string? Description { get; init; }

    /// <summary>Where the data set is published.</summary>
    public string? Url { get; init; }
}

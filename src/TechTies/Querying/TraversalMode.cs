namespace TechTies;

/// <summary>How a path may revisit what it has already walked.</summary>
public enum TraversalMode
{
    /// <summary>No entity appears twice in a path (the default).</summary>
    Acyclic,

    /// <summary>Entities may repeat, but no tie is walked twice.</summary>
    Trail,

    /// <summary>Entities and ties may repeat; paths stay finite because every hop count is bounded.</summary>
    Walk,
}

using System.Collections.Immutable;

namespace TechTies.Loading;

/// <summary>What a load that succeeded read: the validated model the graph is made of.</summary>
/// <param name="Schema">The built-in relationship types and those the files declare.</param>
/// <param name="Entities">The entities, in no particular order.</param>
/// <param name="Ties">The ties, in ordinal order of id.</param>
/// <param name="Diagnostics">The diagnostics of the load (warnings only, since it succeeded), in file, line and column order.</param>
/// <param name="Datasets">The <c>dataset:</c> blocks of the files.</param>
internal sealed record LoadedGraph(GraphSchema Schema, IReadOnlyCollection<Entity> Entities, Tie[] Ties, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<DatasetInfo> Datasets);

/// <summary>
/// A source of one more file for a load, made from the files read before it: a CSV import (<see cref="LoadOptions"/>),
/// which merges with them so that its ids never clash with theirs.
/// </summary>
internal interface ILoadSource
{
    /// <summary>Makes the file; adds the warnings of making it to <paramref name="warnings"/>.</summary>
    GraphFile Read(IReadOnlyList<GraphFile> before, LoadOptions options, List<Diagnostic> warnings);
}

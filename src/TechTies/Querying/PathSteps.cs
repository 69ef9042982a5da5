using System.Collections.Immutable;

namespace TechTies.Querying;

/// <summary>Turns the integer steps a search keeps on its stack into a <see cref="GraphPath"/> of entities and ties.</summary>
internal static class PathSteps
{
    public static GraphPath ToPath(TechTiesGraph graph, GraphIndex index, List<(int From, int To, int Type, bool Backward, int TieStart, int TieCount)> steps, List<int> stepTies)
    {
        var builder = ImmutableArray.CreateBuilder<PathStep>(steps.Count);
        foreach (var (from, to, type, backward, tieStart, tieCount) in steps)
        {
            var ties = ImmutableArray.CreateBuilder<Tie>(tieCount);
            for (var k = tieStart; k < tieStart + tieCount; k++)
            {
                ties.Add(index.Edges[stepTies[k]]);
            }

            builder.Add(new PathStep(index.Nodes[from], index.Nodes[to], graph.Schema.RelationshipTypes[type], backward ? StepDirection.Backward : StepDirection.Forward, ties.MoveToImmutable()));
        }

        return new GraphPath(builder.MoveToImmutable());
    }
}

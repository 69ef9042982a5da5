using System.Collections.Immutable;

namespace TechTies.Rendering;

/// <summary>
/// One edge a picture draws with a label of its own instead of the merged label of its ties: a total's vendor (or
/// parent) to agency edge, which says how many contracts and how much of the field summed.
/// </summary>
/// <param name="From">The entity the edge starts at.</param>
/// <param name="To">The entity it points to.</param>
/// <param name="Type">The relationship drawn (its colour).</param>
/// <param name="Ties">The ties it stands for (counted in the SVG's <c>data-ties</c>).</param>
/// <param name="Label">The label, such as "3 contracts, $39.59M current value".</param>
/// <param name="Citations">The sources the label rests on (their footnote numbers follow it).</param>
internal sealed record DrawnEdge(Entity From, Entity To, RelationshipType Type, ImmutableArray<Tie> Ties, string Label, ImmutableArray<Citation> Citations);

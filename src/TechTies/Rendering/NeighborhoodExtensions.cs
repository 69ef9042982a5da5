namespace TechTies;

/// <summary>Renderings of a <see cref="Neighborhood"/>: the network picture, as SVG and as a story page.</summary>
public static class NeighborhoodExtensions
{
    /// <summary>
    /// The network picture of the neighbourhood (see <see cref="NetworkPicture"/>): its entities, nearest first, and the
    /// ties among them, titled "… and everything within N steps".
    /// </summary>
    /// <param name="neighborhood">The neighbourhood.</param>
    /// <param name="title">The title; <see langword="null"/> for the default.</param>
    /// <returns>The picture.</returns>
    public static NetworkPicture ToPicture(this Neighborhood neighborhood, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(neighborhood);
        var (center, hops) = (neighborhood.Center, neighborhood.Hops);
        return new(neighborhood.Graph, title ?? $"{center.Name} and everything within {hops} {(hops == 1 ? "step" : "steps")}", null, neighborhood.Entities, neighborhood.Ties, null);
    }

    /// <summary>The network picture as SVG: <see cref="ToPicture(Neighborhood, string?)"/>, then <see cref="NetworkPicture.ToSvg"/>.</summary>
    /// <param name="neighborhood">The neighbourhood.</param>
    /// <returns>The SVG document.</returns>
    public static string ToSvg(this Neighborhood neighborhood) => neighborhood.ToPicture().ToSvg();

    /// <summary>The network picture as a story page: <see cref="ToPicture(Neighborhood, string?)"/>, then <see cref="NetworkPicture.ToStoryPage"/>.</summary>
    /// <param name="neighborhood">The neighbourhood.</param>
    /// <returns>The HTML document.</returns>
    public static string ToStoryPage(this Neighborhood neighborhood) => neighborhood.ToPicture().ToStoryPage();
}

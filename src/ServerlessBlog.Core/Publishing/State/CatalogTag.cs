namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// A tag in the catalog: its name, count, how many posts it has each year, when its newest post changed, and when
/// the newest post of each year changed, so that removing a tag's newest post moves its date back to the next one.
/// </summary>
public sealed record CatalogTag(string Slug, string Name, int Count, IReadOnlyDictionary<int, int> Years, DateTimeOffset LastModified)
{
    /// <summary>Per year, when the tag's newest post of that year last changed.</summary>
    public IReadOnlyDictionary<int, DateTimeOffset> YearsModified { get; init; } = new Dictionary<int, DateTimeOffset>();

    /// <summary>
    /// Per year, the spelling of the tag shown for that year's posts (the one that sorts first), so that a spelling no
    /// post uses any more gives way, as it does in a whole build.
    /// </summary>
    public IReadOnlyDictionary<int, string> YearNames { get; init; } = new Dictionary<int, string>();

    /// <summary>The tag as the pages and feeds list it.</summary>
    public Site.TagSummary ToSummary() => new(Slug, Name, Count, LastModified);
}

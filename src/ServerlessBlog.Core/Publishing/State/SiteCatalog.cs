using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>The months and tags of the site with their counts: what the archive, tags and sitemap index pages list.</summary>
public sealed record SiteCatalog
{
    public List<ArchiveMonth> Months { get; init; } = [];

    public List<CatalogTag> Tags { get; init; } = [];
}

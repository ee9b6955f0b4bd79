namespace ServerlessBlog.Core.Site;

/// <summary>A tag of the site: its display name, its URL slug, how many posts carry it and when the newest of them changed.</summary>
public sealed record TagSummary(string Slug, string Name, int Count, DateTimeOffset LastModified)
{
    public string Folder => SitePaths.TagFolder(Slug);
}

namespace ServerlessBlog.Core.Site;

/// <summary>A tag of the site: its display name, its URL slug and how many posts carry it.</summary>
public sealed record TagSummary(string Slug, string Name, int Count)
{
    public string Folder => SitePaths.TagFolder(Slug);
}

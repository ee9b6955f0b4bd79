namespace ServerlessBlog.Core.Site;

/// <summary>A month of the dated archive and how many posts it holds.</summary>
public sealed record ArchiveMonth(int Year, int Month, int Count)
{
    public string Folder => SitePaths.ArchiveMonthFolder(Year, Month);
}

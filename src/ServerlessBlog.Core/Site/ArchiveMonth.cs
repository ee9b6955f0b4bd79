namespace ServerlessBlog.Core.Site;

/// <summary>A month of the dated archive, how many posts it holds and when the newest of them changed.</summary>
public sealed record ArchiveMonth(int Year, int Month, int Count, DateTimeOffset LastModified)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Folder => SitePaths.ArchiveMonthFolder(Year, Month);
}

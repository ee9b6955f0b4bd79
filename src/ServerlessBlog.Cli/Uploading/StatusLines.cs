using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Cli.Uploading;

/// <summary>How the commands print a status record: a live post as its URL, a failure as <c>path:line: reason</c> like <c>blog build</c>.</summary>
internal sealed class StatusLines(BlogOptions options)
{
    private readonly SiteUrls _urls = new(options.BaseUrl);

    /// <summary>The address of a live post or asset.</summary>
    public string Url(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.IsAsset || record.Slug is null ? _urls.Absolute(record.SourcePath) : PostUrl(record.Slug);
    }

    /// <summary>The address of the post published as <paramref name="slug"/>.</summary>
    public string PostUrl(string slug) => _urls.Absolute(SitePaths.PostFolder(slug));

    public static string Rejected(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"{record.SourcePath}:{record.Reason}";
    }

    /// <summary>Why a post waits; the line number of a pending reason says nothing.</summary>
    public static string Pending(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var reason = record.Reason ?? string.Empty;
        var separator = reason.IndexOf(": ", StringComparison.Ordinal);
        return $"{record.SourcePath}: {(separator < 0 ? reason : reason[(separator + 2)..])}";
    }
}

using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Cli.Dev;

/// <summary>Maps a request path to a blob of the site container as a storage account's static website does.</summary>
internal static class StaticWebsitePath
{
    /// <summary>
    /// The blob a decoded request path names: a folder URL (<c>/posts/hello/</c>) is its <c>index.html</c>.
    /// <see langword="null"/> for paths no blob can have (dot segments, empty segments, backslashes).
    /// </summary>
    public static string? BlobNameOf(string requestPath)
    {
        ArgumentNullException.ThrowIfNull(requestPath);
        var path = requestPath.TrimStart('/');
        var name = SitePaths.PageOf(path);
        if (name.Contains('\\', StringComparison.Ordinal) || name.Split('/').Any(segment => segment.Length == 0 || segment is "." or ".."))
        {
            return null;
        }

        return name;
    }

    /// <summary>The folder page a path without its trailing slash may mean: <c>posts/hello</c> is <c>posts/hello/index.html</c>.</summary>
    public static string? FolderPageOf(string blobName) =>
        blobName.EndsWith('/') || blobName.EndsWith(SitePaths.IndexDocument, StringComparison.Ordinal) ? null : $"{blobName}/{SitePaths.IndexDocument}";
}

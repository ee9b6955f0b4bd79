namespace ServerlessBlog.Core.Storage;

/// <summary>One output file of the site: its path under the site root, its bytes and how it is served.</summary>
public sealed record SiteFile(string Path, ReadOnlyMemory<byte> Content, string ContentType)
{
    /// <summary>How long browsers and CDNs may keep the file, set from its kind.</summary>
    public string CacheControl => ContentTypes.CacheControlFor(ContentType);
}

namespace ServerlessBlog.Core.Storage;

/// <summary>The media type and cache policy of every kind of file the site serves.</summary>
public static class ContentTypes
{
    public const string Html = "text/html; charset=utf-8";
    public const string Css = "text/css; charset=utf-8";
    public const string Svg = "image/svg+xml";
    public const string PlainText = "text/plain; charset=utf-8";
    public const string OctetStream = "application/octet-stream";

    /// <summary>Pages and feeds change when a post is published: caches must come back soon.</summary>
    public const string ShortCache = "public, max-age=300";

    /// <summary>Assets rarely change once uploaded.</summary>
    public const string LongCache = "public, max-age=86400";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = Html, [".htm"] = Html, [".css"] = Css, [".txt"] = PlainText,
        [".md"] = "text/markdown; charset=utf-8", [".markdown"] = "text/markdown; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8", [".json"] = "application/json; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8", [".mjs"] = "text/javascript; charset=utf-8",
        [".svg"] = Svg, [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif", [".webp"] = "image/webp", [".avif"] = "image/avif", [".ico"] = "image/x-icon",
        [".pdf"] = "application/pdf", [".zip"] = "application/zip", [".woff2"] = "font/woff2", [".woff"] = "font/woff",
        [".mp4"] = "video/mp4", [".webm"] = "video/webm", [".mp3"] = "audio/mpeg", [".csv"] = "text/csv; charset=utf-8",
    };

    /// <summary>The media type of a file by its extension; <see cref="OctetStream"/> when unknown.</summary>
    public static string ForPath(string path) =>
        ByExtension.GetValueOrDefault(System.IO.Path.GetExtension(path), OctetStream);

    /// <summary>Short caching for pages, feeds and text; long caching for everything else.</summary>
    public static string CacheControlFor(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("xml", StringComparison.Ordinal) || contentType.Contains("json", StringComparison.Ordinal)
            ? ShortCache
            : LongCache;
}

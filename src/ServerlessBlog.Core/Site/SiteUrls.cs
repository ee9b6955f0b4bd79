namespace ServerlessBlog.Core.Site;

/// <summary>Turns site paths into links: base-relative for pages, absolute for feeds and canonical links.</summary>
public sealed class SiteUrls
{
    private readonly string _origin;

    public SiteUrls(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The base URL must be an absolute http(s) URL: '{baseUrl}'.", nameof(baseUrl));
        }

        _origin = uri.GetLeftPart(UriPartial.Authority);
        BasePath = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        BaseUrl = _origin + BasePath;
    }

    /// <summary>The absolute URL of the site root, ending in <c>/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The path of the site root on its host, such as <c>/</c> or <c>/blog/</c>.</summary>
    public string BasePath { get; }

    /// <summary>A link from a page of this site to <paramref name="sitePath"/>: <c>/blog/posts/hello/</c>.</summary>
    public string Path(string sitePath) => BasePath + Escape(sitePath);

    /// <summary>The absolute URL of <paramref name="sitePath"/>.</summary>
    public string Absolute(string sitePath) => _origin + Path(sitePath);

    /// <summary>Percent-encodes each segment of a site path, so unicode slugs make valid URLs.</summary>
    public static string Escape(string sitePath)
    {
        if (!NeedsEscaping(sitePath))
        {
            return sitePath;
        }

        return string.Join('/', sitePath.Split('/').Select(Uri.EscapeDataString));
    }

    private static bool NeedsEscaping(string sitePath)
    {
        foreach (var c in sitePath)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or '~'))
            {
                return true;
            }
        }

        return false;
    }
}

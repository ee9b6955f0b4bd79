using System.Globalization;

namespace ServerlessBlog.Core.Site;

/// <summary>
/// The layout of a published site: where every page, feed and sitemap is written.
/// Paths are relative to the site root, without a leading slash; folder URLs end in <c>/</c>.
/// </summary>
public static class SitePaths
{
    public const string IndexDocument = "index.html";
    public const string Home = IndexDocument;
    public const string NotFound = "404.html";
    public const string RssFeed = "feed.xml";
    public const string AtomFeed = "atom.xml";
    public const string JsonFeed = "feed.json";
    public const string Sitemap = "sitemap.xml";
    /// <summary>Child sitemaps sit at the root: a sitemap may only list URLs below its own folder.</summary>
    public const string SitemapOfPages = "sitemap-pages.xml";
    public const string Robots = "robots.txt";
    public const string Stylesheet = "theme/style.css";
    public const string Icon = "theme/favicon.svg";
    public const string TagsFolder = "tags/";
    public const string ArchiveFolder = "archive/";

    /// <summary>Top-level folders and files the site generates; an asset may not take their place.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "posts", "tags", "archive", "theme", Home, NotFound, RssFeed, AtomFeed, JsonFeed, Robots,
    };

    public static string PostFolder(string slug) => $"posts/{slug}/";

    public static string TagFolder(string tagSlug) => $"{TagsFolder}{tagSlug}/";

    public static string TagFeed(string tagSlug) => $"{TagFolder(tagSlug)}{RssFeed}";

    /// <summary>One year of a tag's posts: tag pages stay small however many posts a tag gathers.</summary>
    public static string TagYearFolder(string tagSlug, int year) => string.Create(CultureInfo.InvariantCulture, $"{TagFolder(tagSlug)}{year:D4}/");

    public static string ArchiveMonthFolder(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{ArchiveFolder}{year:D4}/{month:D2}/");

    /// <summary>The sitemap of one month's posts: one publish rewrites a sitemap as small as a month.</summary>
    public static string SitemapOfMonth(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"sitemap-posts-{year:D4}-{month:D2}.xml");

    /// <summary>
    /// Whether <paramref name="path"/> has the shape of a page made for one entry of the index: a post's
    /// (<c>posts/{slug}/index.html</c>), a month's, a tag's or a tag-year's. Such a page exists only while the index has
    /// its entry (or as a redirect page a post claims).
    /// </summary>
    public static bool IsEntryPage(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        if (segments[^1] != IndexDocument)
        {
            return false;
        }

        return segments switch
        {
            ["posts", { Length: > 0 }, _] => true,
            ["tags", { Length: > 0 }, _] => true,
            ["tags", { Length: > 0 }, var year, _] => IsNumber(year, 4),
            ["archive", var year, var month, _] => IsNumber(year, 4) && IsNumber(month, 2),
            _ => false,
        };

        static bool IsNumber(string text, int digits) => text.Length == digits && text.All(char.IsAsciiDigit);
    }

    /// <summary>The file a folder URL is served from: its <c>index.html</c>.</summary>
    public static string PageOf(string folder) => folder.Length == 0 || folder.EndsWith('/') ? folder + IndexDocument : folder;

    /// <summary>
    /// The file a redirect from an old address is written to: the address itself when it names an <c>.html</c> page (as
    /// Jekyll's <c>redirect_from: /2019/01/old.html</c> does), else the folder's <c>index.html</c>.
    /// </summary>
    public static string RedirectPageOf(string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        return PageOf(alias.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? alias : alias.TrimEnd('/') + "/");
    }

    /// <summary>Whether an asset at <paramref name="path"/> would collide with a generated file.</summary>
    public static bool IsReserved(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var top = slash < 0 ? path : path[..slash];
        return Reserved.Contains(top) || top.StartsWith("sitemap", StringComparison.OrdinalIgnoreCase);
    }
}

using System.Globalization;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Generation;

/// <summary>Turns the site's data into the views templates see; dates in invariant culture.</summary>
internal sealed class ViewFactory
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
    private readonly SiteUrls _urls;

    public ViewFactory(BlogOptions options, SiteUrls urls)
    {
        _urls = urls;
        Site = new SiteView(
            options.Title,
            options.Description,
            options.Author,
            options.Language,
            options.Language.Replace('-', '_'),
            urls.BaseUrl,
            urls.Path(string.Empty),
            urls.Path(SitePaths.ArchiveFolder),
            urls.Path(SitePaths.TagsFolder),
            urls.Path(SitePaths.RssFeed),
            urls.Path(SitePaths.AtomFeed),
            urls.Path(SitePaths.JsonFeed),
            urls.Path(SitePaths.Stylesheet),
            urls.Path(SitePaths.Icon));
    }

    public SiteView Site { get; }

    /// <summary>The same RFC 3339 UTC form the feeds and sitemaps write, so that pages and feeds agree to the second.</summary>
    public static string Iso(DateTimeOffset date) => Feeds.FeedFormats.Rfc3339(date);

    /// <summary><c>5 March 2024</c>: the day, the invariant culture's month name and the year, in UTC.</summary>
    public static string Text(DateTimeOffset date)
    {
        // As the pattern "d MMMM yyyy" writes it, without parsing the pattern for every date of every page.
        var utc = date.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{utc.Day} {MonthNames[utc.Month - 1]} {utc.Year:D4}");
    }

    public PostView Post(RenderedPost rendered, PostSummary? older, PostSummary? newer)
    {
        var post = rendered.Post;
        var updated = post.Updated is { } value && value.UtcDateTime.Date > post.Date.UtcDateTime.Date ? value : (DateTimeOffset?)null;
        return new PostView
        {
            Title = post.Title,
            Url = _urls.Path(SitePaths.PostFolder(post.Slug)),
            DateIso = Iso(post.Date),
            DateText = Text(post.Date),
            UpdatedIso = updated is null ? null : Iso(updated.Value),
            UpdatedText = updated is null ? null : Text(updated.Value),
            ReadingMinutes = rendered.ReadingMinutes,
            Tags = post.Tags.Select(Tag).ToList(),
            Categories = post.Categories,
            Authors = post.Authors,
            Excerpt = rendered.Excerpt,
            Content = rendered.ContentHtml,
            Image = ImageUrl(post.Image),
            Older = older is null ? null : Link(older),
            Newer = newer is null ? null : Link(newer),
            Params = new Dictionary<string, object?>(post.Params, StringComparer.OrdinalIgnoreCase),
        };
    }

    public PostCardView Card(PostSummary post) =>
        new(post.Title, _urls.Path(post.Folder), Iso(post.Date), Text(post.Date), post.ReadingMinutes, post.Excerpt);

    public TagView Tag(string name)
    {
        var slug = Slug.From(name);
        return new TagView(name, _urls.Path(SitePaths.TagFolder(slug)), 0, _urls.Path(SitePaths.TagFeed(slug)));
    }

    public TagView Tag(TagSummary tag) =>
        new(tag.Name, _urls.Path(tag.Folder), tag.Count, _urls.Path(SitePaths.TagFeed(tag.Slug)));

    public LinkView Link(PostSummary post) => new(post.Title, _urls.Path(post.Folder));

    /// <summary>
    /// An image from front matter as an absolute URL: an http(s) URL is kept, a protocol-relative one (<c>//cdn/x.png</c>)
    /// takes the site's scheme, and a site path is resolved with its <c>?query</c> or <c>#fragment</c>, percent-encoded
    /// once whether or not the author encoded it. Any other scheme, or a path outside the site, gives no image.
    /// </summary>
    public string? ImageUrl(string? image)
    {
        if (image is null)
        {
            return null;
        }

        if (image.StartsWith("//", StringComparison.Ordinal))
        {
            image = $"{new Uri(_urls.BaseUrl).Scheme}:{image}";
        }

        if (SafeUrl.Scheme(image) is { } scheme)
        {
            return scheme is "http" or "https" && Uri.TryCreate(image, UriKind.Absolute, out var absolute) ? absolute.AbsoluteUri : null;
        }

        var suffixStart = image.IndexOfAny(['?', '#']);
        var path = suffixStart < 0 ? image : image[..suffixStart];
        var suffix = suffixStart < 0 ? string.Empty : image[suffixStart..];
        return SitePathText.NormalizeRelative(Uri.UnescapeDataString(path)) is { } sitePath ? _urls.Absolute(sitePath) + suffix : null;
    }

    public PageView Page(string title, string description, string sitePath) => new()
    {
        Title = title,
        Description = description.Length > 0 ? description : Site.Description.Length > 0 ? Site.Description : Site.Title,
        CanonicalUrl = _urls.Absolute(sitePath),
    };
}

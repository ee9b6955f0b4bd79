using System.Text;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Feeds;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Generation;

/// <summary>
/// Generates the feeds (RSS, Atom, JSON Feed, an RSS feed per tag), the sitemaps and robots.txt, each from a small
/// slice of the post index. Dates come from the posts, never the clock. Thread-safe.
/// </summary>
public sealed class FeedGenerator
{
    private readonly BlogOptions _options;
    private readonly SiteUrls _urls;
    private readonly ViewFactory _views;

    public FeedGenerator(BlogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _urls = new SiteUrls(options.BaseUrl);
        _views = new ViewFactory(options, _urls);
    }

    /// <summary>How many posts a feed carries.</summary>
    public int FeedItems => _options.FeedItems;

    /// <summary>The site's RSS, Atom and JSON feeds.</summary>
    /// <param name="newest">The newest posts, newest first; the feeds take the first <see cref="FeedItems"/>.</param>
    /// <param name="contentOf">The rendered HTML of a post the feeds carry; one instance a post, so that its escaping is shared by every feed.</param>
    public IEnumerable<SiteFile> SiteFeeds(IReadOnlyList<PostSummary> newest, Func<PostSummary, FeedContent> contentOf) =>
        SiteFeedWriters(newest, contentOf).Select(write => write());

    /// <summary>
    /// As <see cref="SiteFeeds"/>, each feed written when its function is called: a build calls them on its workers,
    /// rather than one after the other while it hands out work.
    /// </summary>
    public IReadOnlyList<Func<SiteFile>> SiteFeedWriters(IReadOnlyList<PostSummary> newest, Func<PostSummary, FeedContent> contentOf)
    {
        ArgumentNullException.ThrowIfNull(newest);
        var items = Items(newest.Take(FeedItems), contentOf);
        var description = _options.Description.Length > 0 ? _options.Description : _options.Title;
        var homeUrl = _urls.Absolute(string.Empty);
        return
        [
            () => new SiteFile(SitePaths.RssFeed, RssFeedWriter.Write(Feed(_options.Title, description, homeUrl, SitePaths.RssFeed, items)), RssFeedWriter.ContentType),
            () => new SiteFile(SitePaths.AtomFeed, AtomFeedWriter.Write(Feed(_options.Title, description, homeUrl, SitePaths.AtomFeed, items)), AtomFeedWriter.ContentType),
            () => new SiteFile(SitePaths.JsonFeed, JsonFeedWriter.Write(Feed(_options.Title, description, homeUrl, SitePaths.JsonFeed, items)), JsonFeedWriter.ContentType),
        ];
    }

    /// <summary>The RSS feed of one tag.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="newest">The tag's newest posts, newest first; the feed takes the first <see cref="FeedItems"/>.</param>
    /// <param name="contentOf">The rendered HTML of a post the feed carries; one instance a post, so that its escaping is shared by every feed.</param>
    public SiteFile TagFeed(TagSummary tag, IReadOnlyList<PostSummary> newest, Func<PostSummary, FeedContent> contentOf)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(newest);
        var items = Items(newest.Take(FeedItems), contentOf);
        var title = $"{_options.Title}: {tag.Name}";
        var feed = Feed(title, $"Posts tagged {tag.Name} on {_options.Title}.", _urls.Absolute(tag.Folder), SitePaths.TagFeed(tag.Slug), items);
        return new SiteFile(SitePaths.TagFeed(tag.Slug), RssFeedWriter.Write(feed), RssFeedWriter.ContentType);
    }

    /// <summary>The sitemap index: the sitemap of listing pages and one sitemap of posts per month that has posts.</summary>
    /// <param name="months">Every month that has posts.</param>
    public SiteFile SitemapIndex(IReadOnlyList<ArchiveMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var children = new List<(string Url, DateTimeOffset LastModified)> { (_urls.Absolute(SitePaths.SitemapOfPages), Newest(months.Select(month => month.LastModified))) };
        children.AddRange(months.Select(month => (_urls.Absolute(SitePaths.SitemapOfMonth(month.Year, month.Month)), month.LastModified)));
        return new SiteFile(SitePaths.Sitemap, SitemapWriter.WriteIndex(children), SitemapWriter.ContentType);
    }

    /// <summary>The sitemap of the listing pages: home, archive, tags, each tag and each month.</summary>
    public SiteFile PagesSitemap(IReadOnlyList<ArchiveMonth> months, IReadOnlyList<TagSummary> tags)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(tags);
        var newest = Newest(months.Select(month => month.LastModified));
        var pages = new List<(string Url, DateTimeOffset LastModified)>
        {
            (_urls.Absolute(string.Empty), newest),
            (_urls.Absolute(SitePaths.ArchiveFolder), newest),
            (_urls.Absolute(SitePaths.TagsFolder), newest),
        };
        pages.AddRange(tags.Select(tag => (_urls.Absolute(tag.Folder), tag.LastModified)));
        pages.AddRange(months.Select(month => (_urls.Absolute(month.Folder), month.LastModified)));
        return new SiteFile(SitePaths.SitemapOfPages, SitemapWriter.WriteUrlSet(pages), SitemapWriter.ContentType);
    }

    /// <summary>The sitemap of one month's posts.</summary>
    /// <param name="month">The month.</param>
    /// <param name="posts">The month's posts, newest first.</param>
    public SiteFile MonthSitemap(ArchiveMonth month, IReadOnlyList<PostSummary> posts)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(posts);
        var urls = posts.Select(post => (_urls.Absolute(post.Folder), post.LastModified));
        return new SiteFile(SitePaths.SitemapOfMonth(month.Year, month.Month), SitemapWriter.WriteUrlSet(urls), SitemapWriter.ContentType);
    }

    public SiteFile Robots() => new(
        SitePaths.Robots,
        Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {_urls.Absolute(SitePaths.Sitemap)}\n"),
        ContentTypes.PlainText);

    private static DateTimeOffset Newest(IEnumerable<DateTimeOffset> dates) => dates.DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();

    private List<FeedItem> Items(IEnumerable<PostSummary> posts, Func<PostSummary, FeedContent> contentOf) =>
        posts.Select(post =>
        {
            var url = _urls.Absolute(post.Folder);
            return new FeedItem
            {
                Id = url,
                Url = url,
                Title = post.Title,
                Published = post.Date,
                Updated = post.LastModified,
                Content = contentOf(post),
                Summary = post.Excerpt,
                Tags = post.Tags,
                Authors = post.Authors.Count > 0 ? post.Authors : string.IsNullOrWhiteSpace(_options.Author) ? [] : [_options.Author],
                ImageUrl = _views.ImageUrl(post.Image),
            };
        }).ToList();

    private Feed Feed(string title, string description, string homeUrl, string selfPath, List<FeedItem> items) => new()
    {
        Title = title,
        Description = description,
        Language = _options.Language,
        HomeUrl = homeUrl,
        SelfUrl = _urls.Absolute(selfPath),
        Author = string.IsNullOrWhiteSpace(_options.Author) ? null : _options.Author,
        Updated = items.Count > 0 ? items.Max(item => item.Updated) : DateTimeOffset.UnixEpoch,
        Items = items,
    };
}

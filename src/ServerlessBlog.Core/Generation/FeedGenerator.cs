using System.Text;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Feeds;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Generation;

/// <summary>
/// Generates the feeds (RSS, Atom, JSON Feed, an RSS feed per tag), the sitemaps and robots.txt
/// from the <see cref="SiteIndex"/>. Dates come from the posts, never the clock. Thread-safe.
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

    /// <summary>The posts the site's main feeds carry.</summary>
    public IReadOnlyList<PostSummary> FeedPosts(SiteIndex index) => index.Newest(_options.FeedItems);

    /// <summary>The posts a tag's feed carries.</summary>
    public IReadOnlyList<PostSummary> FeedPosts(SiteIndex index, TagSummary tag) => index.Tagged(tag.Slug).Take(_options.FeedItems).ToList();

    /// <summary>The site's RSS, Atom and JSON feeds.</summary>
    /// <param name="index">The published posts.</param>
    /// <param name="contentOf">The rendered HTML of a post the feeds carry.</param>
    public IEnumerable<SiteFile> SiteFeeds(SiteIndex index, Func<PostSummary, string> contentOf)
    {
        ArgumentNullException.ThrowIfNull(index);
        var items = Items(FeedPosts(index), contentOf);
        var description = _options.Description.Length > 0 ? _options.Description : _options.Title;
        var homeUrl = _urls.Absolute(string.Empty);
        yield return new SiteFile(SitePaths.RssFeed, RssFeedWriter.Write(Feed(_options.Title, description, homeUrl, SitePaths.RssFeed, items)), RssFeedWriter.ContentType);
        yield return new SiteFile(SitePaths.AtomFeed, AtomFeedWriter.Write(Feed(_options.Title, description, homeUrl, SitePaths.AtomFeed, items)), AtomFeedWriter.ContentType);
        yield return new SiteFile(SitePaths.JsonFeed, JsonFeedWriter.Write(Feed(_options.Title, description, homeUrl, SitePaths.JsonFeed, items)), JsonFeedWriter.ContentType);
    }

    /// <summary>The RSS feed of one tag.</summary>
    public SiteFile TagFeed(SiteIndex index, TagSummary tag, Func<PostSummary, string> contentOf)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(tag);
        var items = Items(FeedPosts(index, tag), contentOf);
        var title = $"{_options.Title}: {tag.Name}";
        var feed = Feed(title, $"Posts tagged {tag.Name} on {_options.Title}.", _urls.Absolute(tag.Folder), SitePaths.TagFeed(tag.Slug), items);
        return new SiteFile(SitePaths.TagFeed(tag.Slug), RssFeedWriter.Write(feed), RssFeedWriter.ContentType);
    }

    /// <summary>The sitemap index, the sitemap of listing pages, and one sitemap of posts per year.</summary>
    public IEnumerable<SiteFile> Sitemaps(SiteIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var epoch = DateTimeOffset.UnixEpoch;
        var newest = index.Posts.Count > 0 ? index.Posts.Max(post => post.LastModified) : epoch;
        var pages = new List<(string Url, DateTimeOffset LastModified)>
        {
            (_urls.Absolute(string.Empty), newest),
            (_urls.Absolute(SitePaths.ArchiveFolder), newest),
            (_urls.Absolute(SitePaths.TagsFolder), newest),
        };
        pages.AddRange(index.Tags.Select(tag => (_urls.Absolute(tag.Folder), index.Tagged(tag.Slug).Max(post => post.LastModified))));
        pages.AddRange(index.Months.Select(month => (_urls.Absolute(month.Folder), index.InMonth(month.Year, month.Month).Max(post => post.LastModified))));

        var children = new List<(string Url, DateTimeOffset LastModified)> { (_urls.Absolute(SitePaths.SitemapOfPages), newest) };
        yield return new SiteFile(SitePaths.SitemapOfPages, SitemapWriter.WriteUrlSet(pages), SitemapWriter.ContentType);

        foreach (var year in index.Posts.GroupBy(post => post.Date.UtcDateTime.Year).OrderByDescending(year => year.Key))
        {
            var path = SitePaths.SitemapOfYear(year.Key);
            var urls = year.Select(post => (_urls.Absolute(post.Folder), post.LastModified)).ToList();
            children.Add((_urls.Absolute(path), urls.Max(url => url.LastModified)));
            yield return new SiteFile(path, SitemapWriter.WriteUrlSet(urls), SitemapWriter.ContentType);
        }

        yield return new SiteFile(SitePaths.Sitemap, SitemapWriter.WriteIndex(children), SitemapWriter.ContentType);
    }

    public SiteFile Robots() => new(
        SitePaths.Robots,
        Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {_urls.Absolute(SitePaths.Sitemap)}\n"),
        ContentTypes.PlainText);

    private List<FeedItem> Items(IEnumerable<PostSummary> posts, Func<PostSummary, string> contentOf) =>
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
                ContentHtml = contentOf(post),
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

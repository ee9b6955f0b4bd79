using System.Globalization;
using System.Text;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;
using ServerlessBlog.Core.Theming;
using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Generation;

/// <summary>
/// Generates the site's HTML pages. Every page is a function of the <see cref="SiteIndex"/> (and, for a post page,
/// of that post alone), so one publish can regenerate just the pages it changes. Thread-safe.
/// </summary>
public sealed class PageGenerator
{
    private readonly BlogOptions _options;
    private readonly SiteUrls _urls;
    private readonly ViewFactory _views;
    private readonly PageRenderer _renderer;
    private readonly Theme _theme;

    public PageGenerator(BlogOptions options, Theme theme)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _urls = new SiteUrls(options.BaseUrl);
        _views = new ViewFactory(options, _urls);
        _theme = theme;
        _renderer = new PageRenderer(theme, _views.Site);
    }

    public SiteFile PostPage(RenderedPost post, SiteIndex index)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(index);
        var (newer, older) = index.Neighbours(post.Post.Slug);
        var view = _views.Post(post, older, newer);
        var folder = SitePaths.PostFolder(post.Post.Slug);
        var page = _views.Page(post.Post.Title, post.Excerpt, folder) with
        {
            OgType = "article",
            Image = view.Image,
            PublishedIso = view.DateIso,
            ModifiedIso = ViewFactory.Iso(post.Post.LastModified),
            Feeds = post.Post.Tags.Take(3).Select(tag => new LinkView($"{_options.Title}: {tag} (RSS)", _views.Tag(tag).FeedUrl)).ToList(),
        };
        return Html(folder, _renderer.RenderPage(Theme.Post, page, "post", view));
    }

    public SiteFile HomePage(SiteIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var newest = index.Newest(_options.PostsPerPage);
        var list = new ListView
        {
            Heading = _options.Title,
            Intro = _options.Description,
            Groups = [new ListGroupView(string.Empty, newest.Select(_views.Card).ToList())],
            ShowExcerpts = true,
            MoreUrl = index.Posts.Count > newest.Count ? _urls.Path(SitePaths.ArchiveFolder) : null,
            MoreLabel = "Older posts are in the archive →",
        };
        return Html(string.Empty, _renderer.RenderPage(Theme.List, _views.Page(_options.Title, _options.Description, string.Empty), "list", list));
    }

    public SiteFile TagsPage(SiteIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var tags = index.Tags.Select(_views.Tag).ToList();
        var page = _views.Page("Tags", $"All {tags.Count} tags of {_options.Title}.", SitePaths.TagsFolder);
        return Html(SitePaths.TagsFolder, _renderer.RenderPage(Theme.Tags, page, "tags", tags));
    }

    /// <summary>A tag's page: every post with the tag, newest first, by year.</summary>
    public SiteFile TagPage(SiteIndex index, TagSummary tag)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(tag);
        var groups = index.Tagged(tag.Slug)
            .GroupBy(post => post.Date.UtcDateTime.Year)
            .Select(year => new ListGroupView(year.Key.ToString(CultureInfo.InvariantCulture), year.Select(_views.Card).ToList()))
            .ToList();
        var feedUrl = _urls.Path(SitePaths.TagFeed(tag.Slug));
        var list = new ListView
        {
            Heading = tag.Name,
            Intro = tag.Count == 1 ? "1 post" : string.Create(CultureInfo.InvariantCulture, $"{tag.Count} posts"),
            Groups = groups,
            TitleLevel = 3,
            FeedUrl = feedUrl,
        };
        var page = _views.Page(tag.Name, $"Posts tagged {tag.Name} on {_options.Title}.", tag.Folder) with
        {
            Feeds = [new LinkView($"{_options.Title}: {tag.Name} (RSS)", feedUrl)],
        };
        return Html(tag.Folder, _renderer.RenderPage(Theme.List, page, "list", list));
    }

    public SiteFile ArchivePage(SiteIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var years = index.Months
            .GroupBy(month => month.Year)
            .Select(year => new ArchiveYearView(year.Key, year.Select(month => new ArchiveMonthView(MonthName(month.Month), _urls.Path(month.Folder), month.Count)).ToList()))
            .ToList();
        var page = _views.Page("Archive", $"Every post of {_options.Title}, by month.", SitePaths.ArchiveFolder);
        return Html(SitePaths.ArchiveFolder, _renderer.RenderPage(Theme.Archive, page, "archive", new ArchiveView(years)));
    }

    public SiteFile ArchiveMonthPage(SiteIndex index, ArchiveMonth month)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(month);
        var heading = string.Create(CultureInfo.InvariantCulture, $"{MonthName(month.Month)} {month.Year}");
        var list = new ListView
        {
            Heading = heading,
            Groups = [new ListGroupView(string.Empty, index.InMonth(month.Year, month.Month).Select(_views.Card).ToList())],
            ShowExcerpts = true,
            MoreUrl = _urls.Path(SitePaths.ArchiveFolder),
            MoreLabel = "← All months",
        };
        var page = _views.Page(heading, $"Posts of {heading} on {_options.Title}.", month.Folder);
        return Html(month.Folder, _renderer.RenderPage(Theme.List, page, "list", list));
    }

    public SiteFile NotFoundPage()
    {
        var page = _views.Page("Page not found", string.Empty, SitePaths.NotFound) with { Noindex = true };
        return new SiteFile(SitePaths.NotFound, Encode(_renderer.RenderPage(Theme.NotFound, page, "error", string.Empty)), ContentTypes.Html);
    }

    /// <summary>The pages that send a post's old addresses to it.</summary>
    public IEnumerable<SiteFile> RedirectPages(PostSummary post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var target = new RedirectView(post.Title, _urls.Absolute(post.Folder));
        foreach (var alias in post.Aliases)
        {
            var path = SitePaths.PageOf(alias.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? alias : alias.TrimEnd('/') + "/");
            yield return new SiteFile(path, Encode(_renderer.RenderDocument(Theme.Redirect, "redirect", target)), ContentTypes.Html);
        }
    }

    public SiteFile Stylesheet() => new(SitePaths.Stylesheet, Encode(_theme.Stylesheet), ContentTypes.Css);

    private static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static SiteFile Html(string folder, string html) => new(SitePaths.PageOf(folder), Encode(html), ContentTypes.Html);

    private static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text);
}

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
/// Generates the site's HTML pages. Each page is a function of a small slice of the post index (the newest posts,
/// one month, one tag, a post and its neighbours), so one publish can regenerate just the pages it changes
/// from just the slices it reads. Thread-safe.
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

    /// <summary>A post's page, with links to the next older and next newer post.</summary>
    public SiteFile PostPage(RenderedPost post, PostSummary? older, PostSummary? newer)
    {
        ArgumentNullException.ThrowIfNull(post);
        var view = _views.Post(post, older, newer);
        var folder = SitePaths.PostFolder(post.Post.Slug);
        var page = _views.Page(post.Post.Title, post.Excerpt, folder) with
        {
            OgType = "article",
            Image = view.Image,
            PublishedIso = view.DateIso,
            ModifiedIso = ViewFactory.Iso(post.Post.LastModified),
            Feeds = view.Tags.Take(3).Select(tag => new LinkView($"{_options.Title}: {tag.Name} (RSS)", tag.FeedUrl)).ToList(),
        };
        return Html(folder, _renderer.RenderPageUtf8(Theme.Post, page, "post", view));
    }

    /// <summary>The home page: the newest posts (at most <see cref="BlogOptions.PostsPerPage"/>), then a link to the archive.</summary>
    /// <param name="newest">The newest posts, newest first; one more than fits says there are older posts.</param>
    public SiteFile HomePage(IReadOnlyList<PostSummary> newest)
    {
        ArgumentNullException.ThrowIfNull(newest);
        var shown = newest.Take(_options.PostsPerPage).ToList();
        var list = new ListView
        {
            Heading = _options.Title,
            Intro = _options.Description,
            Groups = [new ListGroupView(string.Empty, shown.Select(_views.Card).ToList())],
            ShowExcerpts = true,
            MoreUrl = newest.Count > shown.Count ? _urls.Path(SitePaths.ArchiveFolder) : null,
            MoreLabel = "Older posts are in the archive →",
        };
        return Html(string.Empty, _renderer.RenderPageUtf8(Theme.List, _views.Page(_options.Title, _options.Description, string.Empty), "list", list));
    }

    public SiteFile TagsPage(IReadOnlyList<TagSummary> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var views = tags.Select(_views.Tag).ToList();
        var page = _views.Page("Tags", $"All {views.Count} tags of {_options.Title}.", SitePaths.TagsFolder);
        return Html(SitePaths.TagsFolder, _renderer.RenderPageUtf8(Theme.Tags, page, "tags", views));
    }

    /// <summary>A tag's page: its newest posts, then a link to each year of its posts.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="newest">The tag's newest posts, newest first; the page shows <see cref="BlogOptions.PostsPerPage"/>.</param>
    /// <param name="years">How many posts the tag has each year.</param>
    public SiteFile TagPage(TagSummary tag, IReadOnlyList<PostSummary> newest, IReadOnlyDictionary<int, int> years)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(newest);
        ArgumentNullException.ThrowIfNull(years);
        var feedUrl = _urls.Path(SitePaths.TagFeed(tag.Slug));
        var list = new ListView
        {
            Heading = tag.Name,
            Intro = Count(tag.Count),
            Groups = [new ListGroupView(string.Empty, newest.Take(_options.PostsPerPage).Select(_views.Card).ToList())],
            ShowExcerpts = true,
            FeedUrl = feedUrl,
            LinksHeading = "By year",
            Links = years.OrderByDescending(year => year.Key)
                .Select(year => new LinkView(string.Create(CultureInfo.InvariantCulture, $"{year.Key} ({Count(year.Value)})"), _urls.Path(SitePaths.TagYearFolder(tag.Slug, year.Key))))
                .ToList(),
        };
        var page = _views.Page(tag.Name, $"Posts tagged {tag.Name} on {_options.Title}.", tag.Folder) with
        {
            Feeds = [new LinkView($"{_options.Title}: {tag.Name} (RSS)", feedUrl)],
        };
        return Html(tag.Folder, _renderer.RenderPageUtf8(Theme.List, page, "list", list));
    }

    /// <summary>One year of a tag's posts.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="year">The year.</param>
    /// <param name="posts">The tag's posts of that year, newest first.</param>
    public SiteFile TagYearPage(TagSummary tag, int year, IReadOnlyList<PostSummary> posts)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(posts);
        var heading = string.Create(CultureInfo.InvariantCulture, $"{tag.Name}: {year}");
        var folder = SitePaths.TagYearFolder(tag.Slug, year);
        var list = new ListView
        {
            Heading = heading,
            Intro = Count(posts.Count),
            Groups = [new ListGroupView(string.Empty, posts.Select(_views.Card).ToList())],
            MoreUrl = _urls.Path(tag.Folder),
            MoreLabel = $"← All posts tagged {tag.Name}",
        };
        var page = _views.Page(heading, $"Posts tagged {tag.Name} in {year.ToString(CultureInfo.InvariantCulture)} on {_options.Title}.", folder);
        return Html(folder, _renderer.RenderPageUtf8(Theme.List, page, "list", list));
    }

    /// <param name="months">Every month that has posts, newest first.</param>
    public SiteFile ArchivePage(IReadOnlyList<ArchiveMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var years = months
            .GroupBy(month => month.Year)
            .Select(year => new ArchiveYearView(year.Key, year.Select(month => new ArchiveMonthView(MonthName(month.Month), _urls.Path(month.Folder), month.Count)).ToList()))
            .ToList();
        var page = _views.Page("Archive", $"Every post of {_options.Title}, by month.", SitePaths.ArchiveFolder);
        return Html(SitePaths.ArchiveFolder, _renderer.RenderPageUtf8(Theme.Archive, page, "archive", new ArchiveView(years)));
    }

    /// <param name="month">The month.</param>
    /// <param name="posts">The month's posts, newest first.</param>
    public SiteFile ArchiveMonthPage(ArchiveMonth month, IReadOnlyList<PostSummary> posts)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(posts);
        var heading = string.Create(CultureInfo.InvariantCulture, $"{MonthName(month.Month)} {month.Year}");
        var list = new ListView
        {
            Heading = heading,
            Groups = [new ListGroupView(string.Empty, posts.Select(_views.Card).ToList())],
            ShowExcerpts = true,
            MoreUrl = _urls.Path(SitePaths.ArchiveFolder),
            MoreLabel = "← All months",
        };
        var page = _views.Page(heading, $"Posts of {heading} on {_options.Title}.", month.Folder);
        return Html(month.Folder, _renderer.RenderPageUtf8(Theme.List, page, "list", list));
    }

    public SiteFile NotFoundPage()
    {
        var page = _views.Page("Page not found", string.Empty, SitePaths.NotFound) with { Noindex = true };
        return new SiteFile(SitePaths.NotFound, _renderer.RenderPageUtf8(Theme.NotFound, page, "error", string.Empty), ContentTypes.Html);
    }

    /// <summary>The pages that send a post's old addresses to it.</summary>
    public IEnumerable<SiteFile> RedirectPages(PostSummary post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return post.Aliases.Select(alias => RedirectPage(post, SitePaths.RedirectPageOf(alias)));
    }

    /// <summary>The page at <paramref name="path"/> that sends a reader to <paramref name="post"/>.</summary>
    public SiteFile RedirectPage(PostSummary post, string path)
    {
        ArgumentNullException.ThrowIfNull(post);
        var target = new RedirectView(post.Title, _urls.Absolute(post.Folder));
        return new SiteFile(path, Encode(_renderer.RenderDocument(Theme.Redirect, "redirect", target)), ContentTypes.Html);
    }

    public SiteFile Stylesheet() => new(SitePaths.Stylesheet, Encode(_theme.Stylesheet), ContentTypes.Css);

    public SiteFile Icon() => new(SitePaths.Icon, Encode(_theme.Icon), ContentTypes.Svg);

    private static string Count(int posts) => posts == 1 ? "1 post" : string.Create(CultureInfo.InvariantCulture, $"{posts} posts");

    private static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static SiteFile Html(string folder, ReadOnlyMemory<byte> html) => new(SitePaths.PageOf(folder), html, ContentTypes.Html);

    private static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text);
}

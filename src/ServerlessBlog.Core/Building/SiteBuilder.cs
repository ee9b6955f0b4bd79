using System.Collections.Concurrent;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Feeds;
using ServerlessBlog.Core.Generation;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;
using ServerlessBlog.Core.Theming;

namespace ServerlessBlog.Core.Building;

/// <summary>
/// Builds a whole site from a content root: parse every post, render and write each post page as soon as it is
/// rendered, then the listings, feeds and sitemaps from the index, then the assets. A post that cannot be built is
/// reported and left out; the rest of the site is still built.
/// </summary>
public sealed class SiteBuilder
{
    private readonly BlogOptions _options;
    private readonly TimeProvider _time;
    private readonly PostParser _parser;
    private readonly PostRenderer _renderer;
    private readonly FeedGenerator _feeds;

    public SiteBuilder(BlogOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _parser = new PostParser(options);
        _renderer = new PostRenderer(new SiteUrls(options.BaseUrl), allowRawHtml: options.AllowRawHtml);
        _feeds = new FeedGenerator(options);
    }

    public async Task<BuildReport> BuildAsync(IContentSource source, ISiteStore store, BuildSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);

        var entries = new List<ContentEntry>();
        await foreach (var entry in source.ListAsync(cancellationToken))
        {
            entries.Add(entry);
        }

        var errors = new ConcurrentBag<BuildError>();
        var output = new OutputTracker(store);
        var theme = await LoadThemeAsync(source, entries, cancellationToken);
        var pages = new PageGenerator(_options, theme);

        var parsed = await ParseAsync(source, entries.Where(entry => !ContentPaths.IsIgnored(entry.Path) && ContentPaths.IsPost(entry.Path)), errors, cancellationToken);
        var now = _time.GetUtcNow();
        var published = parsed
            .Where(post => (settings.IncludeDrafts || !post.Draft) && (settings.IncludeFuture || post.Date <= now))
            .ToList();
        var skipped = parsed.Count - published.Count;
        published = RejectTakenSlugs(published, errors);

        var (summaries, feedContent) = await RenderPostsAsync(published, output, pages, errors, cancellationToken);
        var index = new SiteIndex(summaries);
        await output.WriteAllAsync(SitePagesOf(index, pages, slug => feedContent[slug.Slug]), Parallelism(cancellationToken));
        await WriteRedirectPagesAsync(index, pages, output, Parallelism(cancellationToken));
        var assets = await CopyAssetsAsync(source, entries, output, errors, _options.AllowRawHtml, cancellationToken);
        var deleted = settings.Clean ? await output.DeleteOthersAsync(cancellationToken) : 0;

        return new BuildReport
        {
            Posts = index.Posts.Count,
            Pages = output.Count(ContentTypes.Html),
            Feeds = output.Count(RssFeedContentTypes),
            Assets = assets,
            Skipped = skipped,
            Written = output.Written,
            Unchanged = output.Unchanged,
            Deleted = deleted,
            Errors = errors.OrderBy(error => error.Path, StringComparer.Ordinal).ThenBy(error => error.Line).ToList(),
        };
    }

    /// <summary>
    /// Renders and writes every post page. A post whose Markdown cannot be rendered is reported and left out, and the
    /// pages are rendered again without it, so that no neighbour links to it: as a publish would have rejected it.
    /// </summary>
    private async Task<(ConcurrentBag<PostSummary> Summaries, ConcurrentDictionary<string, FeedContent> FeedContent)> RenderPostsAsync(
        List<Post> published, OutputTracker output, PageGenerator pages, ConcurrentBag<BuildError> errors, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Neighbours and feed membership depend only on dates, slugs and tags: known before anything is rendered.
            var outline = new SiteIndex(published.Select(post => new RenderedPost(post, string.Empty, string.Empty, 1).ToSummary()));
            var inFeeds = FeedSlugs(outline, _feeds.FeedItems);
            var links = new DictionaryLinkResolver(published.ToDictionary(post => post.SourcePath, post => post.Slug, StringComparer.Ordinal));

            var summaries = new ConcurrentBag<PostSummary>();
            var feedContent = new ConcurrentDictionary<string, FeedContent>(StringComparer.Ordinal);
            var failed = new ConcurrentBag<Post>();
            await Parallel.ForEachAsync(published, Parallelism(cancellationToken), async (post, token) =>
            {
                RenderedPost rendered;
                try
                {
                    rendered = _renderer.Render(post, links);
                }
                catch (ContentException ex)
                {
                    errors.Add(new BuildError(post.SourcePath, ex.Line, ex.Message));
                    failed.Add(post);
                    return;
                }

                var (newer, older) = outline.Neighbours(post.Slug);
                await output.WriteAsync(pages.PostPage(rendered, older, newer), token);
                summaries.Add(rendered.ToSummary());
                if (inFeeds.Contains(post.Slug))
                {
                    feedContent[post.Slug] = new FeedContent(rendered.ContentHtml);
                }
            });

            if (failed.IsEmpty)
            {
                return (summaries, feedContent);
            }

            published = published.Except(failed).ToList();
        }
    }

    private static readonly string[] RssFeedContentTypes =
        [Feeds.RssFeedWriter.ContentType, Feeds.AtomFeedWriter.ContentType, Feeds.JsonFeedWriter.ContentType];

    private IEnumerable<Func<SiteFile>> SitePagesOf(SiteIndex index, PageGenerator pages, Func<PostSummary, FeedContent> contentOf)
    {
        yield return () => pages.HomePage(index.Newest(_options.PostsPerPage + 1));
        yield return () => pages.TagsPage(index.Tags);
        yield return () => pages.ArchivePage(index.Months);
        yield return pages.NotFoundPage;
        yield return pages.Stylesheet;
        yield return pages.Icon;
        yield return _feeds.Robots;
        foreach (var writeFeed in _feeds.SiteFeedWriters(index.Newest(_feeds.FeedItems), contentOf))
        {
            yield return writeFeed;
        }

        yield return () => _feeds.SitemapIndex(index.Months);
        yield return () => _feeds.PagesSitemap(index.Months, index.Tags);

        foreach (var tag in index.Tags)
        {
            var years = index.Tagged(tag.Slug).GroupBy(post => post.Date.UtcDateTime.Year).ToDictionary(year => year.Key, year => year.ToList());
            yield return () => pages.TagPage(tag, index.Tagged(tag.Slug), years.ToDictionary(year => year.Key, year => year.Value.Count));
            foreach (var (year, posts) in years)
            {
                yield return () => pages.TagYearPage(tag, year, posts);
            }

            yield return () => _feeds.TagFeed(tag, index.Tagged(tag.Slug), contentOf);
        }

        foreach (var month in index.Months)
        {
            yield return () => pages.ArchiveMonthPage(month, index.InMonth(month.Year, month.Month));
            yield return () => _feeds.MonthSitemap(month, index.InMonth(month.Year, month.Month));
        }
    }

    /// <summary>
    /// The redirect pages of the posts' aliases, written after every other page, so that each path gets one file whatever
    /// order the writers run in: a page the site makes anyway wins over an alias (as does a file where the alias needs a
    /// folder), and of posts that claim one alias, the file whose path sorts first has it, as with slugs.
    /// </summary>
    private static async Task WriteRedirectPagesAsync(SiteIndex index, PageGenerator pages, OutputTracker output, ParallelOptions parallelism)
    {
        var redirects = index.Posts
            .Where(post => post.Aliases.Count > 0)
            .OrderBy(post => post.SourcePath, StringComparer.Ordinal)
            .SelectMany(pages.RedirectPages)
            .Where(output.TryClaim)
            .Select(redirect => (Func<SiteFile>)(() => redirect))
            .ToList();
        await output.WriteAllAsync(redirects, parallelism);
    }

    private async Task<List<Post>> ParseAsync(IContentSource source, IEnumerable<ContentEntry> posts, ConcurrentBag<BuildError> errors, CancellationToken cancellationToken)
    {
        var parsed = new ConcurrentBag<Post>();
        await Parallel.ForEachAsync(posts, Parallelism(cancellationToken), async (entry, token) =>
        {
            try
            {
                parsed.Add(_parser.Parse(await source.ReadAsync(entry, token)));
            }
            catch (ContentException ex)
            {
                errors.Add(new BuildError(entry.Path, ex.Line, ex.Message));
            }
        });

        return parsed.OrderBy(post => post.SourcePath, StringComparer.Ordinal).ToList();
    }

    /// <summary>Two posts may not share a slug: the one whose path sorts first keeps it, whatever order they were read in.</summary>
    private static List<Post> RejectTakenSlugs(List<Post> posts, ConcurrentBag<BuildError> errors)
    {
        var owners = new Dictionary<string, Post>(StringComparer.Ordinal);
        var kept = new List<Post>(posts.Count);
        foreach (var post in posts)
        {
            if (owners.TryGetValue(post.Slug, out var owner))
            {
                errors.Add(new BuildError(post.SourcePath, 1, $"the slug '{post.Slug}' is already taken by {owner.SourcePath}"));
                continue;
            }

            owners[post.Slug] = post;
            kept.Add(post);
        }

        return kept;
    }

    private static HashSet<string> FeedSlugs(SiteIndex outline, int feedItems)
    {
        var slugs = new HashSet<string>(outline.Newest(feedItems).Select(post => post.Slug), StringComparer.Ordinal);
        foreach (var tag in outline.Tags)
        {
            slugs.UnionWith(outline.Tagged(tag.Slug).Take(feedItems).Select(post => post.Slug));
        }

        return slugs;
    }

    private static async Task<Theme> LoadThemeAsync(IContentSource source, List<ContentEntry> entries, CancellationToken cancellationToken)
    {
        var overrides = ThemeFiles.Texts(await ThemeFiles.ReadAsync(source, entries, cancellationToken));
        return overrides.Count == 0 ? Theme.Default : Theme.Load(overrides);
    }

    private static async Task<int> CopyAssetsAsync(IContentSource source, List<ContentEntry> entries, OutputTracker output, ConcurrentBag<BuildError> errors, bool trusted, CancellationToken cancellationToken)
    {
        var assets = new List<ContentEntry>();
        foreach (var entry in entries.Where(entry => !ContentPaths.IsIgnored(entry.Path) && !ContentPaths.IsPost(entry.Path)))
        {
            if (SitePaths.IsReserved(entry.Path) || output.Collides(entry.Path))
            {
                errors.Add(new BuildError(entry.Path, 1, "the site generates a file at this path (or in a folder of that name); rename the asset"));
                continue;
            }

            assets.Add(entry);
        }

        var copied = 0;
        await Parallel.ForEachAsync(assets, Parallelism(cancellationToken), async (entry, token) =>
        {
            var file = await source.ReadAsync(entry, token);
            try
            {
                if (!trusted)
                {
                    AssetCheck.Check(entry.Path, file.Content);
                }
            }
            catch (ContentException ex)
            {
                errors.Add(new BuildError(entry.Path, ex.Line, ex.Message));
                return;
            }

            await output.WriteAsync(new SiteFile(entry.Path, file.Content, ContentTypes.ForPath(entry.Path)), token);
            Interlocked.Increment(ref copied);
        });

        return copied;
    }

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = Environment.ProcessorCount,
        CancellationToken = cancellationToken,
    };
}

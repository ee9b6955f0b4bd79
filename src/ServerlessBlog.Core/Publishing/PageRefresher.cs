using System.Runtime.CompilerServices;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Feeds;
using ServerlessBlog.Core.Generation;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Rewrites the pages one post change affects, from the index slices they depend on: the post and its neighbours,
/// the home page and feeds when the post is among the newest, its months, tags, years, the archive, tags and sitemap
/// index pages. If another publisher changed a slice meanwhile, the refresh runs again, so the last one to finish
/// always leaves pages made from the latest index.
/// </summary>
/// <param name="options">The blog's settings.</param>
/// <param name="pages">The pages of the site's theme.</param>
/// <param name="feeds">The feed generator.</param>
/// <param name="documents">The publishing state.</param>
/// <param name="records">The publisher's cache of post records.</param>
/// <param name="site">Where the pages go.</param>
/// <param name="refreshStopped">Called when a refresh stops after it began writing pages, before it could tell that they are made from the latest index.</param>
internal sealed class PageRefresher(BlogOptions options, PageGenerator pages, FeedGenerator feeds, StateDocuments documents, PostRecordCache records, ISiteStore site, Func<Task> refreshStopped)
{
    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    private readonly RedirectClaims _redirects = new(options, pages);

    /// <summary>A publish writes a few dozen files: all of them at once, within reason.</summary>
    internal const int MaxConcurrentWrites = 32;

    /// <summary>
    /// Rewrites the pages of the change; the first round starts from the index documents the change left, when known.
    /// A round made from an index another publisher changed meanwhile is made again, with the conflict pipeline's
    /// back-off, so that a burst of publishes settles; if the index never stops changing, the conflict escapes and
    /// the platform retries the publish. A round made again also writes again what the rounds before it wrote
    /// (<see cref="RefreshReach"/>), so that the last round leaves every page this refresh wrote made from its index.
    /// </summary>
    /// <param name="previous">The post as the index held it, if it did.</param>
    /// <param name="current">The post as the index holds it now, if it does.</param>
    /// <param name="alsoRender">Slugs of other posts whose pages are written too (the neighbours the post had).</param>
    /// <param name="known">The index documents the change wrote, to start from.</param>
    /// <param name="everyList">Whether to write the newest lists and the feeds of the change's tags whatever the index says.</param>
    /// <param name="cancellationToken">Cancels the refresh; the operation's retry does it again.</param>
    /// <returns>How many site files were written or deleted.</returns>
    public async Task<int> RefreshAsync(PostSummary? previous, PostSummary? current, IReadOnlyCollection<string> alsoRender, IndexSnapshot? known, bool everyList, CancellationToken cancellationToken)
    {
        var changed = 0;
        var snapshot = known;
        var reach = new RefreshReach(everyList);
        var writing = false;
        try
        {
            await documents.RetryOnConflictAsync(
                async token =>
                {
                    var reader = new IndexReader(documents, records, snapshot);
                    snapshot = null;
                    var (files, deletions) = await PlanAsync(reader, previous, current, alsoRender, known?.RenamedTags ?? EmptySet, reach, token);
                    writing = true;
                    changed += await WriteAsync(files, deletions, token);
                    return await reader.IsStaleAsync(token) ? throw new StateConflictException(StatePaths.Catalog) : changed;
                },
                cancellationToken);
        }
        catch (Exception) when (writing)
        {
            // The retry starts again from the index as it is then, without what this refresh wrote: a page it wrote may
            // be older than another publisher's (or land later still, if its write timed out), and is not written again.
            // Someone else must make every page again.
            await refreshStopped();
            throw;
        }

        return changed;
    }

    /// <summary>What one section of a refresh writes and deletes.</summary>
    private sealed record Plan(List<SiteFile> Files, List<string> Deletions)
    {
        public static Plan Empty() => new([], []);
    }

    private async Task<(List<SiteFile> Files, List<string> Deletions)> PlanAsync(
        IndexReader reader, PostSummary? previous, PostSummary? current, IReadOnlyCollection<string> alsoRender, IReadOnlySet<string> renamedTags, RefreshReach reach, CancellationToken cancellationToken)
    {
        var catalog = await reader.CatalogAsync(cancellationToken);
        await reader.PrefetchPartitionsAsync(PartitionsToRead(catalog, previous, current), cancellationToken);
        var months = catalog.Months;
        var tags = catalog.Tags.Select(tag => tag.ToSummary()).ToList();

        // The sections read through one cache and share nothing else: make them at once.
        var sections = new List<Task<Plan>>
        {
            PostPagesAsync(reader, previous, current, alsoRender, reach, cancellationToken),
            NewestAsync(reader, previous, current, reach, cancellationToken),
            ArchiveAsync(reader, months, previous, current, cancellationToken),
            SitemapsAsync(reader, months, tags, previous, current, cancellationToken),
        };
        sections.AddRange(ChangeKeys.Tags(previous, current).Select(tagSlug => TagAsync(reader, catalog, tags, tagSlug, previous, current, renamedTags.Contains(tagSlug), reach, cancellationToken)));
        var plans = await Task.WhenAll(sections);

        var files = plans.SelectMany(plan => plan.Files).Append(pages.TagsPage(tags)).ToList();
        var deletions = plans.SelectMany(plan => plan.Deletions).ToList();
        await SettleRedirectsAsync(reader, files, deletions, ChangeKeys.RedirectPages(previous, current), cancellationToken);
        return (files, deletions);
    }

    /// <summary>
    /// Settles the pages the change's aliases claim or claimed, and those of the pages this round deletes (a post, tag or
    /// month that went may leave its address to an alias). Then each path gets one file: a write made from this round's
    /// index wins over a deletion.
    /// </summary>
    private async Task SettleRedirectsAsync(IndexReader reader, List<SiteFile> files, List<string> deletions, HashSet<string> claimed, CancellationToken cancellationToken)
    {
        var written = files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
        var deleted = deletions.Where(path => path.EndsWith(".html", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var toSettle = claimed.Where(path => !written.Contains(path)).Union(deleted, StringComparer.Ordinal).ToList();
        var settled = await Task.WhenAll(toSettle.Select(path => _redirects.SettleAsync(reader, path, deleted.Contains(path), cancellationToken)));
        foreach (var (path, outcome) in toSettle.Zip(settled))
        {
            if (outcome.File is { } file && written.Add(file.Path))
            {
                files.Add(file);
            }
            else if (outcome.Delete && !deletions.Contains(path))
            {
                deletions.Add(path);
            }
        }

        deletions.RemoveAll(written.Contains);
    }

    /// <summary>
    /// The post, and the neighbours whose previous/next links may have changed, as this round's index has them and as
    /// the rounds before had them. A page an earlier round wrote for a post the index no longer lists is deleted: that
    /// write may have come after the removal's.
    /// </summary>
    private async Task<Plan> PostPagesAsync(IndexReader reader, PostSummary? previous, PostSummary? current, IReadOnlyCollection<string> alsoRender, RefreshReach reach, CancellationToken cancellationToken)
    {
        var plan = Plan.Empty();

        // Slug to revision, where the index names one: the record cache serves only that revision.
        var toRender = alsoRender.ToDictionary(slug => slug, _ => (string?)null, StringComparer.Ordinal);
        var earlier = reach.Posts;
        foreach (var slug in earlier.Keys)
        {
            toRender.TryAdd(slug, null);
        }

        if (current is not null)
        {
            var (older, newer) = await reader.NeighboursAsync(current, cancellationToken);
            foreach (var post in new[] { current, older, newer }.OfType<PostSummary>())
            {
                toRender[post.Slug] = post.Revision;
            }
        }

        foreach (var (slug, revision) in toRender)
        {
            var record = await reader.PostAsync(slug, revision, cancellationToken);
            if (record is not null && await reader.ListsAsync(record.Summary, cancellationToken))
            {
                var (older, newer) = await reader.NeighboursAsync(record.Summary, cancellationToken);
                plan.Files.Add(pages.PostPage(record.ToRendered(), older, newer));
                reach.AddPost(record.Summary);
            }
            else if (earlier.TryGetValue(slug, out var then) && !await reader.IsListedAnywhereAsync(record, then, cancellationToken))
            {
                // Gone, or going (a removal takes the post out of the index before it deletes the page, and the record
                // after), or not listed yet (a publish writes the record first: the index changes after this read, and
                // the next round writes the page).
                plan.Deletions.Add(SitePaths.PageOf(SitePaths.PostFolder(slug)));
            }
        }

        if (previous is not null && previous.Slug != current?.Slug)
        {
            plan.Deletions.Add(SitePaths.PageOf(previous.Folder));
        }

        return plan;
    }

    /// <summary>The home page and feeds, when the post is or was among the newest.</summary>
    private async Task<Plan> NewestAsync(IndexReader reader, PostSummary? previous, PostSummary? current, RefreshReach reach, CancellationToken cancellationToken)
    {
        var plan = Plan.Empty();
        var wanted = Math.Max(options.PostsPerPage + 1, options.FeedItems);
        var newest = await reader.NewestAsync(wanted, cancellationToken);
        if (reach.Newest || IsAmong(newest, wanted, previous, current))
        {
            reach.AddNewest();
            plan.Files.Add(pages.HomePage(newest));
            var feedPosts = newest.Take(options.FeedItems).ToList();
            var content = await ContentOfAsync(reader, feedPosts, cancellationToken);
            plan.Files.AddRange(feeds.SiteFeeds(feedPosts, post => content[post.Slug]));
        }

        return plan;
    }

    /// <summary>The archive, and the months of the change.</summary>
    private async Task<Plan> ArchiveAsync(IndexReader reader, List<ArchiveMonth> months, PostSummary? previous, PostSummary? current, CancellationToken cancellationToken)
    {
        var plan = Plan.Empty();
        plan.Files.Add(pages.ArchivePage(months));
        foreach (var month in ChangeKeys.Months(previous, current))
        {
            var posts = await reader.MonthAsync(month.Year, month.Month, cancellationToken);
            var known = months.FirstOrDefault(candidate => candidate.Year == month.Year && candidate.Month == month.Month);
            if (known is null || posts.Count == 0)
            {
                plan.Deletions.Add(SitePaths.PageOf(SitePaths.ArchiveMonthFolder(month.Year, month.Month)));
                continue;
            }

            plan.Files.Add(pages.ArchiveMonthPage(known, posts));
        }

        return plan;
    }

    /// <summary>
    /// A tag of the change: its page, its pages of the change's years (of every year, when the change gave the tag
    /// another spelling, since every page names it), and its feed.
    /// </summary>
    private async Task<Plan> TagAsync(IndexReader reader, SiteCatalog catalog, List<TagSummary> tags, string tagSlug, PostSummary? previous, PostSummary? current, bool renamed, RefreshReach reach, CancellationToken cancellationToken)
    {
        var plan = Plan.Empty();
        var tag = tags.FirstOrDefault(candidate => candidate.Slug == tagSlug);
        if (tag is null)
        {
            plan.Deletions.Add(SitePaths.PageOf(SitePaths.TagFolder(tagSlug)));
            plan.Deletions.Add(SitePaths.TagFeed(tagSlug));
            plan.Deletions.AddRange(ChangeKeys.Years(previous, current).Union(reach.TagYears(tagSlug)).Select(year => SitePaths.PageOf(SitePaths.TagYearFolder(tagSlug, year))));
            return plan;
        }

        var years = catalog.Tags.First(candidate => candidate.Slug == tagSlug).Years;
        var tagged = await reader.TaggedAsync(tagSlug, Math.Max(options.PostsPerPage, options.FeedItems), cancellationToken);
        plan.Files.Add(pages.TagPage(tag, tagged, years));
        foreach (var year in (renamed ? ChangeKeys.Years(previous, current).Union(years.Keys) : ChangeKeys.Years(previous, current)).Union(reach.TagYears(tagSlug)))
        {
            reach.AddTagYear(tagSlug, year);
            var folder = SitePaths.TagYearFolder(tagSlug, year);
            var inYear = years.ContainsKey(year) ? await reader.TagYearAsync(tagSlug, year, cancellationToken) : [];
            if (inYear.Count == 0)
            {
                plan.Deletions.Add(SitePaths.PageOf(folder));
                continue;
            }

            plan.Files.Add(pages.TagYearPage(tag, year, inYear));
        }

        var feedPosts = tagged.Take(options.FeedItems).ToList();
        if (renamed || reach.HasTagFeed(tagSlug) || IsAmong(feedPosts, options.FeedItems, previous, current))
        {
            reach.AddTagFeed(tagSlug);
            var content = await ContentOfAsync(reader, feedPosts, cancellationToken);
            plan.Files.Add(feeds.TagFeed(tag, feedPosts, post => content[post.Slug]));
        }

        return plan;
    }

    /// <summary>The sitemap index, the pages sitemap, and the sitemaps of the change's months.</summary>
    private async Task<Plan> SitemapsAsync(IndexReader reader, List<ArchiveMonth> months, List<TagSummary> tags, PostSummary? previous, PostSummary? current, CancellationToken cancellationToken)
    {
        var plan = Plan.Empty();
        plan.Files.Add(feeds.SitemapIndex(months));
        plan.Files.Add(feeds.PagesSitemap(months, tags));
        foreach (var (year, number) in ChangeKeys.Months(previous, current))
        {
            var posts = await reader.MonthAsync(year, number, cancellationToken);
            var month = months.FirstOrDefault(candidate => candidate.Year == year && candidate.Month == number);
            if (month is null || posts.Count == 0)
            {
                plan.Deletions.Add(SitePaths.SitemapOfMonth(year, number));
                continue;
            }

            plan.Files.Add(feeds.MonthSitemap(month, posts));
        }

        return plan;
    }

    private Task<int> WriteAsync(List<SiteFile> files, List<string> deletions, CancellationToken cancellationToken) =>
        WriteAsync(site, files, deletions, cancellationToken);

    /// <summary>Writes the files at once (within reason), then makes the deletions.</summary>
    /// <returns>How many files were written (their bytes changed) or deleted.</returns>
    internal static async Task<int> WriteAsync(ISiteStore site, List<SiteFile> files, List<string> deletions, CancellationToken cancellationToken)
    {
        var written = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentWrites, CancellationToken = cancellationToken }, async (file, token) =>
        {
            if (await site.WriteAsync(file, token))
            {
                Interlocked.Increment(ref written);
            }
        });

        foreach (var path in deletions)
        {
            await site.DeleteAsync(path, cancellationToken);
        }

        return written + deletions.Count;
    }

    // A post's escaped feed content, for as long as its record is alive: the site feeds and the feed of each of its tags
    // are planned from the same record (the reader and the record cache hand out one instance a revision), so the post
    // is escaped once for all of them rather than once a feed.
    private static readonly ConditionalWeakTable<PostRecord, FeedContent> FeedContentOf = new();

    private static async Task<Dictionary<string, FeedContent>> ContentOfAsync(IndexReader reader, List<PostSummary> posts, CancellationToken cancellationToken)
    {
        var records = await Task.WhenAll(posts.Select(post => reader.PostAsync(post.Slug, post.Revision, cancellationToken).AsTask()));
        var content = new Dictionary<string, FeedContent>(StringComparer.Ordinal);
        foreach (var (post, record) in posts.Zip(records))
        {
            content.TryAdd(post.Slug, record is null ? FeedContent.Empty : FeedContentOf.GetValue(record, static read => new FeedContent(read.ContentHtml)));
        }

        return content;
    }

    /// <summary>
    /// Whether the change touches a list of the newest posts: the post is in it, or was newer than its oldest entry.
    /// A refresh of no change (a reconcile's) touches every list: it rewrites what other refreshes may have left stale.
    /// </summary>
    private static bool IsAmong(List<PostSummary> newest, int wanted, PostSummary? previous, PostSummary? current)
    {
        if (newest.Count < wanted || (previous is null && current is null))
        {
            return true;
        }

        var oldest = newest[^1];
        return newest.Any(post => post.Slug == current?.Slug || post.Slug == previous?.Slug)
            || (previous is not null && SiteIndex.NewestFirst.Instance.Compare(previous, oldest) <= 0);
    }

    /// <summary>The partitions a refresh reads for this change: its months, the newest months, its tags' newest and touched years.</summary>
    private static IEnumerable<string> PartitionsToRead(SiteCatalog catalog, PostSummary? previous, PostSummary? current)
    {
        var years = ChangeKeys.Years(previous, current);
        foreach (var (year, month) in ChangeKeys.Months(previous, current))
        {
            yield return StatePaths.Month(year, month);
        }

        foreach (var month in catalog.Months.Take(2))
        {
            yield return StatePaths.Month(month.Year, month.Month);
        }

        var tags = ChangeKeys.Tags(previous, current);
        foreach (var tag in catalog.Tags.Where(tag => tags.Contains(tag.Slug)))
        {
            foreach (var year in tag.Years.Keys.Where(years.Contains).Append(tag.Years.Keys.DefaultIfEmpty().Max()).Distinct())
            {
                yield return StatePaths.TagYear(tag.Slug, year);
            }
        }
    }
}

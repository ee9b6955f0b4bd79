using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
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
internal sealed class PageRefresher(BlogOptions options, PageGenerator pages, FeedGenerator feeds, StateDocuments documents, ISiteStore site)
{
    private const int MaxRounds = 8;

    /// <returns>How many site files were written or deleted.</returns>
    public async Task<int> RefreshAsync(PostSummary? previous, PostSummary? current, IReadOnlyCollection<string> alsoRender, CancellationToken cancellationToken)
    {
        var changed = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var reader = new IndexReader(documents);
            var (files, deletions) = await PlanAsync(reader, previous, current, alsoRender, cancellationToken);
            changed += await WriteAsync(files, deletions, cancellationToken);
            if (!await reader.IsStaleAsync(cancellationToken))
            {
                break;
            }
        }

        return changed;
    }

    private async Task<(List<SiteFile> Files, List<string> Deletions)> PlanAsync(
        IndexReader reader, PostSummary? previous, PostSummary? current, IReadOnlyCollection<string> alsoRender, CancellationToken cancellationToken)
    {
        var files = new List<SiteFile>();
        var deletions = new List<string>();
        var catalog = await reader.CatalogAsync(cancellationToken);
        await reader.PrefetchAsync(PartitionsToRead(catalog, previous, current), cancellationToken);
        var months = catalog.Months.Select(month => new ArchiveMonth(month.Year, month.Month, month.Count, month.LastModified)).ToList();
        var tags = catalog.Tags.Select(tag => new TagSummary(tag.Slug, tag.Name, tag.Count, tag.LastModified)).ToList();

        // The post, and the neighbours whose previous/next links may have changed.
        var toRender = new HashSet<string>(alsoRender, StringComparer.Ordinal);
        if (current is not null)
        {
            toRender.Add(current.Slug);
            var (older, newer) = await reader.NeighboursAsync(current, cancellationToken);
            AddSlugs(toRender, older, newer);
        }

        foreach (var slug in toRender)
        {
            if (await reader.PostAsync(slug, cancellationToken) is { } record)
            {
                var (older, newer) = await reader.NeighboursAsync(record.Summary, cancellationToken);
                files.Add(pages.PostPage(record.ToRendered(), older, newer));
            }
        }

        if (previous is not null && previous.Slug != current?.Slug)
        {
            deletions.Add(SitePaths.PageOf(previous.Folder));
        }

        // The home page and feeds, when the post is or was among the newest.
        var wanted = Math.Max(options.PostsPerPage + 1, options.FeedItems);
        var newest = await reader.NewestAsync(wanted, cancellationToken);
        if (IsAmong(newest, wanted, previous, current))
        {
            files.Add(pages.HomePage(newest));
            var feedPosts = newest.Take(options.FeedItems).ToList();
            var content = await ContentOfAsync(reader, feedPosts, cancellationToken);
            files.AddRange(feeds.SiteFeeds(feedPosts, post => content[post.Slug]));
        }

        // The archive.
        files.Add(pages.ArchivePage(months));
        foreach (var month in MonthsOf(previous, current))
        {
            var posts = await reader.MonthAsync(month.Year, month.Month, cancellationToken);
            var known = months.FirstOrDefault(candidate => candidate.Year == month.Year && candidate.Month == month.Month);
            if (known is null || posts.Count == 0)
            {
                deletions.Add(SitePaths.PageOf(SitePaths.ArchiveMonthFolder(month.Year, month.Month)));
                continue;
            }

            files.Add(pages.ArchiveMonthPage(known, posts));
        }

        // Tags.
        files.Add(pages.TagsPage(tags));
        foreach (var tagSlug in TagsOf(previous, current))
        {
            var tag = tags.FirstOrDefault(candidate => candidate.Slug == tagSlug);
            if (tag is null)
            {
                deletions.Add(SitePaths.PageOf(SitePaths.TagFolder(tagSlug)));
                deletions.Add(SitePaths.TagFeed(tagSlug));
                deletions.AddRange(YearsOf(previous, current).Select(year => SitePaths.PageOf(SitePaths.TagYearFolder(tagSlug, year))));
                continue;
            }

            var years = catalog.Tags.First(candidate => candidate.Slug == tagSlug).Years;
            var tagged = await reader.TaggedAsync(tagSlug, Math.Max(options.PostsPerPage, options.FeedItems), cancellationToken);
            files.Add(pages.TagPage(tag, tagged, years));
            foreach (var year in YearsOf(previous, current))
            {
                var folder = SitePaths.TagYearFolder(tagSlug, year);
                var inYear = years.ContainsKey(year) ? await reader.TagYearAsync(tagSlug, year, cancellationToken) : [];
                if (inYear.Count == 0)
                {
                    deletions.Add(SitePaths.PageOf(folder));
                    continue;
                }

                files.Add(pages.TagYearPage(tag, year, inYear));
            }

            if (IsAmong(tagged.Take(options.FeedItems).ToList(), options.FeedItems, previous, current))
            {
                var feedPosts = tagged.Take(options.FeedItems).ToList();
                var content = await ContentOfAsync(reader, feedPosts, cancellationToken);
                files.Add(feeds.TagFeed(tag, feedPosts, post => content[post.Slug]));
            }
        }

        // Sitemaps.
        files.Add(feeds.SitemapIndex(months));
        files.Add(feeds.PagesSitemap(months, tags));
        foreach (var year in MonthsOf(previous, current).Select(month => month.Year).Distinct())
        {
            var posts = await reader.YearAsync(year, cancellationToken);
            if (posts.Count == 0)
            {
                deletions.Add(SitePaths.SitemapOfYear(year));
                continue;
            }

            files.Add(feeds.YearSitemap(year, posts));
        }

        // Old addresses.
        if (current is not null)
        {
            files.AddRange(pages.RedirectPages(current));
        }

        var redirects = files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
        deletions.AddRange((previous?.Aliases ?? []).Select(alias => SitePaths.PageOf(alias.TrimEnd('/') + "/")).Where(path => !redirects.Contains(path)));
        return (files, deletions);
    }

    private async Task<int> WriteAsync(List<SiteFile> files, List<string> deletions, CancellationToken cancellationToken)
    {
        var written = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (file, token) =>
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

    private static async Task<Dictionary<string, string>> ContentOfAsync(IndexReader reader, List<PostSummary> posts, CancellationToken cancellationToken)
    {
        var records = await Task.WhenAll(posts.Select(post => reader.PostAsync(post.Slug, cancellationToken).AsTask()));
        return posts.Zip(records).ToDictionary(pair => pair.First.Slug, pair => pair.Second?.ContentHtml ?? string.Empty, StringComparer.Ordinal);
    }

    /// <summary>Whether the change touches a list of the newest posts: the post is in it, or was newer than its oldest entry.</summary>
    private static bool IsAmong(List<PostSummary> newest, int wanted, PostSummary? previous, PostSummary? current)
    {
        if (newest.Count < wanted)
        {
            return true;
        }

        var oldest = newest[^1];
        return newest.Any(post => post.Slug == current?.Slug || post.Slug == previous?.Slug)
            || (previous is not null && SiteIndex.NewestFirst.Instance.Compare(previous, oldest) <= 0);
    }

    private static void AddSlugs(HashSet<string> slugs, params ReadOnlySpan<PostSummary?> posts)
    {
        foreach (var post in posts)
        {
            if (post is not null)
            {
                slugs.Add(post.Slug);
            }
        }
    }

    private static HashSet<(int Year, int Month)> MonthsOf(PostSummary? previous, PostSummary? current) =>
        new[] { previous, current }.OfType<PostSummary>().Select(post => (post.Date.UtcDateTime.Year, post.Date.UtcDateTime.Month)).ToHashSet();

    /// <summary>The partitions a refresh reads for this change: the months of its years, its tags' newest and touched years.</summary>
    private static IEnumerable<string> PartitionsToRead(SiteCatalog catalog, PostSummary? previous, PostSummary? current)
    {
        var years = YearsOf(previous, current);
        foreach (var month in catalog.Months.Where(month => years.Contains(month.Year)).Take(24))
        {
            yield return StatePaths.Month(month.Year, month.Month);
        }

        foreach (var month in catalog.Months.Take(2))
        {
            yield return StatePaths.Month(month.Year, month.Month);
        }

        var tags = TagsOf(previous, current);
        foreach (var tag in catalog.Tags.Where(tag => tags.Contains(tag.Slug)))
        {
            foreach (var year in tag.Years.Keys.Where(years.Contains).Append(tag.Years.Keys.DefaultIfEmpty().Max()).Distinct())
            {
                yield return StatePaths.TagYear(tag.Slug, year);
            }
        }
    }

    private static HashSet<int> YearsOf(PostSummary? previous, PostSummary? current) =>
        new[] { previous, current }.OfType<PostSummary>().Select(post => post.Date.UtcDateTime.Year).ToHashSet();

    private static HashSet<string> TagsOf(PostSummary? previous, PostSummary? current) =>
        new[] { previous, current }.OfType<PostSummary>().SelectMany(post => post.Tags).Select(Slug.From).ToHashSet(StringComparer.Ordinal);
}

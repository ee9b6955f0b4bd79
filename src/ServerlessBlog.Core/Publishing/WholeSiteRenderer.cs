using System.Globalization;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Generation;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Renders every page the theme makes from the index as it is (a theme applied, or pages that may be stale), and
/// deletes those of entries the index no longer has. Thread-safe; one per theme, beside its <see cref="PageRefresher"/>.
/// </summary>
/// <param name="options">The blog's settings.</param>
/// <param name="pages">The pages of the theme.</param>
/// <param name="documents">The publishing state.</param>
/// <param name="records">The publisher's cache of post records.</param>
/// <param name="site">Where the pages go.</param>
internal sealed class WholeSiteRenderer(BlogOptions options, PageGenerator pages, StateDocuments documents, PostRecordCache records, ISiteStore site)
{
    // Passes made again because the index changed meanwhile; then the next reconcile goes on.
    private const int MaxPasses = 3;

    /// <summary>
    /// Rewrites every page the theme makes, from the index as it is: each post's page and redirect pages, the home,
    /// archive, month, tags, tag and tag-year pages, the 404 page, the stylesheet and the icon. Feeds and sitemaps do
    /// not depend on the theme and are left as they are.
    /// </summary>
    /// <remarks>
    /// A post published or taken off while this runs renders its own pages, which a pass made from the older index may
    /// overwrite, and a pass may bring back the page of a post, month or tag that went meanwhile. So after each pass the
    /// index is read again (a post taken off leaves the index before its pages go) and what it no longer has is deleted;
    /// a pass whose index changed meanwhile is made again.
    /// </remarks>
    /// <returns>How many site files were written or deleted, and whether the last pass was made from the index as it still is.</returns>
    /// <param name="stillCurrent">Whether the theme of these pages is still the site's, asked before each batch of pages: when it is not, this stops.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public async Task<(int Changed, bool Settled)> RenderAllAsync(Func<CancellationToken, Task<bool>> stillCurrent, CancellationToken cancellationToken)
    {
        var changed = 0;
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            var reader = new IndexReader(documents, records);
            var (count, paths, stopped) = await RenderAllPassAsync(reader, stillCurrent, cancellationToken);
            changed += count;
            written.UnionWith(paths);
            if (stopped)
            {
                return (changed, false);
            }

            var now = await PagePathsAsync(new IndexReader(documents), cancellationToken);
            foreach (var path in written.Where(path => !now.Contains(path)).ToList())
            {
                await site.DeleteAsync(path, cancellationToken);
                written.Remove(path);
                changed++;
            }

            if (pass == 1)
            {
                changed += await DeleteStrayPagesAsync(now, cancellationToken);
            }

            if (!await reader.IsStaleAsync(cancellationToken))
            {
                return (changed, true);
            }
        }

        return (changed, false);
    }

    /// <summary>
    /// Deletes what something else left online that the index no longer has: pages of posts, months, tags and tag-years,
    /// and redirect pages of paths no post claims any more (their claims are kept, empty). A refresh that stopped may
    /// have written them late, after the post or the claim went. What the listings find is checked again against the
    /// state read after them: a publish writes a post's record and index entries (its claims with them) before its
    /// pages, so the entry of a page the listing saw is found, and the page stays.
    /// </summary>
    private async Task<int> DeleteStrayPagesAsync(HashSet<string> now, CancellationToken cancellationToken)
    {
        var entryPages = new List<string>();
        foreach (var prefix in new[] { "posts/", SitePaths.TagsFolder, SitePaths.ArchiveFolder })
        {
            await foreach (var path in site.ListAsync(prefix, cancellationToken))
            {
                if (SitePaths.IsEntryPage(path) && !now.Contains(path))
                {
                    entryPages.Add(path);
                }
            }
        }

        var redirectPages = new List<string>();
        await foreach (var path in documents.Store.ListAsync(StatePaths.RedirectsFolder, cancellationToken))
        {
            if (path.EndsWith(".json", StringComparison.Ordinal) && StatePaths.RedirectPageOf(path) is var page
                && !now.Contains(page) && !RedirectClaims.IsFixedPage(page))
            {
                redirectPages.Add(page);
            }
        }

        if (entryPages.Count == 0 && redirectPages.Count == 0)
        {
            return 0;
        }

        // The index as it is after the listings (redirect pages of aliases included), then each candidate's own entry.
        var freshIndex = new IndexReader(documents);
        var fresh = await PagePathsAsync(freshIndex, cancellationToken);
        var catalog = await freshIndex.CatalogAsync(cancellationToken);
        var deleted = 0;
        foreach (var path in entryPages.Where(path => !fresh.Contains(path)))
        {
            var stray = path.Split('/') switch
            {
                ["posts", var slug, _] => (await documents.ReadAsync<PostRecord>(StatePaths.Post(slug), cancellationToken)).Value is null,
                ["archive", var year, var month, _] => !catalog.Months.Exists(known => known.Year == int.Parse(year, CultureInfo.InvariantCulture) && known.Month == int.Parse(month, CultureInfo.InvariantCulture)),
                ["tags", var tag, _] => !catalog.Tags.Exists(known => known.Slug == tag),
                ["tags", var tag, var year, _] => !catalog.Tags.Exists(known => known.Slug == tag && known.Years.ContainsKey(int.Parse(year, CultureInfo.InvariantCulture))),
                _ => false,
            };
            if (stray)
            {
                await site.DeleteAsync(path, cancellationToken);
                deleted++;
            }
        }

        // A redirect page whose path is still unclaimed, unless an asset is there: the author's file wherever it is (its
        // status says so: its path is its address). Only a page that is there is deleted and counted.
        foreach (var page in redirectPages.Where(page => !fresh.Contains(page)))
        {
            if ((await documents.ReadAsync<List<PostSummary>>(StatePaths.Redirect(page), cancellationToken)).Value is not { Count: > 0 }
                && (await documents.ReadAsync<SourceRecord>(StatePaths.Source(page), cancellationToken)).Value is not { IsAsset: true }
                && await site.ReadAsync(page, cancellationToken) is not null)
            {
                await site.DeleteAsync(page, cancellationToken);
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>The pages of the posts, months, tags and tag-years the index has: those of a whole rendering's pages that can go.</summary>
    private static async Task<HashSet<string>> PagePathsAsync(IndexReader reader, CancellationToken cancellationToken)
    {
        var catalog = await reader.CatalogAsync(cancellationToken);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var month in catalog.Months)
        {
            paths.Add(SitePaths.PageOf(SitePaths.ArchiveMonthFolder(month.Year, month.Month)));
            foreach (var post in await reader.MonthAsync(month.Year, month.Month, cancellationToken))
            {
                paths.Add(SitePaths.PageOf(SitePaths.PostFolder(post.Slug)));
                paths.UnionWith(post.Aliases.Select(SitePaths.RedirectPageOf));
            }
        }

        foreach (var tag in catalog.Tags)
        {
            paths.Add(SitePaths.PageOf(SitePaths.TagFolder(tag.Slug)));
            paths.UnionWith(tag.Years.Keys.Select(year => SitePaths.PageOf(SitePaths.TagYearFolder(tag.Slug, year))));
        }

        return paths;
    }

    private async Task<(int Written, HashSet<string> Paths, bool Stopped)> RenderAllPassAsync(IndexReader reader, Func<CancellationToken, Task<bool>> stillCurrent, CancellationToken cancellationToken)
    {
        var catalog = await reader.CatalogAsync(cancellationToken);
        var months = catalog.Months;
        var tags = catalog.Tags.Select(tag => tag.ToSummary()).ToList();
        var files = new List<SiteFile>();

        foreach (var month in months)
        {
            files.Add(pages.ArchiveMonthPage(month, await reader.MonthAsync(month.Year, month.Month, cancellationToken)));
        }

        foreach (var (tag, summary) in catalog.Tags.Zip(tags))
        {
            files.Add(pages.TagPage(summary, await reader.TaggedAsync(tag.Slug, Math.Max(options.PostsPerPage, options.FeedItems), cancellationToken), tag.Years));
            foreach (var year in tag.Years.Keys)
            {
                files.Add(pages.TagYearPage(summary, year, await reader.TagYearAsync(tag.Slug, year, cancellationToken)));
            }
        }

        // The pages that can go (a post's, a month's, a tag's) are told apart from those every site has.
        var paths = files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
        files.AddRange([
            pages.HomePage(await reader.NewestAsync(options.PostsPerPage + 1, cancellationToken)),
            pages.ArchivePage(months),
            pages.TagsPage(tags),
            pages.NotFoundPage(),
            pages.Stylesheet(),
            pages.Icon(),
        ]);
        if (!await stillCurrent(cancellationToken))
        {
            return (0, [], true);
        }

        var written = await PageRefresher.WriteAsync(site, files, [], cancellationToken);

        // Which post has each redirect page, as in a build: none where the site makes a page, else the first claimant.
        var listed = new List<PostSummary>();
        foreach (var month in months)
        {
            listed.AddRange(await reader.MonthAsync(month.Year, month.Month, cancellationToken));
        }

        var generated = listed.Select(post => SitePaths.PageOf(post.Folder)).ToHashSet(StringComparer.Ordinal);
        generated.UnionWith(paths);
        var holders = RedirectClaims.Holders(listed, generated);

        // Post pages one month at a time, a page written as soon as it is made: a site's records need not fit in memory.
        foreach (var month in months)
        {
            if (!await stillCurrent(cancellationToken))
            {
                return (written, paths, true);
            }

            var posts = await reader.MonthAsync(month.Year, month.Month, cancellationToken);
            var pagesOfMonth = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Parallel.ForEachAsync(posts, new ParallelOptions { MaxDegreeOfParallelism = PageRefresher.MaxConcurrentWrites, CancellationToken = cancellationToken }, async (post, token) =>
            {
                // Read past the reader, which keeps what it reads for its lifetime.
                if ((records.Find(post.Slug, post.Revision) ?? (await documents.ReadAsync<PostRecord>(StatePaths.Post(post.Slug), token)).Value) is not { } record
                    || !await reader.ListsAsync(record.Summary, token))
                {
                    return;
                }

                var (older, newer) = await reader.NeighboursAsync(record.Summary, token);
                var redirects = pages.RedirectPages(record.Summary).Where(redirect => holders.GetValueOrDefault(redirect.Path) == record.Summary.SourcePath);
                foreach (var file in redirects.Prepend(pages.PostPage(record.ToRendered(), older, newer)))
                {
                    pagesOfMonth.Add(file.Path);
                    if (await site.WriteAsync(file, token))
                    {
                        Interlocked.Increment(ref written);
                    }
                }
            });
            paths.UnionWith(pagesOfMonth);
        }

        return (written, paths, false);
    }
}

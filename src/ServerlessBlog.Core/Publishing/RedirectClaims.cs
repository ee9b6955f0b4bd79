using System.Globalization;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Generation;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Settles what a page an alias claims holds on the live site, by the rule of <c>blog build</c>: a page the site makes
/// anyway keeps its path, and of the posts whose aliases claim it, the one whose source path sorts first has it. The
/// claims are index partitions (<see cref="StatePaths.Redirect"/>), updated with the post's other entries, so a refresh
/// settles them from the same index as its other pages, and one made from an index changed meanwhile runs again.
/// </summary>
/// <param name="options">The blog's settings.</param>
/// <param name="pages">The pages of the site's theme.</param>
internal sealed class RedirectClaims(BlogOptions options, PageGenerator pages)
{
    /// <summary>The pages every site has, whatever its index (a redirect page is a page: no other file can be one).</summary>
    private static readonly HashSet<string> FixedPages = new(StringComparer.Ordinal)
    {
        SitePaths.Home, SitePaths.NotFound, SitePaths.PageOf(SitePaths.TagsFolder), SitePaths.PageOf(SitePaths.ArchiveFolder),
    };

    /// <summary>Whether <paramref name="pagePath"/> is a page every site has, which no alias takes.</summary>
    public static bool IsFixedPage(string pagePath) => FixedPages.Contains(pagePath);

    /// <summary>What a page path holds: a file to write, a page to delete, or a page some other step writes.</summary>
    public readonly record struct Settled(SiteFile? File, bool Delete)
    {
        public static readonly Settled Elsewhere = new(null, false);

        public static readonly Settled Deleted = new(null, true);
    }

    /// <summary>What belongs at <paramref name="pagePath"/>, from the index <paramref name="reader"/> reads.</summary>
    /// <param name="reader">The round's index.</param>
    /// <param name="pagePath">A page an alias claims or claimed, or one the round deletes.</param>
    /// <param name="deleting">Whether the round deletes the page: unless a post claims it, that stands.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>
    /// The page the site makes there, made again (a redirect written from an older index may have taken its place), or
    /// left to the step that makes it; else the redirect page of the first post claiming it; else a deletion. (No alias
    /// needs a folder where the site has a file: the parser refuses a folder named like one.)
    /// </returns>
    public async Task<Settled> SettleAsync(IndexReader reader, string pagePath, bool deleting, CancellationToken cancellationToken)
    {
        var claimants = await reader.ClaimantsAsync(pagePath, cancellationToken);
        if (deleting && claimants.Count == 0)
        {
            return Settled.Deleted;
        }

        if (await GeneratedPageAsync(reader, pagePath, cancellationToken) is { } generated)
        {
            return generated;
        }

        if (claimants.Count == 0)
        {
            return Settled.Deleted;
        }

        return new Settled(pages.RedirectPage(claimants[0], pagePath), false);
    }

    /// <summary>
    /// Of every listed post's aliases, the redirect pages each post has: those of which it is the first claimant, where
    /// the site makes no page of its own. For a rendering of every page, which reads the whole index anyway.
    /// </summary>
    /// <param name="posts">Every post the index lists.</param>
    /// <param name="generatedPages">The pages the site makes from the index (post, month, tag and tag-year pages).</param>
    /// <returns>The source path of the post that has each redirect page.</returns>
    public static Dictionary<string, string> Holders(IEnumerable<PostSummary> posts, IReadOnlySet<string> generatedPages)
    {
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            foreach (var page in post.Aliases.Select(SitePaths.RedirectPageOf))
            {
                if (!generatedPages.Contains(page) && !FixedPages.Contains(page)
                    && (!holders.TryGetValue(page, out var holder) || string.CompareOrdinal(post.SourcePath, holder) < 0))
                {
                    holders[page] = post.SourcePath;
                }
            }
        }

        return holders;
    }

    private async Task<Settled?> GeneratedPageAsync(IndexReader reader, string pagePath, CancellationToken cancellationToken)
    {
        if (FixedPages.Contains(pagePath))
        {
            return Settled.Elsewhere;
        }

        if (!SitePaths.IsEntryPage(pagePath))
        {
            return null;
        }

        var catalog = await reader.CatalogAsync(cancellationToken);
        switch (pagePath.Split('/'))
        {
            case ["posts", var slug, SitePaths.IndexDocument]:
                var record = await reader.PostAsync(slug, null, cancellationToken);
                if (record is null)
                {
                    return null;
                }

                if (!await reader.ListsAsync(record.Summary, cancellationToken))
                {
                    // A record ahead of the index (an edit that stopped before the index followed) while the index still
                    // lists the post elsewhere: its page stays until the edit's retry, as the refresh keeps it.
                    var recordMonth = (record.Summary.Date.UtcDateTime.Year, record.Summary.Date.UtcDateTime.Month);
                    return await reader.IsListedAnywhereAsync(record, recordMonth, cancellationToken) ? Settled.Elsewhere : null;
                }

                var (older, newer) = await reader.NeighboursAsync(record.Summary, cancellationToken);
                return new Settled(pages.PostPage(record.ToRendered(), older, newer), false);
            case ["tags", var tagSlug, SitePaths.IndexDocument]:
                var tag = catalog.Tags.Find(known => known.Slug == tagSlug);
                return tag is null
                    ? null
                    : new Settled(pages.TagPage(tag.ToSummary(), await reader.TaggedAsync(tagSlug, Math.Max(options.PostsPerPage, options.FeedItems), cancellationToken), tag.Years), false);
            case ["tags", var tagSlug, var yearText, SitePaths.IndexDocument]:
                var year = int.Parse(yearText, CultureInfo.InvariantCulture);
                var tagOfYear = catalog.Tags.Find(known => known.Slug == tagSlug && known.Years.ContainsKey(year));
                return tagOfYear is null
                    ? null
                    : new Settled(pages.TagYearPage(tagOfYear.ToSummary(), year, await reader.TagYearAsync(tagSlug, year, cancellationToken)), false);
            case ["archive", var yearText, var monthText, SitePaths.IndexDocument]:
                var month = catalog.Months.Find(known =>
                    known.Year == int.Parse(yearText, CultureInfo.InvariantCulture) && known.Month == int.Parse(monthText, CultureInfo.InvariantCulture));
                return month is null ? null : new Settled(pages.ArchiveMonthPage(month, await reader.MonthAsync(month.Year, month.Month, cancellationToken)), false);
            default:
                return null;
        }
    }
}

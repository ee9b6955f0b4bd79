using System.Collections.Concurrent;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// Reads slices of the post index for one page refresh, catalog first. Every change to the index ends with a write
/// of the catalog, so a refresh whose catalog version is still current afterwards was made from the latest index;
/// if not, the publisher that changed it refreshes after its own catalog write, or this refresh runs again.
/// Each document is read and deserialized once; callers must not change what they get. One per refresh; reads may
/// run in parallel.
/// </summary>
public sealed class IndexReader
{
    private readonly StateDocuments _documents;
    private readonly PostRecordCache? _records;
    private readonly ConcurrentDictionary<string, Task<(object? Value, string? Version)>> _cache = new(StringComparer.Ordinal);

    public IndexReader(StateDocuments documents, PostRecordCache? records = null, IndexSnapshot? known = null)
    {
        _documents = documents;
        _records = records;
        foreach (var (path, value, version) in known?.Documents ?? [])
        {
            _cache[path] = Task.FromResult<(object?, string?)>((value, version));
        }
    }

    public async ValueTask<SiteCatalog> CatalogAsync(CancellationToken cancellationToken) =>
        await ReadAsync<SiteCatalog>(StatePaths.Catalog, cancellationToken) ?? new SiteCatalog();

    public async ValueTask<IReadOnlyList<PostSummary>> MonthAsync(int year, int month, CancellationToken cancellationToken) =>
        await ReadAsync<List<PostSummary>>(StatePaths.Month(year, month), cancellationToken) ?? [];

    /// <summary>The record of a post, from the cache when it holds the revision <paramref name="revision"/>.</summary>
    public async ValueTask<PostRecord?> PostAsync(string slug, string? revision, CancellationToken cancellationToken)
    {
        if (_records?.Find(slug, revision) is { } cached)
        {
            return cached;
        }

        var record = await ReadAsync<PostRecord>(StatePaths.Post(slug), cancellationToken);
        if (record is not null)
        {
            _records?.Add(record);
        }

        return record;
    }

    /// <summary>The newest <paramref name="count"/> posts, reading month partitions newest first until there are enough.</summary>
    public async ValueTask<List<PostSummary>> NewestAsync(int count, CancellationToken cancellationToken)
    {
        var newest = new List<PostSummary>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var month in (await CatalogAsync(cancellationToken)).Months)
        {
            if (newest.Count >= count)
            {
                break;
            }

            AddUnseen(newest, seen, await MonthAsync(month.Year, month.Month, cancellationToken), count);
        }

        return newest;
    }

    /// <summary>Every post with the tag, newest first.</summary>
    public async ValueTask<List<PostSummary>> TaggedAsync(string tagSlug, int? limit, CancellationToken cancellationToken)
    {
        var posts = new List<PostSummary>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tag = (await CatalogAsync(cancellationToken)).Tags.FirstOrDefault(tag => tag.Slug == tagSlug);
        foreach (var year in tag?.Years.Keys.OrderDescending() ?? Enumerable.Empty<int>())
        {
            if (posts.Count >= limit)
            {
                break;
            }

            AddUnseen(posts, seen, await TagYearAsync(tagSlug, year, cancellationToken), limit ?? int.MaxValue);
        }

        return posts;
    }

    /// <summary>The posts with a tag in one year, newest first.</summary>
    public async ValueTask<IReadOnlyList<PostSummary>> TagYearAsync(string tagSlug, int year, CancellationToken cancellationToken) =>
        await ReadAsync<List<PostSummary>>(StatePaths.TagYear(tagSlug, year), cancellationToken) ?? [];

    /// <summary>The posts whose aliases claim the redirect page <paramref name="pagePath"/>, first the one that has it.</summary>
    public async ValueTask<IReadOnlyList<PostSummary>> ClaimantsAsync(string pagePath, CancellationToken cancellationToken) =>
        await ReadAsync<List<PostSummary>>(StatePaths.Redirect(pagePath), cancellationToken) ?? [];

    /// <summary>Starts reading partitions a refresh will need, so that its sequential steps find them read.</summary>
    public Task PrefetchPartitionsAsync(IEnumerable<string> paths, CancellationToken cancellationToken) =>
        Task.WhenAll(paths.Select(path => Entry<List<PostSummary>>(path, cancellationToken)));

    /// <summary>
    /// The next older and next newer post of a post in the index; of a post not in it, the posts on either side of
    /// where it would be, so that taking a post out (or retrying that) finds the neighbours whose links it changes.
    /// </summary>
    public async ValueTask<(PostSummary? Older, PostSummary? Newer)> NeighboursAsync(PostSummary post, CancellationToken cancellationToken)
    {
        var months = (await CatalogAsync(cancellationToken)).Months;
        var (year, number) = (post.Date.UtcDateTime.Year, post.Date.UtcDateTime.Month);
        var index = months.FindIndex(month => month.Year == year && month.Month == number);
        var posts = index >= 0 ? await MonthAsync(year, number, cancellationToken) : [];

        // Months and posts are newest first: what comes before the post is newer than it.
        var position = IndexOf(posts, post.Slug);
        var newerCount = position >= 0 ? position : posts.Count(other => SiteIndex.NewestFirst.Instance.Compare(other, post) < 0);
        var olderFrom = position >= 0 ? position + 1 : newerCount;
        var newerMonth = index >= 0 ? index - 1 : months.Count(month => (month.Year, month.Month).CompareTo((year, number)) > 0) - 1;
        var olderMonth = newerMonth + (index >= 0 ? 2 : 1);

        var newer = newerCount > 0 ? posts[newerCount - 1]
            : newerMonth >= 0 ? Last(await MonthAsync(months[newerMonth].Year, months[newerMonth].Month, cancellationToken)) : null;
        var older = olderFrom < posts.Count ? posts[olderFrom]
            : olderMonth < months.Count ? First(await MonthAsync(months[olderMonth].Year, months[olderMonth].Month, cancellationToken)) : null;
        return (older, newer);
    }

    /// <summary>Whether the index lists the post: a record outlives its index entry while its post is taken off the site.</summary>
    public ValueTask<bool> ListsAsync(PostSummary post, CancellationToken cancellationToken) =>
        ListsAsync(post.Slug, post.Date.UtcDateTime.Year, post.Date.UtcDateTime.Month, cancellationToken);

    /// <summary>Whether the index lists a post under <paramref name="slug"/> in the month.</summary>
    public async ValueTask<bool> ListsAsync(string slug, int year, int month, CancellationToken cancellationToken) =>
        IndexOf(await MonthAsync(year, month, cancellationToken), slug) >= 0;

    /// <summary>
    /// Whether the index lists the post of <paramref name="record"/> in any month it may be in: <paramref name="then"/>
    /// (where a caller found it before), where its record says, or where its file's status says a version of it is (a
    /// record ahead of the index, of an edit that stopped, names a month the index does not list it in yet).
    /// </summary>
    public async ValueTask<bool> IsListedAnywhereAsync(PostRecord? record, (int Year, int Month) then, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            return false;
        }

        var slug = record.Summary.Slug;
        var status = (await _documents.ReadAsync<SourceRecord>(StatePaths.Source(record.Summary.SourcePath), cancellationToken)).Value;
        var months = new[] { status?.Indexed }.Concat(status?.Unsettled ?? [])
            .OfType<PostSummary>()
            .Where(version => version.Slug == slug)
            .Select(version => (version.Date.UtcDateTime.Year, version.Date.UtcDateTime.Month))
            .Prepend(then)
            .Distinct();
        foreach (var (year, month) in months)
        {
            if (await ListsAsync(slug, year, month, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the index changed since this reader read the catalog.</summary>
    public async ValueTask<bool> IsStaleAsync(CancellationToken cancellationToken)
    {
        var read = _cache.TryGetValue(StatePaths.Catalog, out var catalog) ? (await catalog).Version : null;
        return await _documents.Store.GetVersionAsync(StatePaths.Catalog, cancellationToken) != read;
    }

    /// <summary>
    /// Adds posts not added yet, up to <paramref name="count"/>. A post another publisher is moving between partitions
    /// can be in two at once for a moment; the refresh that reads it so is stale and runs again.
    /// </summary>
    private static void AddUnseen(List<PostSummary> posts, HashSet<string> seen, IReadOnlyList<PostSummary> partition, int count)
    {
        foreach (var post in partition)
        {
            if (posts.Count >= count)
            {
                return;
            }

            if (seen.Add(post.Slug))
            {
                posts.Add(post);
            }
        }
    }

    private static int IndexOf(IReadOnlyList<PostSummary> posts, string slug)
    {
        for (var i = 0; i < posts.Count; i++)
        {
            if (posts[i].Slug == slug)
            {
                return i;
            }
        }

        return -1;
    }

    private static PostSummary? First(IReadOnlyList<PostSummary> posts) => posts.Count > 0 ? posts[0] : null;

    private static PostSummary? Last(IReadOnlyList<PostSummary> posts) => posts.Count > 0 ? posts[^1] : null;

    private async ValueTask<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class =>
        (T?)(await Entry<T>(path, cancellationToken)).Value;

    private Task<(object? Value, string? Version)> Entry<T>(string path, CancellationToken cancellationToken) =>
        _cache.GetOrAdd(path, async key =>
        {
            var (value, version) = await _documents.ReadAsync<T>(key, cancellationToken);
            return (value, version);
        });
}

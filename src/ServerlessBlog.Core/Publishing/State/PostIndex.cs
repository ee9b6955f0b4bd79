using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// Keeps the partitioned post index up to date: month partitions, tag-and-year partitions and the catalog.
/// Each document is updated with optimistic concurrency. The catalog's entries for the partitions a change touched
/// are recomputed from those partitions inside the catalog's own update, so concurrent publishers converge on the
/// true counts and a retried update cannot count twice.
/// </summary>
public sealed class PostIndex
{
    private readonly StateDocuments _documents;

    public PostIndex(StateDocuments documents)
    {
        _documents = documents;
    }

    /// <summary>Replaces <paramref name="previous"/> (absent for a new post) with <paramref name="current"/> (absent for a removed one).</summary>
    public async Task ApplyAsync(PostSummary? previous, PostSummary? current, CancellationToken cancellationToken)
    {
        var months = ChangeKeys.Months(previous, current);
        var tagNames = (current?.Tags ?? []).ToDictionary(Slug.From, tag => tag, StringComparer.Ordinal);
        var tagYears = ChangeKeys.TagYears(previous, current).ToList();

        // Each partition is its own document with its own optimistic loop: update them all at once.
        await Task.WhenAll(
            months.Select(key => UpsertAsync(StatePaths.Month(key.Year, key.Month), previous, InMonth(current, key.Year, key.Month) ? current : null, cancellationToken))
            .Concat(tagYears.Select(key => UpsertAsync(
                StatePaths.TagYear(key.Tag, key.Year),
                previous,
                current is not null && current.Date.UtcDateTime.Year == key.Year && tagNames.ContainsKey(key.Tag) ? current : null,
                cancellationToken))));

        await _documents.UpdateAsync<SiteCatalog>(
            StatePaths.Catalog,
            (catalog, token) => RecomputeAsync(catalog ?? new SiteCatalog(), months, tagYears, tagNames, token),
            cancellationToken);
    }

    private async Task UpsertAsync(string path, PostSummary? previous, PostSummary? current, CancellationToken cancellationToken) =>
        await _documents.UpdateAsync<List<PostSummary>>(
            path,
            posts =>
            {
                posts ??= [];
                posts.RemoveAll(post => post.Slug == previous?.Slug || post.Slug == current?.Slug);
                if (current is not null)
                {
                    posts.Add(current);
                    posts.Sort(SiteIndex.NewestFirst.Instance);
                }

                return posts.Count == 0 ? null : posts;
            },
            cancellationToken);

    private async ValueTask<SiteCatalog?> RecomputeAsync(
        SiteCatalog catalog,
        HashSet<(int Year, int Month)> touchedMonths,
        List<(string Tag, int Year)> touchedTagYears,
        Dictionary<string, string> tagNames,
        CancellationToken cancellationToken)
    {
        // A tag's last change is the newest of all its years, not only of the years this change touched: when its
        // newest post goes, an older year may hold the newest that is left. Tags have few years; read them all.
        var tagYears = touchedTagYears
            .Concat(touchedTagYears.Select(key => key.Tag).Distinct()
                .SelectMany(tag => (catalog.Tags.FirstOrDefault(known => known.Slug == tag)?.Years.Keys ?? []).Select(year => (Tag: tag, Year: year))))
            .Distinct()
            .ToList();
        var partitions = touchedMonths.Select(key => StatePaths.Month(key.Year, key.Month))
            .Concat(tagYears.Select(key => StatePaths.TagYear(key.Tag, key.Year)))
            .ToList();
        var read = await Task.WhenAll(partitions.Select(async path => (path, (await _documents.ReadAsync<List<PostSummary>>(path, cancellationToken)).Value)));
        var partition = read.ToDictionary(pair => pair.path, pair => pair.Value, StringComparer.Ordinal);

        var months = catalog.Months.ToDictionary(month => (month.Year, month.Month));
        foreach (var (year, month) in touchedMonths)
        {
            var posts = partition[StatePaths.Month(year, month)];
            months[(year, month)] = new ArchiveMonth(year, month, posts?.Count ?? 0, Newest(posts));
        }

        var tags = catalog.Tags.ToDictionary(tag => tag.Slug, StringComparer.Ordinal);
        foreach (var group in tagYears.GroupBy(key => key.Tag))
        {
            var known = tags.GetValueOrDefault(group.Key);
            var years = new Dictionary<int, int>(known?.Years ?? new Dictionary<int, int>());
            var lastModified = new Dictionary<int, DateTimeOffset>();
            foreach (var (_, year) in group)
            {
                var posts = partition[StatePaths.TagYear(group.Key, year)];
                years[year] = posts?.Count ?? 0;
                lastModified[year] = Newest(posts);
            }

            var name = (known?.Name, tagNames.GetValueOrDefault(group.Key)) switch
            {
                (null, null) => group.Key,
                ({ } existing, null) => existing,
                (null, { } written) => written,
                var (existing, written) => string.CompareOrdinal(written, existing) < 0 ? written! : existing!,
            };
            var newest = lastModified.Values.Max();
            tags[group.Key] = new CatalogTag(group.Key, name, years.Values.Sum(), years.Where(pair => pair.Value > 0).ToDictionary(), newest);
        }

        return new SiteCatalog
        {
            Months = months.Values.Where(month => month.Count > 0).OrderByDescending(month => month.Year).ThenByDescending(month => month.Month).ToList(),
            Tags = tags.Values.Where(tag => tag.Count > 0).OrderBy(tag => tag.Slug, StringComparer.Ordinal).ToList(),
        };
    }

    private static DateTimeOffset Newest(List<PostSummary>? posts) =>
        posts is { Count: > 0 } ? posts.Max(post => post.LastModified) : DateTimeOffset.MinValue;

    private static bool InMonth(PostSummary? post, int year, int month) =>
        post is not null && post.Date.UtcDateTime.Year == year && post.Date.UtcDateTime.Month == month;
}

using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// Keeps the partitioned post index up to date: month partitions, tag-and-year partitions and the catalog.
/// Each document is updated with optimistic concurrency; counts change by deltas, so concurrent updates add up.
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
        var monthDeltas = new Dictionary<(int Year, int Month), int>();
        foreach (var (year, month) in Keys(previous, current, post => (post.Date.UtcDateTime.Year, post.Date.UtcDateTime.Month)))
        {
            var path = StatePaths.Month(year, month);
            var delta = await UpsertAsync(path, previous, InMonth(current, year, month) ? current : null, cancellationToken);
            monthDeltas[(year, month)] = delta;
        }

        var tagDeltas = new Dictionary<(string Tag, int Year), int>();
        var tagNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in current?.Tags ?? [])
        {
            tagNames[Slug.From(tag)] = tag;
        }

        foreach (var (tag, year) in TagKeys(previous).Union(TagKeys(current)))
        {
            var keep = current is not null && current.Date.UtcDateTime.Year == year && tagNames.ContainsKey(tag) ? current : null;
            tagDeltas[(tag, year)] = await UpsertAsync(StatePaths.TagYear(tag, year), previous, keep, cancellationToken);
        }

        if (monthDeltas.Values.Any(delta => delta != 0) || tagDeltas.Values.Any(delta => delta != 0) || current is not null)
        {
            await _documents.UpdateAsync<SiteCatalog>(StatePaths.Catalog, catalog => Apply(catalog ?? new SiteCatalog(), monthDeltas, tagDeltas, tagNames, current), cancellationToken);
        }
    }

    /// <returns>+1 when the post was added to the partition, -1 when removed, 0 when replaced or untouched.</returns>
    private async Task<int> UpsertAsync(string path, PostSummary? previous, PostSummary? current, CancellationToken cancellationToken)
    {
        var delta = 0;
        await _documents.UpdateAsync<List<PostSummary>>(
            path,
            posts =>
            {
                posts ??= [];
                var had = posts.RemoveAll(post => post.Slug == previous?.Slug || post.Slug == current?.Slug) > 0;
                if (current is not null)
                {
                    posts.Add(current);
                    posts.Sort(SiteIndex.NewestFirst.Instance);
                }

                delta = (had ? 1 : 0, current is not null ? 1 : 0) switch
                {
                    (0, 1) => 1,
                    (1, 0) => -1,
                    _ => 0,
                };
                return posts.Count == 0 ? null : posts;
            },
            cancellationToken);
        return delta;
    }

    private static SiteCatalog Apply(
        SiteCatalog catalog,
        Dictionary<(int Year, int Month), int> monthDeltas,
        Dictionary<(string Tag, int Year), int> tagDeltas,
        Dictionary<string, string> tagNames,
        PostSummary? current)
    {
        var months = catalog.Months.ToDictionary(month => (month.Year, month.Month));
        foreach (var ((year, month), delta) in monthDeltas)
        {
            var known = months.GetValueOrDefault((year, month)) ?? new CatalogMonth(year, month, 0, DateTimeOffset.MinValue);
            var lastModified = InMonth(current, year, month) && current!.LastModified > known.LastModified ? current.LastModified : known.LastModified;
            months[(year, month)] = known with { Count = known.Count + delta, LastModified = lastModified };
        }

        var tags = catalog.Tags.ToDictionary(tag => tag.Slug, StringComparer.Ordinal);
        foreach (var group in tagDeltas.GroupBy(pair => pair.Key.Tag))
        {
            var known = tags.GetValueOrDefault(group.Key) ?? new CatalogTag(group.Key, tagNames.GetValueOrDefault(group.Key, group.Key), 0, new Dictionary<int, int>(), DateTimeOffset.MinValue);
            var years = new Dictionary<int, int>(known.Years);
            foreach (var ((_, year), delta) in group)
            {
                years[year] = years.GetValueOrDefault(year) + delta;
            }

            var name = tagNames.TryGetValue(group.Key, out var written) && string.CompareOrdinal(written, known.Name) < 0 ? written : known.Name;
            var lastModified = current is not null && tagNames.ContainsKey(group.Key) && current.LastModified > known.LastModified ? current.LastModified : known.LastModified;
            tags[group.Key] = new CatalogTag(group.Key, name, years.Values.Sum(), years.Where(pair => pair.Value > 0).ToDictionary(), lastModified);
        }

        return new SiteCatalog
        {
            Months = months.Values.Where(month => month.Count > 0).OrderByDescending(month => month.Year).ThenByDescending(month => month.Month).ToList(),
            Tags = tags.Values.Where(tag => tag.Count > 0).OrderBy(tag => tag.Slug, StringComparer.Ordinal).ToList(),
        };
    }

    private static bool InMonth(PostSummary? post, int year, int month) =>
        post is not null && post.Date.UtcDateTime.Year == year && post.Date.UtcDateTime.Month == month;

    private static IEnumerable<(string Tag, int Year)> TagKeys(PostSummary? post) =>
        post is null ? [] : post.Tags.Select(tag => (Slug.From(tag), post.Date.UtcDateTime.Year)).Distinct();

    private static HashSet<TKey> Keys<TKey>(PostSummary? previous, PostSummary? current, Func<PostSummary, TKey> key)
    {
        var keys = new HashSet<TKey>();
        if (previous is not null)
        {
            keys.Add(key(previous));
        }

        if (current is not null)
        {
            keys.Add(key(current));
        }

        return keys;
    }
}

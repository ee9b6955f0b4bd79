using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// Keeps the partitioned post index up to date: month partitions, tag-and-year partitions, the claims of redirect
/// pages and the catalog.
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
    /// <returns>The catalog as written and the partitions it was counted from, for the page refresh to start from.</returns>
    public async Task<IndexSnapshot> ApplyAsync(PostSummary? previous, PostSummary? current, CancellationToken cancellationToken)
    {
        var months = ChangeKeys.Months(previous, current);
        var tagNames = (current?.Tags ?? []).ToDictionary(Slug.From, tag => tag, StringComparer.Ordinal);
        var tagYears = ChangeKeys.TagYears(previous, current).ToList();
        var claimed = current?.Aliases.Select(SitePaths.RedirectPageOf).ToHashSet(StringComparer.Ordinal) ?? [];
        var claimant = current is null ? null : Claimant(current);

        // Each partition is its own document with its own optimistic loop: update them all at once, and read the
        // catalog meanwhile; if another publisher writes it before this one does, the conditional write says so.
        var catalogRead = _documents.ReadAsync<SiteCatalog>(StatePaths.Catalog, cancellationToken).AsTask();
        await Task.WhenAll(
            months.Select(key => UpsertAsync(StatePaths.Month(key.Year, key.Month), previous, InMonth(current, key.Year, key.Month) ? current : null, cancellationToken))
            .Concat(tagYears.Select(key => UpsertAsync(
                StatePaths.TagYear(key.Tag, key.Year),
                previous,
                current is not null && current.Date.UtcDateTime.Year == key.Year && tagNames.ContainsKey(key.Tag) ? current : null,
                cancellationToken)))
            .Concat(ChangeKeys.RedirectPages(previous, current).Select(page => UpsertAsync(
                StatePaths.Redirect(page), previous, claimed.Contains(page) ? claimant : null, cancellationToken, BySourcePath.Instance, keepEmpty: true))));
        var (catalogValue, catalogVersion) = await catalogRead;

        // The partitions counted by the attempt that wrote the catalog: earlier attempts lost a race.
        var counted = new List<(string Path, object? Value, string? Version)>();
        var update = await _documents.UpdateAsync<SiteCatalog>(
            StatePaths.Catalog,
            async (catalog, token) =>
            {
                counted.Clear();
                return await RecomputeAsync(catalog ?? new SiteCatalog(), months, tagYears, tagNames, counted, token);
            },
            cancellationToken,
            new StateSnapshot<SiteCatalog>(catalogValue, catalogVersion));
        var before = (update.Previous?.Tags ?? []).ToDictionary(tag => tag.Slug, tag => tag.Name, StringComparer.Ordinal);
        var renamed = (update.Written?.Tags ?? []).Where(tag => before.TryGetValue(tag.Slug, out var name) && name != tag.Name).Select(tag => tag.Slug);
        return new IndexSnapshot([.. counted, (StatePaths.Catalog, update.Written, update.Version)]) { RenamedTags = renamed.ToHashSet(StringComparer.Ordinal) };
    }

    /// <summary>What a claims document keeps of a post: what its redirect page and the choice of the holder need.</summary>
    private static PostSummary Claimant(PostSummary post) => new()
    {
        Slug = post.Slug,
        Title = post.Title,
        SourcePath = post.SourcePath,
        Date = post.Date,
    };

    private async Task UpsertAsync(string path, PostSummary? previous, PostSummary? current, CancellationToken cancellationToken, IComparer<PostSummary>? order = null, bool keepEmpty = false) =>
        await _documents.UpdateAsync<List<PostSummary>>(
            path,
            posts =>
            {
                posts ??= [];
                posts.RemoveAll(post => post.Slug == previous?.Slug || post.Slug == current?.Slug);
                if (current is not null)
                {
                    posts.Add(current);
                    posts.Sort(order ?? SiteIndex.NewestFirst.Instance);
                }

                return posts.Count == 0 && !keepEmpty ? null : posts;
            },
            cancellationToken);

    private async ValueTask<SiteCatalog?> RecomputeAsync(
        SiteCatalog catalog,
        HashSet<(int Year, int Month)> touchedMonths,
        List<(string Tag, int Year)> touchedTagYears,
        Dictionary<string, string> tagNames,
        List<(string Path, object? Value, string? Version)> counted,
        CancellationToken cancellationToken)
    {
        var partitions = touchedMonths.Select(key => StatePaths.Month(key.Year, key.Month))
            .Concat(touchedTagYears.Select(key => StatePaths.TagYear(key.Tag, key.Year)))
            .ToList();
        var read = await Task.WhenAll(partitions.Select(async path => (path, await _documents.ReadAsync<List<PostSummary>>(path, cancellationToken))));
        var partition = read.ToDictionary(pair => pair.path, pair => pair.Item2.Value, StringComparer.Ordinal);
        counted.AddRange(read.Select(pair => (pair.path, (object?)pair.Item2.Value, pair.Item2.Version)));

        var months = catalog.Months.ToDictionary(month => (month.Year, month.Month));
        foreach (var (year, month) in touchedMonths)
        {
            var posts = partition[StatePaths.Month(year, month)];
            months[(year, month)] = new ArchiveMonth(year, month, posts?.Count ?? 0, Newest(posts));
        }

        var tags = catalog.Tags.ToDictionary(tag => tag.Slug, StringComparer.Ordinal);
        foreach (var group in touchedTagYears.GroupBy(key => key.Tag))
        {
            var known = tags.GetValueOrDefault(group.Key);
            var years = new Dictionary<int, int>(known?.Years ?? new Dictionary<int, int>());
            var yearsModified = new Dictionary<int, DateTimeOffset>(known?.YearsModified ?? new Dictionary<int, DateTimeOffset>());
            var yearNames = new Dictionary<int, string>(known?.YearNames ?? new Dictionary<int, string>());
            foreach (var (_, year) in group)
            {
                var posts = partition[StatePaths.TagYear(group.Key, year)];
                years[year] = posts?.Count ?? 0;
                yearsModified[year] = Newest(posts);
                if (FirstSpelling(posts, group.Key) is { } spelling)
                {
                    yearNames[year] = spelling;
                }
                else
                {
                    yearNames.Remove(year);
                }
            }

            // A catalog written before years kept their own dates knows only the tag's date: keep it for the years it
            // has not counted since.
            var untracked = known is not null && known.Years.Keys.Any(year => !yearsModified.ContainsKey(year)) ? known.LastModified : DateTimeOffset.MinValue;
            var populated = yearsModified.Where(pair => years.GetValueOrDefault(pair.Key) > 0).ToDictionary();
            var newest = populated.Values.Append(untracked).Max();

            // The spelling that sorts first among the posts, as a whole build shows it; years a catalog written before
            // years kept their own spellings has not read since still go by the tag's name as it was.
            var spellings = yearNames.Where(pair => years.GetValueOrDefault(pair.Key) > 0).Select(pair => pair.Value);
            if (known is not null && known.Years.Keys.Any(year => !yearNames.ContainsKey(year) && years.GetValueOrDefault(year) > 0))
            {
                spellings = spellings.Append(known.Name);
            }

            var name = spellings.Order(StringComparer.Ordinal).FirstOrDefault() ?? tagNames.GetValueOrDefault(group.Key) ?? group.Key;
            tags[group.Key] = new CatalogTag(group.Key, name, years.Values.Sum(), years.Where(pair => pair.Value > 0).ToDictionary(), newest)
            {
                YearsModified = populated,
                YearNames = yearNames.Where(pair => years.GetValueOrDefault(pair.Key) > 0).ToDictionary(),
            };
        }

        return new SiteCatalog
        {
            Months = months.Values.Where(month => month.Count > 0).OrderByDescending(month => month.Year).ThenByDescending(month => month.Month).ToList(),
            Tags = tags.Values.Where(tag => tag.Count > 0).OrderBy(tag => tag.Slug, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The spelling of the tag <paramref name="tagSlug"/> that sorts first among <paramref name="posts"/>, if any has it.</summary>
    private static string? FirstSpelling(List<PostSummary>? posts, string tagSlug) =>
        posts?.SelectMany(post => post.Tags).Where(tag => Slug.From(tag) == tagSlug).Order(StringComparer.Ordinal).FirstOrDefault();

    private static DateTimeOffset Newest(List<PostSummary>? posts) =>
        posts is { Count: > 0 } ? posts.Max(post => post.LastModified) : DateTimeOffset.MinValue;

    private static bool InMonth(PostSummary? post, int year, int month) =>
        post is not null && post.Date.UtcDateTime.Year == year && post.Date.UtcDateTime.Month == month;
}

using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Site;

/// <summary>
/// The published posts, newest first, and the views the site's pages are functions of:
/// the newest posts, tags, archive months and each post's neighbours.
/// Immutable; build a new one to change it.
/// </summary>
public sealed class SiteIndex
{
    private readonly Dictionary<string, int> _positionBySlug;
    private readonly Dictionary<string, List<PostSummary>> _postsByTag;
    private readonly Dictionary<(int Year, int Month), List<PostSummary>> _postsByMonth;

    public SiteIndex(IEnumerable<PostSummary> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        Posts = posts.OrderBy(post => post, NewestFirst.Instance).ToList();
        _positionBySlug = new Dictionary<string, int>(Posts.Count, StringComparer.Ordinal);
        _postsByTag = new Dictionary<string, List<PostSummary>>(StringComparer.Ordinal);
        _postsByMonth = [];
        var tagNames = new Dictionary<string, string>(StringComparer.Ordinal);

        for (var i = 0; i < Posts.Count; i++)
        {
            var post = Posts[i];
            _positionBySlug[post.Slug] = i;
            foreach (var tag in post.Tags)
            {
                var tagSlug = Slug.From(tag);
                if (!_postsByTag.TryGetValue(tagSlug, out var tagged))
                {
                    _postsByTag[tagSlug] = tagged = [];
                }

                tagged.Add(post);

                // The same tag may be written "Azure" and "azure": show the name that sorts first, whatever the order of posts.
                tagNames[tagSlug] = tagNames.TryGetValue(tagSlug, out var known) && string.CompareOrdinal(known, tag) <= 0 ? known : tag;
            }

            var utc = post.Date.UtcDateTime;
            if (!_postsByMonth.TryGetValue((utc.Year, utc.Month), out var inMonth))
            {
                _postsByMonth[(utc.Year, utc.Month)] = inMonth = [];
            }

            inMonth.Add(post);
        }

        Tags = _postsByTag
            .Select(pair => new TagSummary(pair.Key, tagNames[pair.Key], pair.Value.Count, pair.Value.Max(post => post.LastModified)))
            .OrderBy(tag => tag.Slug, StringComparer.Ordinal)
            .ToList();
        Months = _postsByMonth
            .Select(pair => new ArchiveMonth(pair.Key.Year, pair.Key.Month, pair.Value.Count, pair.Value.Max(post => post.LastModified)))
            .OrderByDescending(month => month.Year)
            .ThenByDescending(month => month.Month)
            .ToList();
    }

    /// <summary>Every published post, newest first (ties broken by slug).</summary>
    public IReadOnlyList<PostSummary> Posts { get; }

    /// <summary>Every tag, by slug.</summary>
    public IReadOnlyList<TagSummary> Tags { get; }

    /// <summary>Every month that has posts, newest first.</summary>
    public IReadOnlyList<ArchiveMonth> Months { get; }

    public PostSummary? Find(string slug) => _positionBySlug.TryGetValue(slug, out var position) ? Posts[position] : null;

    /// <summary>The newest <paramref name="count"/> posts.</summary>
    public IReadOnlyList<PostSummary> Newest(int count) => Posts.Take(count).ToList();

    /// <summary>The posts carrying the tag, newest first.</summary>
    public IReadOnlyList<PostSummary> Tagged(string tagSlug) =>
        _postsByTag.TryGetValue(tagSlug, out var posts) ? posts : [];

    /// <summary>The posts of one month, newest first.</summary>
    public IReadOnlyList<PostSummary> InMonth(int year, int month) =>
        _postsByMonth.TryGetValue((year, month), out var posts) ? posts : [];

    /// <summary>The next newer and next older post of <paramref name="slug"/>.</summary>
    public (PostSummary? Newer, PostSummary? Older) Neighbours(string slug)
    {
        if (!_positionBySlug.TryGetValue(slug, out var position))
        {
            return (null, null);
        }

        return (position > 0 ? Posts[position - 1] : null, position + 1 < Posts.Count ? Posts[position + 1] : null);
    }

    /// <summary>Orders posts newest first, then by slug, so that equal dates still give one stable order.</summary>
    public sealed class NewestFirst : IComparer<PostSummary>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(PostSummary? x, PostSummary? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? 1 : -1;
            }

            var byDate = y.Date.CompareTo(x.Date);
            return byDate != 0 ? byDate : string.CompareOrdinal(x.Slug, y.Slug);
        }
    }
}

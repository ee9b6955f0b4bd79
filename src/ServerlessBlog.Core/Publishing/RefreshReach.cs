using System.Collections.Concurrent;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// What the rounds of one page refresh wrote because of the index they read: the pages of the neighbours, the newest
/// lists (the home page and the site's feeds), the feeds of tags, the year pages of a renamed tag. A round made again
/// because the index changed writes all of it again, with what its own index adds: a write of an earlier round may
/// have landed after a newer one of another publisher, which finished before and does not write it again. The sections
/// of a round record at once.
/// </summary>
internal sealed class RefreshReach
{
    private readonly ConcurrentDictionary<string, (int Year, int Month)> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _tagFeeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Tag, int Year), bool> _tagYears = new();
    private volatile bool _newest;

    /// <param name="everyList">
    /// Whether the newest lists and the feeds of the change's tags are written whatever the index says: the operation
    /// goes on from an attempt that did not finish, which may have written them from an older index.
    /// </param>
    public RefreshReach(bool everyList)
    {
        EveryList = everyList;
        _newest = everyList;
    }

    public bool EveryList { get; }

    /// <summary>Whether a round wrote the home page and the site's feeds (or must).</summary>
    public bool Newest => _newest;

    /// <summary>The slugs of the posts whose pages a round wrote, with the month the index listed each in then.</summary>
    public IReadOnlyDictionary<string, (int Year, int Month)> Posts => new Dictionary<string, (int Year, int Month)>(_posts, StringComparer.Ordinal);

    /// <summary>Whether a round wrote the feed of the tag (or must).</summary>
    public bool HasTagFeed(string tagSlug) => EveryList || _tagFeeds.ContainsKey(tagSlug);

    /// <summary>The years of the tag whose pages a round wrote or deleted.</summary>
    public IEnumerable<int> TagYears(string tagSlug) => _tagYears.Keys.Where(key => key.Tag == tagSlug).Select(key => key.Year).ToList();

    public void AddPost(Site.PostSummary post) => _posts[post.Slug] = (post.Date.UtcDateTime.Year, post.Date.UtcDateTime.Month);

    public void AddNewest() => _newest = true;

    public void AddTagFeed(string tagSlug) => _tagFeeds.TryAdd(tagSlug, true);

    public void AddTagYear(string tagSlug, int year) => _tagYears.TryAdd((tagSlug, year), true);
}

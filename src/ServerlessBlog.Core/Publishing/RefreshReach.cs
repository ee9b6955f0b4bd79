using System.Collections.Concurrent;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// What the rounds of one page refresh wrote because of the index they read: the pages of the neighbours, the newest
/// lists (the home page and the site's feeds), the feeds of tags. A round made again because the index changed writes
/// all of it again, with what its own index adds: a write of an earlier round may have landed after a newer one of
/// another publisher, which finished before and does not write it again. The sections of a round record at once.
/// </summary>
internal sealed class RefreshReach
{
    private readonly ConcurrentDictionary<string, bool> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _tagFeeds = new(StringComparer.Ordinal);
    private volatile bool _newest;

    /// <param name="everyList">
    /// Whether the newest lists and the feeds of the change's tags are written whatever the index says: the operation
    /// goes on from an attempt that stopped, which may have written them from an older index.
    /// </param>
    public RefreshReach(bool everyList)
    {
        EveryList = everyList;
        _newest = everyList;
    }

    public bool EveryList { get; }

    /// <summary>Whether a round wrote the home page and the site's feeds (or must).</summary>
    public bool Newest => _newest;

    /// <summary>The slugs of the posts whose pages a round wrote.</summary>
    public IReadOnlyCollection<string> Posts => [.. _posts.Keys];

    /// <summary>Whether a round wrote the feed of the tag (or must).</summary>
    public bool HasTagFeed(string tagSlug) => EveryList || _tagFeeds.ContainsKey(tagSlug);

    public void AddPost(string slug) => _posts.TryAdd(slug, true);

    public void AddNewest() => _newest = true;

    public void AddTagFeed(string tagSlug) => _tagFeeds.TryAdd(tagSlug, true);
}

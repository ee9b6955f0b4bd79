namespace ServerlessBlog.Core.Feeds;

/// <summary>A feed of posts, written by <see cref="RssFeedWriter"/>, <see cref="AtomFeedWriter"/> and <see cref="JsonFeedWriter"/>.</summary>
public sealed record Feed
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string Language { get; init; }

    /// <summary>The absolute URL of the page the feed belongs to.</summary>
    public required string HomeUrl { get; init; }

    /// <summary>The absolute URL the feed itself is published at.</summary>
    public required string SelfUrl { get; init; }

    /// <summary>The site's author, for formats that want one at the feed level.</summary>
    public string? Author { get; init; }

    /// <summary>When the newest item last changed; never the wall clock, so that the same posts give the same bytes.</summary>
    public required DateTimeOffset Updated { get; init; }

    public required IReadOnlyList<FeedItem> Items { get; init; }
}

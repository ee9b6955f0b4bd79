namespace ServerlessBlog.Core.Feeds;

/// <summary>One post in a feed. <see cref="Id"/> is the post's permalink, so an edited post keeps its id.</summary>
public sealed record FeedItem
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset Published { get; init; }

    public required DateTimeOffset Updated { get; init; }

    /// <summary>The full post as HTML, with absolute URLs.</summary>
    public required FeedContent Content { get; init; }

    public string Summary { get; init; } = string.Empty;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? ImageUrl { get; init; }
}

namespace ServerlessBlog.Core.Site;

/// <summary>
/// What the site's listings, feeds and sitemaps need to know of a post, without its body:
/// one entry of the post index.
/// </summary>
public sealed record PostSummary
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    /// <summary>The source the post was published from, relative to the content root.</summary>
    public required string SourcePath { get; init; }

    public required DateTimeOffset Date { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Old site paths that redirect to this post.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The plain-text excerpt shown in listings and used as the description.</summary>
    public string Excerpt { get; init; } = string.Empty;

    public int ReadingMinutes { get; init; } = 1;

    public string? Image { get; init; }

    /// <summary>
    /// Which rendering of the post this entry describes: in the publisher's index, a prefix of the SHA-256 of the source its
    /// record was rendered from, so that a reader holding a copy of the record can tell whether the copy is current.
    /// </summary>
    public string? Revision { get; init; }

    /// <summary>The later of <see cref="Date"/> and <see cref="Updated"/>.</summary>
    public DateTimeOffset LastModified => Updated is { } updated && updated > Date ? updated : Date;

    /// <summary>The folder the post's page is published in.</summary>
    public string Folder => SitePaths.PostFolder(Slug);
}

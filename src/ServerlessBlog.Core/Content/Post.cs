namespace ServerlessBlog.Core.Content;

/// <summary>A parsed post: everything its front matter and file name say, and its Markdown body.</summary>
public sealed record Post
{
    /// <summary>The source path relative to the content root, with forward slashes.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The URL segment of the post: <c>/posts/{Slug}/</c>.</summary>
    public required string Slug { get; init; }

    public required string Title { get; init; }

    /// <summary>Whether <see cref="Title"/> was taken from the body's leading level-1 heading.</summary>
    public bool TitleFromHeading { get; init; }

    public required DateTimeOffset Date { get; init; }

    /// <summary>When the post was last edited, if it says so.</summary>
    public DateTimeOffset? Updated { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Authors { get; init; } = [];

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public bool Draft { get; init; }

    /// <summary>The author's own summary (<c>summary</c> or <c>description</c>).</summary>
    public string? Summary { get; init; }

    public string? Image { get; init; }

    /// <summary>Front matter fields the core does not interpret, for templates.</summary>
    public IReadOnlyDictionary<string, object?> Params { get; init; } = FrontMatter.Empty.Values;

    public required string Body { get; init; }

    /// <summary>The 1-based line of the source the body starts on.</summary>
    public int BodyLine { get; init; } = 1;

    /// <summary>The date shown as last modified: <see cref="Updated"/> when later than <see cref="Date"/>.</summary>
    public DateTimeOffset LastModified => Updated is { } updated && updated > Date ? updated : Date;
}

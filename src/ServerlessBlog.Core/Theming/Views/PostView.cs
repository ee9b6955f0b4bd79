namespace ServerlessBlog.Core.Theming.Views;

/// <summary>The <c>post</c> object of the post template.</summary>
public sealed record PostView
{
    public required string Title { get; init; }

    public required string Url { get; init; }

    public required string DateIso { get; init; }

    public required string DateText { get; init; }

    public string? UpdatedIso { get; init; }

    public string? UpdatedText { get; init; }

    public int ReadingMinutes { get; init; }

    public IReadOnlyList<TagView> Tags { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string Excerpt { get; init; } = string.Empty;

    /// <summary>The rendered body; templates output it with <c>| raw</c>.</summary>
    public required string Content { get; init; }

    public string? Image { get; init; }

    /// <summary>The next older post.</summary>
    public LinkView? Older { get; init; }

    /// <summary>The next newer post.</summary>
    public LinkView? Newer { get; init; }

    /// <summary>Front matter fields the core does not interpret.</summary>
    public IDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();
}

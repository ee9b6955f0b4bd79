namespace ServerlessBlog.Core.Theming.Views;

/// <summary>The <c>list</c> object of the listing template: the home page, a tag, an archive month.</summary>
public sealed record ListView
{
    public required string Heading { get; init; }

    public string Intro { get; init; } = string.Empty;

    public required IReadOnlyList<ListGroupView> Groups { get; init; }

    /// <summary>The heading level of each post's title: 2, or 3 under group headings.</summary>
    public int TitleLevel { get; init; } = 2;

    public bool ShowExcerpts { get; init; }

    public string? MoreUrl { get; init; }

    public string? MoreLabel { get; init; }

    public string? FeedUrl { get; init; }

    /// <summary>The heading of <see cref="Links"/>, such as "By year".</summary>
    public string LinksHeading { get; init; } = string.Empty;

    /// <summary>More pages of this listing, such as a tag's years.</summary>
    public IReadOnlyList<LinkView> Links { get; init; } = [];
}

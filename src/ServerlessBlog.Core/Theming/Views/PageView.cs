namespace ServerlessBlog.Core.Theming.Views;

/// <summary>The <c>page</c> object of every template: what the layout puts in the head.</summary>
public sealed record PageView
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string CanonicalUrl { get; init; }

    /// <summary>The Open Graph type: <c>article</c> for posts, <c>website</c> for the rest.</summary>
    public string OgType { get; init; } = "website";

    public string? Image { get; init; }

    public string? PublishedIso { get; init; }

    public string? ModifiedIso { get; init; }

    public bool Noindex { get; init; }

    /// <summary>Feeds of this page besides the site's own, such as a tag's.</summary>
    public IReadOnlyList<LinkView> Feeds { get; init; } = [];
}

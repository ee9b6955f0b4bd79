using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>A published post as the state keeps it: enough to render its page and feed items again without its source.</summary>
public sealed record PostRecord
{
    private const int RevisionLength = 16;

    public required PostSummary Summary { get; init; }

    public required string ContentHtml { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public Dictionary<string, object?> Params { get; init; } = [];

    /// <summary>The SHA-256 of the source the post was rendered from.</summary>
    public required string SourceHash { get; init; }

    public static PostRecord From(RenderedPost rendered, string sourceHash) => new()
    {
        Summary = rendered.ToSummary() with { Revision = RevisionOf(sourceHash, rendered.ContentHtml) },
        ContentHtml = rendered.ContentHtml,
        Categories = rendered.Post.Categories,
        Params = new Dictionary<string, object?>(rendered.Post.Params, StringComparer.OrdinalIgnoreCase),
        SourceHash = sourceHash,
    };

    /// <summary>
    /// The revision the index names a record by: a prefix of the SHA-256 of its source's hash and its HTML, long enough
    /// to tell renderings of one post apart, short because every index entry carries it. The same bytes render anew
    /// when a post they link to gets a new address: the HTML tells those renderings apart.
    /// </summary>
    public static string RevisionOf(string sourceHash, string contentHtml)
    {
        ArgumentNullException.ThrowIfNull(sourceHash);
        ArgumentNullException.ThrowIfNull(contentHtml);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sourceHash + contentHtml)));
        return hash[..RevisionLength];
    }

    /// <summary>The post as the page generator takes it.</summary>
    public RenderedPost ToRendered() => new(
        new Post
        {
            SourcePath = Summary.SourcePath,
            Slug = Summary.Slug,
            Title = Summary.Title,
            Date = Summary.Date,
            Updated = Summary.Updated,
            Tags = Summary.Tags,
            Categories = Categories,
            Authors = Summary.Authors,
            Aliases = Summary.Aliases,
            Image = Summary.Image,
            Params = Params,
            Body = string.Empty,
        },
        ContentHtml,
        Summary.Excerpt,
        Summary.ReadingMinutes);
}

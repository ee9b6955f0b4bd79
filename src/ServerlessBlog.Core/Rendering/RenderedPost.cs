using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Rendering;

/// <summary>A post with its body rendered to HTML, its excerpt and its reading time.</summary>
public sealed record RenderedPost(Post Post, string ContentHtml, string Excerpt, int ReadingMinutes)
{
    /// <summary>The post's entry in the site index.</summary>
    public PostSummary ToSummary() => new()
    {
        Slug = Post.Slug,
        Title = Post.Title,
        SourcePath = Post.SourcePath,
        Date = Post.Date,
        Updated = Post.Updated,
        Tags = Post.Tags,
        Authors = Post.Authors,
        Aliases = Post.Aliases,
        Excerpt = Excerpt,
        ReadingMinutes = ReadingMinutes,
        Image = Post.Image,
    };
}

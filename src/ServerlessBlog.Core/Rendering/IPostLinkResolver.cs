namespace ServerlessBlog.Core.Rendering;

/// <summary>Finds the slug of the post published from a source path, for links between posts.</summary>
public interface IPostLinkResolver
{
    /// <returns>The slug, or <see langword="null"/> when no post is known at that path.</returns>
    string? FindSlug(string sourcePath);
}

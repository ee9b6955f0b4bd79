namespace ServerlessBlog.Core.Rendering;

/// <summary>Resolves links between posts from a map of source path to slug.</summary>
public sealed class DictionaryLinkResolver(IReadOnlyDictionary<string, string> slugsBySourcePath) : IPostLinkResolver
{
    public static readonly DictionaryLinkResolver Empty = new(new Dictionary<string, string>());

    public string? FindSlug(string sourcePath) => slugsBySourcePath.GetValueOrDefault(sourcePath);
}

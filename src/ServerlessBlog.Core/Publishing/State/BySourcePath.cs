using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>Posts in the ordinal order of their source paths: of posts claiming one path, the first has it, as in a build.</summary>
internal sealed class BySourcePath : IComparer<PostSummary>
{
    public static readonly BySourcePath Instance = new();

    public int Compare(PostSummary? x, PostSummary? y) => string.CompareOrdinal(x?.SourcePath, y?.SourcePath);
}

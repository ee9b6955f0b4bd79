namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// Index documents as an index update left them: the catalog it wrote and the partitions it counted that catalog from.
/// The page refresh that follows starts from them instead of reading them again. They are as current as the catalog
/// version: a partition changed after it was counted is always followed by another catalog write, which the refresh's
/// staleness check notices.
/// </summary>
public sealed record IndexSnapshot(IReadOnlyList<(string Path, object? Value, string? Version)> Documents)
{
    /// <summary>The tags whose shown spelling the update changed: every page that names them is made again.</summary>
    public IReadOnlySet<string> RenamedTags { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

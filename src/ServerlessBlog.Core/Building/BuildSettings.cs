namespace ServerlessBlog.Core.Building;

/// <summary>What a whole-site build includes beyond the published posts.</summary>
public sealed record BuildSettings
{
    /// <summary>Publish posts marked as drafts too.</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>Publish posts dated in the future too.</summary>
    public bool IncludeFuture { get; init; }

    /// <summary>Delete files in the output that this build did not produce.</summary>
    public bool Clean { get; init; }
}

namespace ServerlessBlog.Core.Building;

/// <summary>What a build published and what it could not.</summary>
public sealed record BuildReport
{
    public int Posts { get; init; }

    /// <summary>HTML pages written, posts included.</summary>
    public int Pages { get; init; }

    public int Feeds { get; init; }

    public int Assets { get; init; }

    /// <summary>Posts left out because they are drafts or dated in the future.</summary>
    public int Skipped { get; init; }

    /// <summary>Output files whose bytes changed (or that are new).</summary>
    public int Written { get; init; }

    /// <summary>Output files left as they were because their bytes did not change.</summary>
    public int Unchanged { get; init; }

    public int Deleted { get; init; }

    public IReadOnlyList<BuildError> Errors { get; init; } = [];
}

namespace ServerlessBlog.Core.Building;

/// <summary>A file that could not be published, and why.</summary>
public sealed record BuildError(string Path, int Line, string Reason)
{
    /// <summary>The compiler-style form <c>path:line: reason</c>.</summary>
    public override string ToString() => $"{Path}:{Line}: {Reason}";
}

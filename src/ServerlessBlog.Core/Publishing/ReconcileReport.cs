namespace ServerlessBlog.Core.Publishing;

/// <summary>What one reconcile pass changed, and the files it could not bring in line this time.</summary>
/// <param name="Changes">What was published, rejected or unpublished.</param>
/// <param name="Failures">The paths whose publish or unpublish failed (storage down): the next pass tries them again.</param>
public sealed record ReconcileReport(IReadOnlyList<PublishResult> Changes, IReadOnlyList<string>? Failures = null)
{
    /// <summary>Whether the site already matched the content.</summary>
    public bool InSync => Changes.Count == 0 && (Failures is null || Failures.Count == 0);
}

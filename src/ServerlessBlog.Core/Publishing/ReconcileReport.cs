namespace ServerlessBlog.Core.Publishing;

/// <summary>What one reconcile pass changed.</summary>
public sealed record ReconcileReport(IReadOnlyList<PublishResult> Changes)
{
    /// <summary>Whether the site already matched the content.</summary>
    public bool InSync => Changes.Count == 0;
}

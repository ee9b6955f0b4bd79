namespace ServerlessBlog.Core.Publishing;

/// <summary>The result of publishing or unpublishing one file.</summary>
/// <param name="SourcePath">The uploaded file's path in the posts container.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Slug">The post's slug, when it is a post that has one.</param>
/// <param name="Reason">Why a post was rejected or is pending, as <c>line: reason</c>.</param>
/// <param name="SiteWrites">How many site files were written (unchanged ones are not counted).</param>
public sealed record PublishResult(string SourcePath, PublishOutcome Outcome, string? Slug = null, string? Reason = null, int SiteWrites = 0)
{
    /// <summary>
    /// The files whose posts link to this post and were rendered with another address for it: their status now says
    /// they changed, so that the next reconcile publishes them again; a host that can read them publishes them now.
    /// </summary>
    public IReadOnlyList<string> LinkedFrom { get; init; } = [];
}

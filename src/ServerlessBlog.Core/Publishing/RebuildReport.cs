namespace ServerlessBlog.Core.Publishing;

/// <summary>What a rebuild of a live site did.</summary>
/// <param name="Results">The outcome of publishing each uploaded file again.</param>
/// <param name="Kept">How many site files the rebuilt site holds.</param>
/// <param name="Deleted">How many site files no post, page or asset produces any more, deleted.</param>
public sealed record RebuildReport(IReadOnlyList<PublishResult> Results, int Kept, int Deleted)
{
    public int Count(PublishOutcome outcome) => Results.Count(result => result.Outcome == outcome);
}

namespace ServerlessBlog.Core.Publishing;

/// <summary>What a rebuild of a live site did.</summary>
/// <param name="Results">The outcome of publishing each uploaded file again.</param>
/// <param name="Files">How many files the rebuilt site holds.</param>
/// <param name="Written">How many of them were written, their bytes having changed.</param>
/// <param name="Deleted">How many site files no post, page or asset produces any more, deleted.</param>
public sealed record RebuildReport(IReadOnlyList<PublishResult> Results, int Files, int Written, int Deleted);

using ServerlessBlog.Core.Publishing.State;

namespace ServerlessBlog.Core.Publishing.Status;

/// <summary>What an author wants to know after uploading: what is live, what failed and why, what still waits.</summary>
/// <param name="Published">Posts live on the site, by source path.</param>
/// <param name="Rejected">Posts that cannot be published, with their reasons; an older version may still be live.</param>
/// <param name="Pending">Drafts and posts dated in the future.</param>
/// <param name="Assets">Assets copied to the site.</param>
/// <param name="Unprocessed">Uploaded files no publisher has handled yet, as they are now.</param>
/// <param name="ThemeFiles">Files of <c>_theme/</c> the site is rendered with (a refused theme's files are among <paramref name="Rejected"/>).</param>
public sealed record PublishingStatus(
    IReadOnlyList<SourceRecord> Published,
    IReadOnlyList<SourceRecord> Rejected,
    IReadOnlyList<SourceRecord> Pending,
    IReadOnlyList<SourceRecord> Assets,
    IReadOnlyList<string> Unprocessed,
    IReadOnlyList<SourceRecord> ThemeFiles);

using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>The status of one uploaded file, kept where an author can read it (<c>blog status</c>).</summary>
public sealed record SourceRecord
{
    public required string SourcePath { get; init; }

    public required PublishOutcome Outcome { get; init; }

    /// <summary>The SHA-256 of the bytes this status is about: the same bytes uploaded again change nothing.</summary>
    public required string SourceHash { get; init; }

    /// <summary>The slug of the post currently published from this file, if any.</summary>
    public string? Slug { get; init; }

    /// <summary>
    /// The post as the index holds it since this status was recorded: what the next publish of this file takes out of
    /// the index. The post record can be ahead of it, written by an attempt that stopped before the index followed.
    /// </summary>
    public PostSummary? Indexed { get; init; }

    /// <summary>
    /// Versions of this file's post that may be online or in the index besides <see cref="Indexed"/>: the one a publish
    /// notes before it changes anything (cleared by the status it ends with, so still here if it stopped), and what
    /// another host recorded over which this status was written. The next publish or removal of the file takes them out.
    /// </summary>
    public IReadOnlyList<PostSummary> Unsettled { get; init; } = [];

    /// <summary>
    /// The file is to be published again (by the host at once, else by the next reconcile) even though its bytes did
    /// not change: a post it links to got a new address after it was rendered, or another publish or removal of the
    /// same file ran at the same time, and what is online may be the work of either.
    /// </summary>
    public bool Stale { get; init; }

    /// <summary>Whether the file is an asset, copied as it is.</summary>
    public bool IsAsset { get; init; }

    /// <summary>
    /// The fingerprint of the site's theme that could not render this version of the post, when that is why it was
    /// rejected: once the site has another theme, the same bytes are published again.
    /// </summary>
    public string? RefusedByTheme { get; init; }

    /// <summary>Why the post is pending or rejected, as <c>line: reason</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>When a pending post's date comes.</summary>
    public DateTimeOffset? PublishAt { get; init; }

    /// <summary>When the uploaded file last changed, as its store reported it: a reconcile reads only files that changed since.</summary>
    public DateTimeOffset SourceModified { get; init; }

    /// <summary>The uploaded file's version (its ETag), when its store has one: two writes in one second differ here.</summary>
    public string? SourceVersion { get; init; }

    /// <summary>The status of a file that has none yet while something is noted of it: as pending, about no bytes.</summary>
    public static SourceRecord BeingPublished(string sourcePath) =>
        new() { SourcePath = sourcePath, Outcome = PublishOutcome.Pending, SourceHash = string.Empty, Reason = "1: being published" };

    /// <summary>
    /// This status as written over <paramref name="current"/>, a status another publish or removal of the file wrote
    /// since this one's was read: what that one put online is noted as unsettled, and the file is to be published again.
    /// </summary>
    public SourceRecord Over(SourceRecord? current) => current is null ? this with { Stale = true } : this with
    {
        Stale = true,
        Unsettled = Merge([.. Unsettled, .. current.Unsettled, current.Indexed]).Where(version => !SamePlace(version, Indexed)).ToList(),
    };

    /// <summary>Whether two versions of a post are the same index entry: the same slug, date, tags and aliases.</summary>
    public static bool SamePlace(PostSummary version, PostSummary? other)
    {
        ArgumentNullException.ThrowIfNull(version);
        return other is not null && PlaceOf(version) == PlaceOf(other);
    }

    /// <summary>The distinct versions among <paramref name="versions"/>: one per index entry.</summary>
    public static IReadOnlyList<PostSummary> Merge(IEnumerable<PostSummary?> versions) =>
        versions.OfType<PostSummary>().DistinctBy(PlaceOf).ToList();

    /// <summary>
    /// What makes a version of a post an index entry of its own: where it is listed, and the paths its aliases claim
    /// (each a claim in the index), joined by a character no path holds (the parser refuses NUL in a path).
    /// </summary>
    private static ((string Slug, DateTimeOffset Date, string Tags) Listing, string Claims) PlaceOf(PostSummary version) =>
        (ListingOf(version), string.Join('\0', version.Aliases.Select(SitePaths.RedirectPageOf).Distinct().Order(StringComparer.Ordinal)));

    /// <summary>Its slug, its date (its month) and its tags, joined by a character no tag holds (the parser refuses control characters in tags).</summary>
    private static (string Slug, DateTimeOffset Date, string Tags) ListingOf(PostSummary version) =>
        (version.Slug, version.Date, string.Join('\u0001', version.Tags));

    /// <summary>Whether this record is about the file as <paramref name="entry"/> lists it now.</summary>
    public bool Describes(Storage.ContentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return !Stale && Unsettled.Count == 0 && (entry.Version is not null ? SourceVersion == entry.Version : SourceModified == entry.LastModified);
    }

    public DateTimeOffset RecordedAt { get; init; }
}

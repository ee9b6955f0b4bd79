using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Generation;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Storage;
using ServerlessBlog.Core.Theming;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// The theme the live site is rendered with, kept in the state (<see cref="ThemeRecord"/>) so that every host renders
/// with the same one: the pages of it for each operation, and applying the content's <c>_theme/</c> files (record them,
/// render every page again, say when that is done). Thread-safe; one per publisher.
/// </summary>
internal sealed partial class LiveTheme
{
    private static readonly string DefaultFingerprint = ThemeFiles.Fingerprint(new Dictionary<string, string>());

    // Rounds of catching up with themes applied one after the other while an operation or a rendering ran.
    private const int MaxRounds = 3;

    private readonly BlogOptions _options;
    private readonly FeedGenerator _feeds;
    private readonly StateDocuments _documents;
    private readonly PostRecordCache _records;
    private readonly ISiteStore _site;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private SiteRendering _rendering;

    public LiveTheme(BlogOptions options, FeedGenerator feeds, StateDocuments documents, PostRecordCache records, ISiteStore site, TimeProvider time, ILogger logger)
    {
        _options = options;
        _feeds = feeds;
        _documents = documents;
        _records = records;
        _site = site;
        _time = time;
        _logger = logger;
        _rendering = RenderingWith(null, null);
    }

    /// <summary>The pages of the theme the site has now: the files applied last, or the default theme.</summary>
    public async Task<SiteRendering> RenderingAsync(CancellationToken cancellationToken)
    {
        var current = _rendering;
        if (await _documents.Store.GetVersionAsync(StatePaths.Theme, cancellationToken) == current.ThemeVersion)
        {
            return current;
        }

        var (applied, version) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken);
        var next = FingerprintOf(applied) == current.ThemeFingerprint ? current with { ThemeVersion = version } : RenderingWith(version, applied);
        _rendering = next;
        return next;
    }

    /// <summary>
    /// After an operation: if another theme was applied while it ran, its pages are made again with that theme (the
    /// whole rendering of the theme may have come before they were written).
    /// </summary>
    /// <returns>How many site files that wrote or deleted.</returns>
    public async Task<int> CatchUpAsync(ThemedRefresh made, CancellationToken cancellationToken)
    {
        var changed = 0;
        for (var round = 0; round < MaxRounds && !made.IsEmpty; round++)
        {
            if (await _documents.Store.GetVersionAsync(StatePaths.Theme, cancellationToken) == made.Rendering.ThemeVersion)
            {
                break;
            }

            var rendering = await RenderingAsync(cancellationToken);
            if (rendering.ThemeFingerprint == made.Rendering.ThemeFingerprint)
            {
                break;
            }

            var (again, replayed) = await made.ReplayAsync(rendering, cancellationToken);
            made = again;
            changed += replayed;
        }

        return changed;
    }

    /// <summary>
    /// Makes the theme files <paramref name="listed"/> the site's theme and renders every page with them, unless that is
    /// done already. A theme that does not load is refused, once: the site keeps its theme, and each file's status says why.
    /// </summary>
    public async Task<PublishResult> ApplyAsync(IContentSource content, IReadOnlyList<ContentEntry> listed, CancellationToken cancellationToken)
    {
        var files = await ThemeFiles.ReadAsync(content, listed, cancellationToken);
        var texts = ThemeFiles.Texts(files);
        var fingerprint = ThemeFiles.Fingerprint(texts);
        var (applied, version) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken);
        if (applied is null && fingerprint == DefaultFingerprint)
        {
            // A site that never had a theme has every page in the default one. Saying so gives every publish's check
            // a document to find (a missing one reads as a failed request in the host's telemetry).
            await _documents.Store.TryWriteAsync(StatePaths.Theme, StateJson.Serialize(new ThemeRecord { Fingerprint = fingerprint, Files = texts, Rendered = true }), null, cancellationToken);
            await RecordStatusesAsync(content, files, PublishOutcome.Published, null, cancellationToken);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Unchanged);
        }

        var recorded = fingerprint == FingerprintOf(applied);
        if (recorded && applied!.Rendered)
        {
            await RecordStatusesAsync(content, files, PublishOutcome.Published, null, cancellationToken);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Unchanged);
        }

        if (!recorded)
        {
            if (await WasRefusedAsync(files, cancellationToken))
            {
                return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Unchanged);
            }

            try
            {
                await RecordAsync(content, texts, new StateSnapshot<ThemeRecord>(applied, version), cancellationToken);
            }
            catch (ThemeException ex)
            {
                var reason = $"1: the theme is not applied: {ex.Message}";
                LogRefused(reason);
                await RecordStatusesAsync(content, files, PublishOutcome.Rejected, reason, cancellationToken);
                return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Rejected, Reason: reason);
            }
        }

        var changed = await RenderEveryPageAsync(cancellationToken);
        await RecordStatusesAsync(content, files, PublishOutcome.Published, null, cancellationToken);
        LogApplied(texts.Count, changed);
        return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Published, SiteWrites: changed);
    }

    /// <summary>
    /// Renders every page with the recorded theme, again while another theme was recorded meanwhile, and says in the
    /// record when that is done. If it cannot be said (the index or the theme kept changing), the record says it is
    /// not done, and the next apply of the same files (a reconcile's) renders every page again.
    /// </summary>
    /// <returns>How many site files were written or deleted.</returns>
    public async Task<int> RenderEveryPageAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        for (var round = 1; ; round++)
        {
            var rendering = await RenderingAsync(cancellationToken);
            var (written, settled) = await rendering.Refresher.RenderAllAsync(cancellationToken);
            changed += written;
            var (now, version) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken);
            var same = FingerprintOf(now) == rendering.ThemeFingerprint;
            if (!same && round < MaxRounds)
            {
                // Another apply recorded other files while this rendered: it may have rendered its pages first.
                continue;
            }

            if (now is not null && version is not null && now.Rendered != (same && settled))
            {
                // Lost to another writer: another apply, which says this itself once its own rendering is done.
                await _documents.Store.TryWriteAsync(StatePaths.Theme, StateJson.Serialize(now with { Rendered = same && settled }), version, cancellationToken);
            }

            return changed;
        }
    }

    private static string FingerprintOf(ThemeRecord? applied) => applied?.Fingerprint ?? DefaultFingerprint;

    private SiteRendering RenderingWith(string? themeVersion, ThemeRecord? applied)
    {
        Theme theme;
        try
        {
            theme = applied is null ? Theme.Default : Theme.Load(applied.Files);
        }
        catch (ThemeException ex)
        {
            // Only a theme that loaded is applied; one that no longer does (after an upgrade) must not stop publishing.
            LogAppliedThemeUnusable(ex);
            theme = Theme.Default;
        }

        var pages = new PageGenerator(_options, theme);
        return new SiteRendering(themeVersion, FingerprintOf(applied), pages, new PageRefresher(_options, pages, _feeds, _documents, _records, _site));
    }

    /// <summary>
    /// Records the theme files as the site's theme, once they load. Another host recording other files at the same
    /// time makes the write conflict: the loser reads the files again, so that the theme uploaded last is what stays.
    /// </summary>
    /// <exception cref="ThemeException">The files do not load.</exception>
    private async Task RecordAsync(IContentSource content, SortedDictionary<string, string> texts, StateSnapshot<ThemeRecord> known, CancellationToken cancellationToken)
    {
        var first = true;
        await _documents.UpdateAsync<ThemeRecord>(
            StatePaths.Theme,
            async (current, token) =>
            {
                var latest = first ? texts : ThemeFiles.Texts(await ThemeFiles.ReadAsync(content, await ThemeFiles.ListAsync(content, token), token));
                first = false;
                var fingerprint = ThemeFiles.Fingerprint(latest);
                if (current is not null && fingerprint == current.Fingerprint)
                {
                    return current;
                }

                // Refused before it is recorded: a theme that does not load would stop every publish. No files is the
                // default theme, recorded too, so that its rendering is known to be done or not.
                Theme.Load(latest);
                return new ThemeRecord { Fingerprint = fingerprint, Files = latest };
            },
            cancellationToken,
            known);
    }

    /// <summary>Whether these very files were refused already: then they are not tried again until one of them changes.</summary>
    private async Task<bool> WasRefusedAsync(IReadOnlyList<ContentFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            var (status, _) = await _documents.ReadAsync<SourceRecord>(StatePaths.Source(file.Path), cancellationToken);
            if (status is not { Outcome: PublishOutcome.Rejected } || status.SourceVersion != file.Version || status.SourceHash != HashOf(file))
            {
                return false;
            }
        }

        return files.Count > 0;
    }

    /// <summary>
    /// Records the status of each theme file read, as applied or refused, so that an author sees it as any upload's,
    /// unless the file changed since (its own trigger records that), and forgets the status of theme files that are gone.
    /// </summary>
    private async Task RecordStatusesAsync(IContentSource content, IReadOnlyList<ContentFile> files, PublishOutcome outcome, string? reason, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var present = (await ThemeFiles.ListAsync(content, cancellationToken)).ToDictionary(entry => entry.Path, StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!present.TryGetValue(file.Path, out var entry) || entry.Version != file.Version)
            {
                continue;
            }

            var hash = HashOf(file);
            var (current, version) = await _documents.ReadAsync<SourceRecord>(StatePaths.Source(file.Path), cancellationToken);
            if (current is not null && current.Describes(entry) && current.SourceHash == hash && current.Outcome == outcome && current.Reason == reason)
            {
                continue;
            }

            var record = new SourceRecord { SourcePath = file.Path, Outcome = outcome, SourceHash = hash, IsAsset = true, Reason = reason, SourceModified = entry.LastModified, SourceVersion = entry.Version, RecordedAt = now };
            await _documents.UpdateAsync<SourceRecord>(StatePaths.Source(file.Path), _ => record, cancellationToken, new StateSnapshot<SourceRecord>(current, version));
        }

        var gone = new List<string>();
        await foreach (var path in _documents.Store.ListAsync(StatePaths.SourcesFolder + ContentPaths.ThemeFolder, cancellationToken))
        {
            if (!present.ContainsKey(StatePaths.SourcePathOf(path)))
            {
                gone.Add(path);
            }
        }

        foreach (var path in gone)
        {
            await _documents.UpdateAsync<SourceRecord>(path, _ => null, cancellationToken);
        }
    }

    private static string HashOf(ContentFile file) => Convert.ToHexString(SHA256.HashData(file.Content.Span));

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied the theme of _theme/ ({Files} files replace the default theme's) and rendered the site again: {SiteWrites} site files written")]
    private partial void LogApplied(int files, int siteWrites);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the theme of _theme/: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The applied theme no longer loads; rendering with the default theme until _theme/ is fixed")]
    private partial void LogAppliedThemeUnusable(Exception exception);
}

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
    /// After an operation that wrote pages with <paramref name="used"/>: if another theme was recorded meanwhile, its
    /// whole rendering may have come before those pages were written, so the theme is marked not rendered, and the next
    /// apply of it (a reconcile's) renders every page again. Rare, and cheaper than making the site again at once in
    /// every publish of a burst that a theme upload falls into.
    /// </summary>
    public async Task AfterOperationAsync(SiteRendering used, CancellationToken cancellationToken)
    {
        if (await _documents.Store.GetVersionAsync(StatePaths.Theme, cancellationToken) == used.ThemeVersion
            || (await RenderingAsync(cancellationToken)).ThemeFingerprint == used.ThemeFingerprint)
        {
            return;
        }

        LogPagesInOlderTheme();
        await MarkNotRenderedAsync(cancellationToken);
    }

    /// <summary>
    /// Makes the theme files of the content the site's theme and renders every page with them, unless that is done
    /// already. A theme that does not load is refused, once: the site keeps its theme, and each file's status says why.
    /// </summary>
    public async Task<PublishResult> ApplyAsync(IContentSource content, CancellationToken cancellationToken)
    {
        // The record first, then the files: a host that read older files than the record's finds the record changed
        // when it writes, and reads the files again.
        var (applied, version) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken);
        var files = await ThemeFiles.ReadAsync(content, await ThemeFiles.ListAsync(content, cancellationToken), cancellationToken);
        var texts = ThemeFiles.Texts(files);
        var fingerprint = ThemeFiles.Fingerprint(texts);
        if (applied is null && fingerprint == DefaultFingerprint)
        {
            // A site that never had a theme has every page in the default one. Saying so gives every publish's check
            // a document to find (a missing one reads as a failed request in the host's telemetry).
            await _documents.Store.TryWriteAsync(StatePaths.Theme, StateJson.Serialize(new ThemeRecord { Fingerprint = fingerprint, Files = texts, Rendered = true }), null, cancellationToken);
            await RecordStatusesAsync(content, files, PublishOutcome.Published, null, cancellationToken);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Unchanged);
        }

        if (fingerprint == FingerprintOf(applied) ? applied!.Rendered : applied?.Refused == fingerprint)
        {
            var refused = applied!.Refused == fingerprint && fingerprint != applied.Fingerprint;
            await RecordStatusesAsync(content, files, refused ? PublishOutcome.Rejected : PublishOutcome.Published, refused ? applied.RefusedReason : null, cancellationToken);
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
            await _documents.UpdateAsync<ThemeRecord>(
                StatePaths.Theme,
                current => (current ?? new ThemeRecord { Fingerprint = DefaultFingerprint, Files = new(StringComparer.Ordinal), Rendered = true }) with { Refused = fingerprint, RefusedReason = reason },
                cancellationToken);
            await RecordStatusesAsync(content, files, PublishOutcome.Rejected, reason, cancellationToken);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Rejected, Reason: reason);
        }

        var changed = await RenderEveryPageAsync(cancellationToken);
        await RecordStatusesAsync(content, files, PublishOutcome.Published, null, cancellationToken);
        LogApplied(texts.Count, changed);
        return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Published, SiteWrites: changed);
    }

    /// <summary>
    /// Renders every page with the recorded theme and, if neither the index nor the record changed meanwhile, says in
    /// the record that this is done. Otherwise it marks the theme not rendered (any other rendering's claim included),
    /// and the next apply of the same files (a reconcile's) renders every page again.
    /// </summary>
    /// <returns>How many site files were written or deleted.</returns>
    public async Task<int> RenderEveryPageAsync(CancellationToken cancellationToken)
    {
        var (recorded, startVersion) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken);
        var rendering = await RenderingAsync(cancellationToken);
        var (changed, settled) = await rendering.Refresher.RenderAllAsync(cancellationToken);
        if (recorded is null || startVersion is null || FingerprintOf(recorded) != rendering.ThemeFingerprint)
        {
            // Read between two records of the theme: the one recorded second renders after this.
            await MarkNotRenderedAsync(cancellationToken);
            return changed;
        }

        if (!settled)
        {
            await MarkNotRenderedAsync(cancellationToken);
            return changed;
        }

        // Only over the record as it was when this started: anything written since (an operation's mark, another
        // rendering's) may stand for pages this rendering did not cover. If another theme was recorded meanwhile, this
        // rendering's pages may have come after that theme's: they are in the older one.
        if (await _documents.Store.TryWriteAsync(StatePaths.Theme, StateJson.Serialize(recorded with { Rendered = true }), startVersion, cancellationToken) is null
            && FingerprintOf((await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken)).Value) != rendering.ThemeFingerprint)
        {
            await MarkNotRenderedAsync(cancellationToken);
        }

        return changed;
    }

    /// <summary>Says in the record that some page may be in another theme, over whatever the record says now.</summary>
    private async Task MarkNotRenderedAsync(CancellationToken cancellationToken) =>
        await _documents.UpdateAsync<ThemeRecord>(StatePaths.Theme, current => current is null ? null : current with { Rendered = false }, cancellationToken);

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
    /// time makes the write conflict: the loser reads the record and the files again, so that the theme uploaded last
    /// is what stays.
    /// </summary>
    /// <exception cref="ThemeException">The files do not load.</exception>
    private async Task RecordAsync(IContentSource content, SortedDictionary<string, string> texts, StateSnapshot<ThemeRecord> known, CancellationToken cancellationToken)
    {
        var first = true;
        await _documents.RetryOnConflictAsync(
            async token =>
            {
                var (current, version) = first ? (known.Value, known.Version) : await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, token);
                var latest = first ? texts : ThemeFiles.Texts(await ThemeFiles.ReadAsync(content, await ThemeFiles.ListAsync(content, token), token));
                first = false;
                var fingerprint = ThemeFiles.Fingerprint(latest);
                if (current is not null && fingerprint == current.Fingerprint)
                {
                    return 0;
                }

                // Refused before it is recorded: a theme that does not load would stop every publish. No files is the
                // default theme, recorded too, so that its rendering is known to be done or not.
                Theme.Load(latest);
                var record = new ThemeRecord { Fingerprint = fingerprint, Files = latest };
                return await _documents.Store.TryWriteAsync(StatePaths.Theme, StateJson.Serialize(record), version, token) is null
                    ? throw new StateConflictException(StatePaths.Theme)
                    : 0;
            },
            cancellationToken);
    }

    /// <summary>
    /// Records the status of each theme file read, as applied or refused, so that an author sees it as any upload's,
    /// unless the file changed since (its own trigger records that), and forgets the status of theme files that are gone.
    /// </summary>
    /// <param name="content">The content, listed again: a file changed since it was read is left to its own trigger.</param>
    /// <param name="files">The theme files as read.</param>
    /// <param name="outcome">Applied, or refused.</param>
    /// <param name="reason">Why they were refused.</param>
    /// <param name="cancellationToken">Cancels it.</param>
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A theme was applied while this operation wrote pages in the one before; every page is rendered again at the next reconcile")]
    private partial void LogPagesInOlderTheme();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the theme of _theme/: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The applied theme no longer loads; rendering with the default theme until _theme/ is fixed")]
    private partial void LogAppliedThemeUnusable(Exception exception);
}

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
/// render every page again). Thread-safe; one per publisher.
/// </summary>
/// <remarks>
/// One rule keeps the site in one theme: only a whole rendering says that every page is in the recorded theme
/// (<see cref="ThemeRecord.Rendered"/>), and only over the record it started from, when the index did not change under
/// it; whatever may have written a page in another theme says the opposite before it records its own status, so that
/// a failure on the way leaves the status for the retry to redo. The next apply (every reconcile) renders every page
/// again while the record says it is not known to be done. A page refresh that stops while it writes pages says the
/// opposite too (<see cref="AfterRefreshStoppedAsync"/>): its pages may be made from an older index, which a whole
/// rendering mends as well.
/// </remarks>
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
    private readonly bool _claimsRendered;
    private SiteRendering _rendering;

    /// <param name="options">The blog's settings.</param>
    /// <param name="feeds">The feed generator the page refreshers share.</param>
    /// <param name="documents">The publishing state.</param>
    /// <param name="records">The publisher's cache of post records.</param>
    /// <param name="site">Where the pages go.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The publisher's log.</param>
    /// <param name="claimsRendered">Whether a whole rendering may say every page is in the theme (not when its pages go to a buffer).</param>
    public LiveTheme(BlogOptions options, FeedGenerator feeds, StateDocuments documents, PostRecordCache records, ISiteStore site, TimeProvider time, ILogger logger, bool claimsRendered)
    {
        _options = options;
        _feeds = feeds;
        _documents = documents;
        _records = records;
        _site = site;
        _time = time;
        _logger = logger;
        _claimsRendered = claimsRendered;
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
    /// After an operation wrote its pages with <paramref name="used"/>, before it records its status: if another theme
    /// was recorded meanwhile, that theme's whole rendering may have come before these pages, so the theme is marked not
    /// rendered, and the next apply of it (a reconcile's) renders every page again. If this fails, the status is not
    /// recorded, and the operation's retry (or the reconcile) does the operation again.
    /// </summary>
    public async Task AfterPagesAsync(SiteRendering used, CancellationToken cancellationToken)
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
    /// A removal found that an earlier attempt of it stopped after writing pages: if the site's theme was ever changed,
    /// those pages may be in one before it, so the theme is marked not rendered (the next reconcile renders every page).
    /// </summary>
    public async Task AfterInterruptedRemovalAsync(CancellationToken cancellationToken)
    {
        if (await EverChangedAsync(cancellationToken))
        {
            LogPagesInOlderTheme();
            await MarkNotRenderedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A page refresh stopped (failed, or was cancelled) after it began writing pages, before it could tell whether the
    /// index it made them from was still the latest: a page it wrote may have landed after a newer one of another
    /// publisher, and the round that would have written it again never runs (the retry starts from the index as it is
    /// then, whose neighbours may be others). So the record says not rendered (a site without one gets one, in the
    /// default theme), and the next reconcile renders every page from the index. If storage fails this too, the pages
    /// stay as they are until they are written again.
    /// </summary>
    public async Task AfterRefreshStoppedAsync()
    {
        LogPagesOfStoppedRefresh();
        try
        {
            await _documents.UpdateAsync<ThemeRecord>(
                StatePaths.Theme,
                current => Marked(current ?? new ThemeRecord { Fingerprint = DefaultFingerprint, Files = new(StringComparer.Ordinal) }),
                CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogMarkFailed(ex);
        }
    }

    /// <summary>Whether theme files were ever recorded: if not, every page ever written is in the default theme.</summary>
    public async Task<bool> EverChangedAsync(CancellationToken cancellationToken) =>
        (await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken)).Value is { } record
            && (record.Changes > 0 || record.Fingerprint != DefaultFingerprint);

    /// <summary>
    /// Makes the theme files of the content the site's theme and renders every page with them, unless that is done
    /// already. A theme that does not load is refused, once: the site keeps its theme (rendered again if it is not known
    /// to be on every page), and each file's status says why.
    /// </summary>
    public async Task<PublishResult> ApplyAsync(IContentSource content, CancellationToken cancellationToken)
    {
        // The record first, then the files: a host that read older files than the record's finds the record changed
        // when it writes, and reads the files again.
        var (applied, version) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken);
        var files = await ThemeFiles.ReadAsync(content, cancellationToken);
        var texts = ThemeFiles.Texts(files);
        var fingerprint = ThemeFiles.Fingerprint(texts);
        if (applied is null && fingerprint == DefaultFingerprint)
        {
            // A site that never had a theme has every page in the default one. Saying so gives every publish's check
            // a document to find (a missing one reads as a failed request in the host's telemetry).
            await _documents.Store.TryWriteAsync(StatePaths.Theme, StateJson.Serialize(new ThemeRecord { Fingerprint = fingerprint, Files = texts, Rendered = true }), null, cancellationToken);
            await RecordStatusesAsync(content, files, fingerprint, PublishOutcome.Published, null, cancellationToken);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Unchanged);
        }

        if (fingerprint != FingerprintOf(applied) && applied?.Refused == fingerprint)
        {
            // Refused already: the site keeps its theme, made whole again if something left a page in another.
            var kept = applied.Rendered ? 0 : await RenderKeptThemeAsync(applied, cancellationToken);
            await RecordStatusesAsync(content, files, fingerprint, PublishOutcome.Rejected, applied.RefusedReason, cancellationToken);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Unchanged, SiteWrites: kept);
        }

        if (fingerprint == FingerprintOf(applied) && applied!.Rendered)
        {
            await RecordStatusesAsync(content, files, fingerprint, PublishOutcome.Published, null, cancellationToken);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Unchanged);
        }

        // The same files failed on a page of the index as it still is: their status says why, and only a change of the
        // index (or of the files) can give another outcome.
        var index = await IndexVersionAsync(cancellationToken);
        if (fingerprint == FingerprintOf(applied) && applied is { Rendered: false, FailedOnIndex: { } failedOn, FailedReason: not null } && failedOn == index)
        {
            // Files uploaded again with the same bytes still get a status about their upload.
            await RecordStatusesAsync(content, files, fingerprint, PublishOutcome.Rejected, applied.FailedReason, cancellationToken);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Unchanged);
        }

        if (await RecordAsync(content, texts, new StateSnapshot<ThemeRecord>(applied, version), cancellationToken) is { } refusal)
        {
            // The files refused may be newer than those read above, if another host recorded a theme meanwhile.
            var reason = $"1: the theme is not applied: {refusal.Error.Message}";
            LogRefused(reason);
            var (refused, _) = await _documents.UpdateAsync<ThemeRecord>(
                StatePaths.Theme,
                current => (current ?? new ThemeRecord { Fingerprint = DefaultFingerprint, Files = new(StringComparer.Ordinal), Rendered = true }) with { Refused = refusal.Fingerprint, RefusedReason = reason },
                cancellationToken);
            var kept = refused!.Rendered ? 0 : await RenderKeptThemeAsync(refused, cancellationToken);
            await RecordStatusesAsync(content, files, refusal.Fingerprint, PublishOutcome.Rejected, reason, cancellationToken);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Rejected, Reason: reason, SiteWrites: kept);
        }

        int changed;
        bool claimed;
        try
        {
            (changed, claimed) = await RenderEveryPageAsync(cancellationToken);
        }
        catch (ThemeException ex)
        {
            // The templates parse but fail on a page of this site, as they may not on the same site tomorrow (a division
            // by a count that is zero today). Putting the theme before back would flip the whole site on a passing state
            // of its posts (a rebuild renders over an empty index first): the theme stays recorded and not rendered, its
            // files say why, and a reconcile tries again once the index has changed, until the pages or the theme do.
            var reason = FailsOnAPage(ex);
            LogRefused(reason);
            await RecordStatusesAsync(content, files, fingerprint, PublishOutcome.Rejected, reason, cancellationToken);
            await NoteFailedOnIndexAsync(fingerprint, index, reason, cancellationToken);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Rejected, Reason: reason);
        }

        // Another host's rendering of the same files may have made the claim (a theme of several files uploaded at once).
        claimed = claimed || (await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken)).Value is { Rendered: true } done && done.Fingerprint == fingerprint;
        if (claimed || !_claimsRendered)
        {
            await RecordStatusesAsync(content, files, fingerprint, PublishOutcome.Published, null, cancellationToken);
        }
        else
        {
            await RecordStatusesAsync(content, files, fingerprint, PublishOutcome.Pending, "1: recorded; the next reconcile renders every page with it", cancellationToken);
        }

        if (files.Count == 0 && applied is { Changes: 0 } && claimed)
        {
            // A site that never had a theme: every page was rendered again because something may have left one stale
            // (a refresh that stopped), not because a theme changed. There is nothing of _theme/ to report.
            LogRenderedAgain(changed);
            return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Unchanged, SiteWrites: changed);
        }

        LogApplied(texts.Count, changed);
        return new PublishResult(ContentPaths.ThemeFolder, PublishOutcome.Published, SiteWrites: changed);
    }

    /// <summary>
    /// Renders every page with the recorded theme and, if neither the index nor the record changed under it, says in the
    /// record that every page is in it. Otherwise, or if it fails on the way, it says every page is not known to be, and
    /// the next apply of the same files (a reconcile's) renders every page again.
    /// </summary>
    /// <returns>How many site files were written or deleted, and whether it said every page is in the theme.</returns>
    public async Task<(int Changed, bool Claimed)> RenderEveryPageAsync(CancellationToken cancellationToken)
    {
        var (recorded, startVersion) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken);
        var rendering = await RenderingAsync(cancellationToken);
        var seenVersion = startVersion;
        int changed;
        bool settled;
        try
        {
            // A theme recorded after this started renders every page itself: this stops writing pages in the older one.
            (changed, settled) = await rendering.Renderer.RenderAllAsync(
                async token =>
                {
                    var now = await _documents.Store.GetVersionAsync(StatePaths.Theme, token);
                    if (now == seenVersion)
                    {
                        return true;
                    }

                    var (current, version) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, token);
                    seenVersion = version;
                    return FingerprintOf(current) == rendering.ThemeFingerprint;
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await TryMarkNotRenderedAsync(cancellationToken);
            throw;
        }

        if (recorded is null || startVersion is null || FingerprintOf(recorded) != rendering.ThemeFingerprint || !settled)
        {
            await MarkNotRenderedAsync(cancellationToken);
            return (changed, false);
        }

        if (!_claimsRendered)
        {
            return (changed, false);
        }

        // Only over the record as it was when this started: anything written since (an operation's mark, another
        // rendering's) may stand for pages this rendering did not cover. If another theme was recorded meanwhile, this
        // rendering's pages may have come after that theme's: they are in the older one.
        if (await ClaimRenderedAsync(startVersion, cancellationToken))
        {
            return (changed, true);
        }

        if (FingerprintOf((await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken)).Value) != rendering.ThemeFingerprint)
        {
            await MarkNotRenderedAsync(cancellationToken);
        }

        return (changed, false);
    }

    /// <summary>The version of the theme record now, for a claim made later over it.</summary>
    public async Task<string?> RecordVersionAsync(CancellationToken cancellationToken) =>
        await _documents.Store.GetVersionAsync(StatePaths.Theme, cancellationToken);

    /// <summary>Says every page is in the recorded theme, if the record is still at <paramref name="version"/>.</summary>
    public async Task<bool> ClaimRenderedAsync(string? version, CancellationToken cancellationToken)
    {
        var (current, currentVersion) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken);
        return current is not null && version is not null && currentVersion == version
            && (current.Rendered || await _documents.Store.TryWriteAsync(StatePaths.Theme, StateJson.Serialize(current with { Rendered = true }), version, cancellationToken) is not null);
    }

    /// <summary>
    /// Says in the record that some page may not be in the recorded theme, over whatever the record says now. Each mark
    /// changes the record, so that a claim made over the record as it was before fails.
    /// </summary>
    public async Task MarkNotRenderedAsync(CancellationToken cancellationToken) =>
        await _documents.UpdateAsync<ThemeRecord>(StatePaths.Theme, current => current is null ? null : Marked(current), cancellationToken);

    /// <summary>The record saying some page may not be in its theme (or made from the index as it is): what any failure noted no longer holds.</summary>
    private static ThemeRecord Marked(ThemeRecord current) =>
        current with { Rendered = false, Marks = current.Marks + 1, FailedOnIndex = null, FailedReason = null };

    private async Task TryMarkNotRenderedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MarkNotRenderedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What failed the rendering may fail this too. Pages it wrote after a newer theme's whole rendering then stay
            // in the older theme until every page is rendered again; it stopped before its pages could be checked.
            LogMarkFailed(ex);
        }
    }

    /// <summary>
    /// Renders every page again with the theme the site keeps when newer files are refused. That theme may itself fail
    /// on a page of the site (it stays recorded, not rendered, until the pages or the files change): the refusal of the
    /// newer files is recorded all the same.
    /// </summary>
    private async Task<int> RenderKeptThemeAsync(ThemeRecord kept, CancellationToken cancellationToken)
    {
        var index = await IndexVersionAsync(cancellationToken);
        if (kept.FailedOnIndex == index)
        {
            // It failed on this very index already.
            return 0;
        }

        try
        {
            return (await RenderEveryPageAsync(cancellationToken)).Changed;
        }
        catch (ThemeException ex)
        {
            LogKeptThemeFails(ex.Message);
            await NoteFailedOnIndexAsync(kept.Fingerprint, index, FailsOnAPage(ex), cancellationToken);
            return 0;
        }
    }

    /// <summary>
    /// Notes in the record the index the theme failed on, if the record still holds that theme, not rendered, and no
    /// one wrote it since it was read: anything else that happened meanwhile is a reason to try again.
    /// </summary>
    private async Task NoteFailedOnIndexAsync(string fingerprint, string index, string reason, CancellationToken cancellationToken)
    {
        var (current, version) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken);
        if (current is { Rendered: false } && current.Fingerprint == fingerprint && version is not null)
        {
            await _documents.Store.TryWriteAsync(StatePaths.Theme, StateJson.Serialize(current with { FailedOnIndex = index, FailedReason = reason }), version, cancellationToken);
        }
    }

    /// <summary>The version of the index catalog, as <see cref="ThemeRecord.FailedOnIndex"/> notes it (empty when there is none).</summary>
    private async Task<string> IndexVersionAsync(CancellationToken cancellationToken) =>
        await _documents.Store.GetVersionAsync(StatePaths.Catalog, cancellationToken) ?? string.Empty;

    /// <summary>The reason, as <c>line: reason</c>, that theme files which parse are not rendered.</summary>
    private static string FailsOnAPage(ThemeException exception) => $"1: the theme fails on a page of the site: {exception.Message}";

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
        return new SiteRendering(
            themeVersion,
            FingerprintOf(applied),
            pages,
            new PageRefresher(_options, pages, _feeds, _documents, _records, _site, AfterRefreshStoppedAsync),
            new WholeSiteRenderer(_options, pages, _documents, _records, _site));
    }

    /// <summary>
    /// Records the theme files as the site's theme, once they load. Another host recording other files at the same
    /// time makes the write conflict: the loser reads the record and the files again, so that the theme uploaded last
    /// is what stays.
    /// </summary>
    /// <returns>Null when recorded (or recorded already); else the files that do not load, and why.</returns>
    private async Task<(string Fingerprint, ThemeException Error)?> RecordAsync(IContentSource content, SortedDictionary<string, string> texts, StateSnapshot<ThemeRecord> known, CancellationToken cancellationToken)
    {
        var first = true;
        (string Fingerprint, ThemeException Error)? refusal = null;
        await _documents.RetryOnConflictAsync(
            async token =>
            {
                var (current, version) = first ? (known.Value, known.Version) : await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, token);
                var latest = first ? texts : ThemeFiles.Texts(await ThemeFiles.ReadAsync(content, token));
                first = false;
                var fingerprint = ThemeFiles.Fingerprint(latest);
                if (current is not null && fingerprint == current.Fingerprint)
                {
                    return 0;
                }

                // Refused before it is recorded: a theme that does not load would stop every publish. (One that fails on
                // a page of the site is put back when every page is rendered.) No files is the default theme, recorded
                // too, so that its rendering is known to be done or not.
                try
                {
                    Theme.Load(latest);
                }
                catch (ThemeException ex)
                {
                    refusal = (fingerprint, ex);
                    return 0;
                }

                var record = new ThemeRecord { Fingerprint = fingerprint, Files = latest, Marks = (current?.Marks ?? 0) + 1, Changes = (current?.Changes ?? 0) + 1 };
                return await _documents.Store.TryWriteAsync(StatePaths.Theme, StateJson.Serialize(record), version, token) is null
                    ? throw new StateConflictException(StatePaths.Theme)
                    : 0;
            },
            cancellationToken);
        return refusal;
    }

    /// <summary>
    /// Records the status of each theme file read, as applied, refused or waiting, so that an author sees it as any
    /// upload's, and forgets the status of theme files that are gone. Nothing is recorded when the files changed since
    /// they were read (the trigger of that change records them), nor when the record is of other files by now (a newer
    /// apply records their statuses).
    /// </summary>
    /// <param name="content">The content, listed again.</param>
    /// <param name="files">The theme files as read.</param>
    /// <param name="fingerprint">Their fingerprint.</param>
    /// <param name="outcome">Applied, refused, or waiting for the reconcile.</param>
    /// <param name="reason">Why they were refused or wait.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    private async Task RecordStatusesAsync(IContentSource content, IReadOnlyList<ContentFile> files, string fingerprint, PublishOutcome outcome, string? reason, CancellationToken cancellationToken)
    {
        var (theme, _) = await _documents.ReadAsync<ThemeRecord>(StatePaths.Theme, cancellationToken);
        // A theme refused when it did not parse is not the record's; one that fails on a page of the site is.
        var current = FingerprintOf(theme) == fingerprint || (outcome == PublishOutcome.Rejected && theme?.Refused == fingerprint);
        var now = _time.GetUtcNow();
        var present = (await ThemeFiles.ListAsync(content, cancellationToken)).ToDictionary(entry => entry.Path, StringComparer.Ordinal);

        // The outcome is of the files together: if any of them changed, was added or went since they were read, the
        // trigger of that change records the outcome of the files as they are.
        current = current && present.Count == files.Count && files.All(file => present.TryGetValue(file.Path, out var entry) && entry.Version == file.Version);
        foreach (var file in files.Where(_ => current))
        {
            var entry = present[file.Path];

            var hash = HashOf(file);
            var (status, version) = await _documents.ReadAsync<SourceRecord>(StatePaths.Source(file.Path), cancellationToken);
            if (status is not null && status.Describes(entry) && status.SourceHash == hash && status.Outcome == outcome && status.Reason == reason)
            {
                continue;
            }

            var record = new SourceRecord { SourcePath = file.Path, Outcome = outcome, SourceHash = hash, IsAsset = true, Reason = reason, SourceModified = entry.LastModified, SourceVersion = entry.Version, RecordedAt = now };
            await _documents.UpdateAsync<SourceRecord>(StatePaths.Source(file.Path), _ => record, cancellationToken, new StateSnapshot<SourceRecord>(status, version));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Rendered every page again with the default theme: {SiteWrites} site files written")]
    private partial void LogRenderedAgain(int siteWrites);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A theme was applied while this operation wrote pages in the one before; every page is rendered again at the next reconcile")]
    private partial void LogPagesInOlderTheme();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page refresh stopped while it wrote pages; every page is rendered again at the next reconcile")]
    private partial void LogPagesOfStoppedRefresh();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The theme the site keeps fails on a page of the site: {Reason}")]
    private partial void LogKeptThemeFails(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the theme of _theme/: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The applied theme no longer loads; rendering with the default theme until _theme/ is fixed")]
    private partial void LogAppliedThemeUnusable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark the theme not rendered after a rendering or a page refresh stopped")]
    private partial void LogMarkFailed(Exception exception);
}

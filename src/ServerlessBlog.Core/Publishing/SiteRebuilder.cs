using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Re-renders a live site from its uploaded content, after a change of settings or of the renderer: forgets the
/// publisher's state, publishes every file again through <see cref="SitePublisher"/> (so the state is left as
/// incremental publishing expects it) into a buffer, then writes the pages whose bytes changed and deletes the site
/// files nothing produced.
/// Running it twice writes nothing the second time.
/// </summary>
/// <remarks>
/// Readers see the old site until the final writes. A publisher running at the same time may have its work redone,
/// or undone until its next publish: run it when uploads are quiet.
/// </remarks>
public sealed class SiteRebuilder
{
    private readonly IOptions<BlogOptions> _options;
    private readonly ISiteStore _site;
    private readonly IStateStore _state;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public SiteRebuilder(IOptions<BlogOptions> options, ISiteStore site, IStateStore state, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options;
        _site = site;
        _state = state;
        _time = time;
        _loggers = loggers;
    }

    public async Task<RebuildReport> RebuildAsync(IContentSource content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await ForgetStateAsync(cancellationToken);

        // Until the buffer is online the live site is in whatever theme it had: the record must not say otherwise, and
        // the buffered publisher, whose pages are not online yet, says nothing of it.
        var live = new SitePublisher(_options, _site, _state, _time, _loggers.CreateLogger<SitePublisher>());
        if (await live.Theme.EverChangedAsync(cancellationToken))
        {
            await live.Theme.MarkNotRenderedAsync(cancellationToken);
        }

        var buffer = new BufferedSiteStore(_site);
        var publisher = new SitePublisher(_options, buffer, _state, _time, _loggers.CreateLogger<SitePublisher>(), claimsThemeRendered: false);
        var theme = await publisher.ApplyThemeAsync(content, cancellationToken);
        var themeVersion = await live.Theme.RecordVersionAsync(cancellationToken);
        var themeRendered = (await live.Theme.RenderingAsync(cancellationToken)).ThemeFingerprint;
        var report = await publisher.ReconcileAsync(content, cancellationToken);

        var files = buffer.Files;
        var written = 0;
        foreach (var file in files)
        {
            written += await _site.WriteAsync(file, cancellationToken) ? 1 : 0;
        }

        var produced = files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
        var stale = new List<string>();
        await foreach (var path in _site.ListAsync(cancellationToken: cancellationToken))
        {
            if (!produced.Contains(path))
            {
                stale.Add(path);
            }
        }

        foreach (var path in stale)
        {
            await _site.DeleteAsync(path, cancellationToken);
        }

        // Every page the buffer held is online now, all in the theme recorded after its apply, if nothing changed the
        // record since. A theme applied by a trigger meanwhile rendered the live site, which the buffer's pages, in the
        // theme before, have now overwritten: every page is rendered again, on the live site, in the theme it has now.
        if (!await live.Theme.ClaimRenderedAsync(themeVersion, cancellationToken)
            && (await live.Theme.RenderingAsync(cancellationToken)).ThemeFingerprint != themeRendered)
        {
            written += (await live.Theme.RenderEveryPageAsync(cancellationToken)).Changed;
        }

        var results = theme.Outcome == PublishOutcome.Unchanged || report.Changes.Any(change => change.SourcePath == ContentPaths.ThemeFolder)
            ? report.Changes
            : [theme, .. report.Changes];
        return new RebuildReport(results, files.Count, written, stale.Count);
    }

    /// <summary>
    /// Deletes every state document but the applied theme, so that every file is published as if for the first time:
    /// the theme of the content replaces the applied one only if it loads, as it does when a theme file is uploaded.
    /// </summary>
    private async Task ForgetStateAsync(CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        await foreach (var path in _state.ListAsync(cancellationToken: cancellationToken))
        {
            if (path != StatePaths.Theme)
            {
                paths.Add(path);
            }
        }

        foreach (var path in paths)
        {
            // A document changed between reading its version and deleting it is read again and deleted.
            while (await _state.GetVersionAsync(path, cancellationToken) is { } version
                && !await _state.TryDeleteAsync(path, version, cancellationToken))
            {
            }
        }
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Generation;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;
using ServerlessBlog.Core.Theming;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Publishes one uploaded file into a live site: parses and renders only that post, updates the partitioned index
/// with optimistic concurrency, and rewrites only the pages the change affects. Thread-safe; one per host.
/// </summary>
public sealed partial class SitePublisher : IPostPublisher
{
    private readonly BlogOptions _options;
    private readonly ISiteStore _site;
    private readonly TimeProvider _time;
    private readonly ILogger<SitePublisher> _logger;
    private readonly PostParser _parser;
    private readonly PostRenderer _renderer;
    private readonly FeedGenerator _feeds;
    private readonly StateDocuments _documents;
    private readonly PostIndex _index;
    private readonly LiveTheme _theme;
    private readonly PostRecordCache _records = new();
    private readonly PathLocks _locks = new();
    private readonly PostLinks _links;

    /// <summary>How a reconcile's report names its refresh of the site-wide pages when that fails.</summary>
    private const string SiteWidePages = "(site-wide pages)";

    /// <summary>How often one reconcile publishes a file again because others marked it: links settle in one or two.</summary>
    private const int MaxFollowUps = 3;

    public SitePublisher(IOptions<BlogOptions> options, ISiteStore site, IStateStore state, TimeProvider time, ILogger<SitePublisher> logger)
        : this(options, site, state, time, logger, claimsThemeRendered: true)
    {
    }

    /// <param name="options">The blog's settings.</param>
    /// <param name="site">Where the pages go.</param>
    /// <param name="state">The publishing state.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The log.</param>
    /// <param name="claimsThemeRendered">
    /// Whether a whole rendering may say in the state that every page is in the theme: not for a rebuild's publisher,
    /// whose pages reach the site only at its end.
    /// </param>
    internal SitePublisher(IOptions<BlogOptions> options, ISiteStore site, IStateStore state, TimeProvider time, ILogger<SitePublisher> logger, bool claimsThemeRendered)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _site = site;
        _time = time;
        _logger = logger;
        _parser = new PostParser(_options);
        _renderer = new PostRenderer(new SiteUrls(_options.BaseUrl), allowRawHtml: _options.AllowRawHtml);
        _feeds = new FeedGenerator(_options);
        _documents = new StateDocuments(state, ConflictPipeline.Create(time));
        _index = new PostIndex(_documents);
        _links = new PostLinks(_documents);
        _theme = new LiveTheme(_options, _feeds, _documents, _records, site, time, logger, claimsThemeRendered);
    }

    public Task<PublishResult> PublishAsync(ContentFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return OneAtATimeAsync(file.Path, rendering => PublishLockedAsync(file, rendering, cancellationToken), cancellationToken);
    }

    /// <summary>Runs an operation on one file, after any other of this host's on it, with the pages of the site's theme.</summary>
    private async Task<PublishResult> OneAtATimeAsync(string sourcePath, Func<SiteRendering, Task<PublishResult>> operation, CancellationToken cancellationToken)
    {
        using (await _locks.EnterAsync(sourcePath, cancellationToken))
        {
            return await operation(await _theme.RenderingAsync(cancellationToken));
        }
    }

    private async Task<PublishResult> PublishLockedAsync(ContentFile file, SiteRendering rendering, CancellationToken cancellationToken)
    {
        if (ContentPaths.IsIgnored(file.Path))
        {
            return new PublishResult(file.Path, PublishOutcome.Unchanged, Reason: "1: the site does not publish this path");
        }

        var hash = Convert.ToHexString(SHA256.HashData(file.Content.Span));
        var (source, sourceVersion) = await _documents.ReadAsync<SourceRecord>(StatePaths.Source(file.Path), cancellationToken);
        var sourceRead = new StateSnapshot<SourceRecord>(source, sourceVersion);
        var now = _time.GetUtcNow();
        if (source is not null && source.SourceHash == hash && !source.Stale && source.Unsettled.Count == 0 && !(source.Outcome == PublishOutcome.Pending && source.PublishAt <= now)
            && !(source.RefusedByTheme is { } refusedBy && refusedBy != rendering.ThemeFingerprint))
        {
            if (source.SourceVersion != file.Version)
            {
                // The same bytes uploaded again: remember the new version, so that a reconcile does not read them again.
                await RecordAsync(source with { SourceModified = file.LastModified, SourceVersion = file.Version }, sourceRead, cancellationToken);
            }

            return new PublishResult(file.Path, PublishOutcome.Unchanged, source.Slug, source.Reason);
        }

        if (!ContentPaths.IsPost(file.Path))
        {
            return await PublishAssetAsync(file, hash, sourceRead, cancellationToken);
        }

        Post post;
        try
        {
            post = _parser.Parse(file);
        }
        catch (ContentException ex)
        {
            return await RejectAsync(file, hash, ex.Line, ex.Message, source, sourceRead, rendering, cancellationToken);
        }

        if (post.Draft || post.Date > now)
        {
            var linkedFromPending = new List<string>();
            var writes = await TakeOffAsync(file.Path, source, linkedFromPending, rendering, cancellationToken);
            var reason = post.Draft ? "1: the post is a draft" : $"1: the post is scheduled for {ViewFactory.Iso(post.Date)}";
            await _theme.AfterPagesAsync(rendering, cancellationToken);
            await RecordAsync(new SourceRecord { SourcePath = file.Path, Outcome = PublishOutcome.Pending, SourceHash = hash, Reason = reason, PublishAt = post.Draft ? null : post.Date, SourceModified = file.LastModified, SourceVersion = file.Version, RecordedAt = now }, sourceRead, cancellationToken);
            await MarkLinkingFilesAfterRemovalAsync(file.Path, source?.Slug, linkedFromPending, cancellationToken);
            LogPending(file.Path, reason);
            return new PublishResult(file.Path, PublishOutcome.Pending, post.Slug, reason, writes) { LinkedFrom = linkedFromPending.Distinct(StringComparer.Ordinal).ToList() };
        }

        RenderedPost rendered;
        var linkedPosts = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            rendered = await _renderer.RenderAsync(
                post,
                async (target, token) =>
                {
                    if (target == file.Path)
                    {
                        return post.Slug;
                    }

                    // The link is recorded before the target's address is read, and the target's publish reads the
                    // links after it records its address: whichever runs second sees the other.
                    if (linkedPosts.Add(target))
                    {
                        await _links.AddAsync(file.Path, target, token);
                    }

                    return await FindPublishedSlugAsync(target, token);
                },
                cancellationToken);
        }
        catch (ContentException ex)
        {
            return await RejectAsync(file, hash, ex.Line, ex.Message, source, sourceRead, rendering, cancellationToken);
        }

        var record = PostRecord.From(rendered, hash);
        try
        {
            // Before anything is written: a theme whose templates fail on this post (a division by one of its fields)
            // is the post's problem as much as the theme's, and the author reads it in the post's status.
            _ = rendering.Pages.PostPage(rendered, null, null);
            _ = rendering.Pages.RedirectPages(record.Summary).ToList();
        }
        catch (ThemeException ex)
        {
            return await RejectAsync(file, hash, 1, $"the site's theme cannot render this post: {ex.Message}", source, sourceRead, rendering, cancellationToken, refusedByTheme: rendering.ThemeFingerprint);
        }

        var siteWrites = 0;
        var linkedFrom = new List<string>();

        // What an earlier attempt left unsettled under slugs this publish neither takes nor leaves goes first, as whole
        // posts, while the status still notes it. The rest stays noted until this publish ends: under the published
        // slug it goes with that slug below, under this post's slug as index entries once the slug is claimed.
        var indexedHere = source?.Slug == post.Slug ? source.Indexed : null;
        var unsettled = source?.Unsettled ?? [];
        foreach (var group in unsettled.Where(version => version.Slug != post.Slug && version.Slug != source?.Slug).GroupBy(version => version.Slug))
        {
            siteWrites += await RemovePostAsync(group.Key, file.Path, null, [.. group], linkedFrom, rendering, cancellationToken);
        }

        var stillNoted = unsettled.Where(version => version.Slug == post.Slug || version.Slug == source?.Slug).ToList();
        var (started, raced) = await BeginAsync(file.Path, sourceRead, [.. stillNoted, record.Summary], cancellationToken);
        PostRecord? previous;
        try
        {
            // A post new to its slug most likely finds no record there: try to create it without reading first.
            (_, previous) = await _documents.UpdateAsync<PostRecord>(
                StatePaths.Post(post.Slug),
                existing => existing is null || existing.Summary.SourcePath == file.Path ? record : throw new SlugTakenException(existing.Summary.SourcePath),
                cancellationToken,
                source?.Slug == post.Slug ? null : new StateSnapshot<PostRecord>(null, null));
        }
        catch (SlugTakenException ex)
        {
            // Nothing of this version was written; if another publish of the file recorded its status meanwhile, that is
            // the status to reject against. The file waits for the slug: when its owner goes (a renamed file whose new
            // name came first), the file is marked and published again.
            await _links.AddWaiterAsync(post.Slug, file.Path, cancellationToken);
            var against = raced ? started.Value! with { Unsettled = [.. started.Value.Unsettled.Where(version => !SourceRecord.SamePlace(version, record.Summary))] } : source;
            var rejected = await RejectAsync(file, hash, 1, $"the slug '{post.Slug}' is already taken by {ex.Owner}", against, started, rendering, cancellationToken, pagesWritten: siteWrites > 0);

            // The owner may have gone between the claim and the wait being noted, and marked no one: then this file is next.
            return (await _documents.ReadAsync<PostRecord>(StatePaths.Post(post.Slug), cancellationToken)).Value is null
                ? rejected with { LinkedFrom = [.. rejected.LinkedFrom, .. await _links.MarkWaitersAsync(post.Slug, null, cancellationToken)] }
                : rejected;
        }

        if (source?.Slug is { } oldSlug && oldSlug != post.Slug)
        {
            siteWrites += await RemovePostAsync(oldSlug, file.Path, source.Indexed, [.. unsettled.Where(version => version.Slug == oldSlug)], linkedFrom, rendering, cancellationToken);
        }

        // What the index holds of this file is what its last finished publish recorded; without that (a first publish,
        // a new slug), whatever record was at the slug, which an attempt that stopped may have left. Other versions an
        // attempt that stopped left under this slug, now claimed, go out of the index; their pages are made below.
        var indexed = indexedHere ?? previous?.Summary;
        var leftovers = new List<(PostSummary Version, string[] Neighbours)>();
        foreach (var leftover in unsettled.Where(version => version.Slug == post.Slug && !SourceRecord.SamePlace(version, indexed)))
        {
            leftovers.Add((leftover, (await NeighboursOfAsync(leftover, cancellationToken)).Slugs));

            // Replaced by the indexed version rather than taken out: the post stays in the lists it shares with the
            // leftover (a month, tags) until the index below, where a refresh in between would leave it out.
            await _index.ApplyAsync(leftover, indexed, cancellationToken);
        }

        var (oldNeighbours, stillListed) = indexed is null ? ([], true) : await NeighboursOfAsync(indexed, cancellationToken);

        // An earlier attempt on this file changed the index and did not finish (it stopped, or runs on another host): its
        // versions are still noted, or the version the status says is online has left the index (a removal). What it
        // wrote from the newest lists and tag feeds is not known: they are written whatever the index says.
        var resumed = unsettled.Count > 0 || (indexedHere is not null && !stillListed);
        _records.Add(record);
        var index = await _index.ApplyAsync(indexed, record.Summary, cancellationToken);

        // A post record that already holds these bytes means an earlier attempt stopped before its status was recorded,
        // perhaps before the neighbours' pages were refreshed: refresh them again rather than trust that they were.
        var interrupted = previous is not null && previous.SourceHash == hash;
        var layoutChanged = indexed is null || interrupted || indexed.Date != record.Summary.Date || indexed.Title != record.Summary.Title;
        siteWrites += await rendering.Refresher.RefreshAsync(indexed, record.Summary, layoutChanged ? oldNeighbours : [], index, resumed, cancellationToken);
        foreach (var (leftover, neighbours) in leftovers)
        {
            siteWrites += await rendering.Refresher.RefreshAsync(leftover, record.Summary, neighbours, null, everyList: true, cancellationToken);
        }

        // Posts that link here hold the address this post had (an older slug), or the file name's while it had none.
        // They are marked before the status is recorded (a crash then leaves them marked) and again after (a post
        // that recorded its link while this ran, and read the old address, is marked by the second pass).
        var relink = (source?.Slug ?? PostRenderer.UnpublishedSlug(file.Path)) != post.Slug;
        if (relink)
        {
            linkedFrom.AddRange(await _links.MarkLinkingFilesChangedAsync(file.Path, cancellationToken));
        }

        var published = new SourceRecord { SourcePath = file.Path, Outcome = PublishOutcome.Published, SourceHash = hash, Slug = post.Slug, Indexed = record.Summary, SourceModified = file.LastModified, SourceVersion = file.Version, RecordedAt = now };
        await _theme.AfterPagesAsync(rendering, cancellationToken);
        await RecordAsync(raced ? published.Over(started.Value) : published, started, cancellationToken);
        if (relink)
        {
            linkedFrom.AddRange(await _links.MarkLinkingFilesChangedAsync(file.Path, cancellationToken));
        }

        LogPublished(file.Path, post.Slug, siteWrites);
        return new PublishResult(file.Path, PublishOutcome.Published, post.Slug, SiteWrites: siteWrites) { LinkedFrom = linkedFrom.Distinct(StringComparer.Ordinal).ToList() };
    }

    public Task<PublishResult> UnpublishAsync(string sourcePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        return OneAtATimeAsync(sourcePath, rendering => UnpublishLockedAsync(sourcePath, rendering, cancellationToken), cancellationToken);
    }

    private async Task<PublishResult> UnpublishLockedAsync(string sourcePath, SiteRendering rendering, CancellationToken cancellationToken)
    {
        var (source, version) = await _documents.ReadAsync<SourceRecord>(StatePaths.Source(sourcePath), cancellationToken);
        if (source is null)
        {
            return new PublishResult(sourcePath, PublishOutcome.Unchanged);
        }

        var writes = 0;
        var linkedFrom = new List<string>();
        if (source.IsAsset)
        {
            await _site.DeleteAsync(sourcePath, cancellationToken);
            writes = 1;
        }
        else
        {
            writes = await TakeOffAsync(sourcePath, source, linkedFrom, rendering, cancellationToken);
        }

        await _theme.AfterPagesAsync(rendering, cancellationToken);
        if (!await _documents.Store.TryDeleteAsync(StatePaths.Source(sourcePath), version!, cancellationToken))
        {
            // The file was uploaded and published again while this took it off the site: part of what that publish put
            // online may be gone with it. Its status stays, marked: the caller (which can see whether the file exists)
            // publishes it again, or the next reconcile removes or publishes it.
            await _documents.UpdateAsync<SourceRecord>(StatePaths.Source(sourcePath), current => current is null ? null : current with { Stale = true }, cancellationToken);
        }

        await MarkLinkingFilesAfterRemovalAsync(sourcePath, source.Slug, linkedFrom, cancellationToken);

        LogUnpublished(sourcePath, source.Slug);
        return new PublishResult(sourcePath, PublishOutcome.Unpublished, source.Slug, SiteWrites: writes) { LinkedFrom = linkedFrom.Distinct(StringComparer.Ordinal).ToList() };
    }

    public async Task<ReconcileReport> ReconcileAsync(IContentSource content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var changes = new List<PublishResult>();
        var failures = new List<string>();

        // The status records are listed before the files: a file uploaded and published while the files are listed,
        // after the listing went past its name, then has no status in this list either, and is not taken for deleted.
        var recorded = new List<string>();
        await foreach (var path in _documents.Store.ListAsync(StatePaths.SourcesFolder, cancellationToken))
        {
            recorded.Add(StatePaths.SourcePathOf(path));
        }

        // The theme first, so that what this pass publishes is rendered with the theme it ends with.
        if (await TryAsync(ContentPaths.ThemeFolder, failures, async () => await _theme.ApplyAsync(content, cancellationToken)) is { Outcome: not PublishOutcome.Unchanged } theme)
        {
            changes.Add(theme);
        }

        var present = new Dictionary<string, ContentEntry>(StringComparer.Ordinal);
        var marked = new Queue<string>();
        await foreach (var entry in content.ListAsync(cancellationToken))
        {
            if (ContentPaths.IsIgnored(entry.Path))
            {
                continue;
            }

            present[entry.Path] = entry;
            if (await TryAsync(entry.Path, failures, () => ReconcileFileAsync(content, entry, cancellationToken)) is { Outcome: not PublishOutcome.Unchanged } result)
            {
                changes.Add(result);
                Enqueue(marked, result.LinkedFrom);
            }
        }

        // Theme files are not published one by one: applying the theme above keeps their status.
        foreach (var sourcePath in recorded.Where(path => !present.ContainsKey(path) && !ContentPaths.IsInThemeFolder(path)))
        {
            if (await TryAsync(sourcePath, failures, async () => await UnpublishAsync(sourcePath, cancellationToken)) is { } result)
            {
                changes.Add(result);
                Enqueue(marked, result.LinkedFrom);
            }
        }

        // Files the pass marked behind itself (a post linking to one published later in the listing, a file waiting for
        // a slug the pass freed) are published again now, not at the next pass: a rebuild must end with every link right.
        var followed = new Dictionary<string, int>(StringComparer.Ordinal);
        while (marked.TryDequeue(out var sourcePath))
        {
            if (!present.TryGetValue(sourcePath, out var entry) || (followed[sourcePath] = followed.GetValueOrDefault(sourcePath) + 1) > MaxFollowUps)
            {
                continue;
            }

            if (await TryAsync(sourcePath, failures, async () => await PublishAsync(await content.ReadAsync(entry, cancellationToken), cancellationToken)) is { Outcome: not PublishOutcome.Unchanged } result)
            {
                changes.Add(result);
                Enqueue(marked, result.LinkedFrom);
            }
        }

        // The site-wide pages (home, feeds, archive and tags indexes, sitemaps) once more from the catalog as it is now:
        // a publish that failed may have left them made from an older catalog. Like a file's step, a failure here is
        // left to the next pass rather than lose the report.
        await TryAsync(SiteWidePages, failures, async () =>
        {
            var rendering = await _theme.RenderingAsync(cancellationToken);
            foreach (var file in new[] { rendering.Pages.Stylesheet(), rendering.Pages.Icon(), rendering.Pages.NotFoundPage(), _feeds.Robots() })
            {
                await _site.WriteAsync(file, cancellationToken);
            }

            await rendering.Refresher.RefreshAsync(null, null, [], null, everyList: false, cancellationToken);
            await _theme.AfterPagesAsync(rendering, cancellationToken);
            return null;
        });

        return new ReconcileReport(changes, failures);
    }

    public Task<PublishResult> ApplyThemeAsync(IContentSource content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return _theme.ApplyAsync(content, cancellationToken);
    }

    /// <summary>The theme the site is rendered with, for a rebuild to hold its claim until its pages are online.</summary>
    internal LiveTheme Theme => _theme;

    private static void Enqueue(Queue<string> queue, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            queue.Enqueue(path);
        }
    }

    /// <summary>Publishes one content file again unless its status record says it is published as it is now.</summary>
    /// <returns>Null when there was nothing to do.</returns>
    private async Task<PublishResult?> ReconcileFileAsync(IContentSource content, ContentEntry entry, CancellationToken cancellationToken)
    {
        var (source, _) = await _documents.ReadAsync<SourceRecord>(StatePaths.Source(entry.Path), cancellationToken);
        if (source is not null && source.Describes(entry) && !(source.Outcome == PublishOutcome.Pending && source.PublishAt <= _time.GetUtcNow())
            && !(source.RefusedByTheme is { } refusedBy && refusedBy != (await _theme.RenderingAsync(cancellationToken)).ThemeFingerprint))
        {
            return null;
        }

        return await PublishAsync(await content.ReadAsync(entry, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Runs one file's step of a reconcile. A storage failure that outlasted the SDK's retries is logged and left to
    /// the next pass, so that one file does not keep every other file out of line.
    /// </summary>
    private async Task<PublishResult?> TryAsync(string sourcePath, List<string> failures, Func<Task<PublishResult?>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ContentException)
        {
            failures.Add(sourcePath);
            LogReconcileStepFailed(sourcePath, ex);
            return null;
        }
    }

    private async Task<PublishResult> PublishAssetAsync(ContentFile file, string hash, StateSnapshot<SourceRecord> sourceRead, CancellationToken cancellationToken)
    {
        if (SitePaths.IsReserved(file.Path))
        {
            return await RejectAssetAsync(file, hash, 1, "the site generates a file at this path; rename the asset", sourceRead, cancellationToken);
        }

        if (!_options.AllowRawHtml)
        {
            try
            {
                AssetCheck.Check(file.Path, file.Content);
            }
            catch (ContentException ex)
            {
                // The version published before, if any, stays online: IsAsset keeps it known, so a delete still removes it.
                return await RejectAssetAsync(file, hash, ex.Line, ex.Message, sourceRead, cancellationToken, isAsset: sourceRead.Value?.IsAsset == true);
            }
        }

        var written = await _site.WriteAsync(new SiteFile(file.Path, file.Content, ContentTypes.ForPath(file.Path)), cancellationToken);
        await RecordAsync(new SourceRecord { SourcePath = file.Path, Outcome = PublishOutcome.Published, SourceHash = hash, IsAsset = true, SourceModified = file.LastModified, SourceVersion = file.Version, RecordedAt = _time.GetUtcNow() }, sourceRead, cancellationToken);
        return new PublishResult(file.Path, PublishOutcome.Published, SiteWrites: written ? 1 : 0);
    }

    /// <summary>Takes what is online of a file's post off the site: the post it was published as, and what is unsettled.</summary>
    private async Task<int> TakeOffAsync(string sourcePath, SourceRecord? source, List<string> linkedFrom, SiteRendering rendering, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            return 0;
        }

        var writes = 0;
        if (source.Slug is { } published)
        {
            writes += await RemovePostAsync(published, sourcePath, source.Indexed, [.. source.Unsettled.Where(version => version.Slug == published)], linkedFrom, rendering, cancellationToken);
        }

        foreach (var group in source.Unsettled.Where(version => version.Slug != source.Slug).GroupBy(version => version.Slug))
        {
            writes += await RemovePostAsync(group.Key, sourcePath, null, [.. group], linkedFrom, rendering, cancellationToken);
        }

        return writes;
    }

    /// <summary>
    /// A post taken offline from <paramref name="removedSlug"/> changes the address of the posts that link to it, to the
    /// file name's (as a whole build gives them), unless that was its address: they are marked when it is removed, and
    /// again once its status says so, for a post that read the old status meanwhile.
    /// </summary>
    private async Task MarkLinkingFilesAfterRemovalAsync(string sourcePath, string? removedSlug, List<string> linkedFrom, CancellationToken cancellationToken)
    {
        if (removedSlug is not null && removedSlug != PostRenderer.UnpublishedSlug(sourcePath))
        {
            linkedFrom.AddRange(await _links.MarkLinkingFilesChangedAsync(sourcePath, cancellationToken));
        }
    }

    /// <summary>
    /// Takes the post <paramref name="sourcePath"/> published as <paramref name="slug"/> off the site: every version of it
    /// the index may hold, its pages, then its record. The record goes last, so that an attempt that stops on the way
    /// leaves it for the retry to find and finish from.
    /// </summary>
    /// <param name="slug">The slug the post was published under.</param>
    /// <param name="sourcePath">The file the post was published from: a slug another file's record holds is left alone.</param>
    /// <param name="indexed">The post as the index holds it, when the file's status says: the record may be ahead of it.</param>
    /// <param name="unsettled">Other versions under this slug the index may hold: of publishes that did not finish.</param>
    /// <param name="linkedFrom">Gets the files whose posts link to this one, marked to be published again.</param>
    /// <param name="rendering">The pages of the site's theme.</param>
    /// <param name="cancellationToken">Cancels the removal; a retry finishes it.</param>
    private async Task<int> RemovePostAsync(string slug, string sourcePath, PostSummary? indexed, IReadOnlyList<PostSummary> unsettled, List<string> linkedFrom, SiteRendering rendering, CancellationToken cancellationToken)
    {
        // A post's record is written before its index entries and deleted after them: without a record at the slug,
        // nothing of this file is under it (and another file may be claiming it now).
        var (record, _) = await _documents.ReadAsync<PostRecord>(StatePaths.Post(slug), cancellationToken);
        if (record is null && indexed?.Slug == slug)
        {
            // A removal of this file stopped after its pages were written and its record deleted: which theme it wrote
            // them in, this cannot tell.
            await _theme.AfterInterruptedRemovalAsync(cancellationToken);
        }

        if (record is null || record.Summary.SourcePath != sourcePath)
        {
            return 0;
        }

        var versions = SourceRecord.Merge([indexed?.Slug == slug ? indexed : null, record.Summary, .. unsettled]);

        // The first is what the index holds by the status; the others are of attempts that stopped after they changed it.
        var writes = 0;
        foreach (var other in versions.Skip(1))
        {
            var (otherNeighbours, _) = await NeighboursOfAsync(other, cancellationToken);
            await _index.ApplyAsync(other, null, cancellationToken);
            writes += await rendering.Refresher.RefreshAsync(other, null, otherNeighbours, null, everyList: true, cancellationToken);
        }

        // Versions beyond the first, or the first gone from the index already: an earlier attempt did not finish (as above).
        var summary = versions[0];
        var (neighbours, listed) = await NeighboursOfAsync(summary, cancellationToken);
        var resumed = versions.Count > 1 || !listed;
        var index = await _index.ApplyAsync(summary, null, cancellationToken);
        writes += await rendering.Refresher.RefreshAsync(summary, null, neighbours, index, resumed, cancellationToken);
        await _documents.UpdateAsync<PostRecord>(StatePaths.Post(slug), existing => existing?.Summary.SourcePath == sourcePath ? null : existing, cancellationToken);
        _records.Remove(slug);
        linkedFrom.AddRange(await _links.MarkWaitersAsync(slug, sourcePath, cancellationToken));
        await MarkLinkingFilesAfterRemovalAsync(sourcePath, slug, linkedFrom, cancellationToken);

        return writes;
    }

    /// <summary>
    /// Notes in the file's status the version a publish is about to put online (as unsettled), before anything of it
    /// is written: whatever comes next for the file knows what it may have left online if it stops.
    /// </summary>
    /// <returns>
    /// The status as written, and whether the status changed since it was read at the start (another publish or removal
    /// of the file, a link target's new address): then the status this publish ends with says so.
    /// </returns>
    /// <param name="sourcePath">The file.</param>
    /// <param name="sourceRead">The status as the publish read it at the start.</param>
    /// <param name="unsettled">What the status is to note: what is still unsettled of earlier attempts, and this version.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    private async Task<(StateSnapshot<SourceRecord> Started, bool Raced)> BeginAsync(string sourcePath, StateSnapshot<SourceRecord> sourceRead, IReadOnlyList<PostSummary> unsettled, CancellationToken cancellationToken)
    {
        var raced = false;
        var intended = (sourceRead.Value ?? SourceRecord.BeingPublished(sourcePath)) with { Unsettled = SourceRecord.Merge(unsettled) };
        var update = await _documents.UpdateAsync<SourceRecord>(
            StatePaths.Source(sourcePath),
            current =>
            {
                // What this meant to write, read back, is this write landed with its response lost (see RecordAsync).
                raced = !ReferenceEquals(current, sourceRead.Value) && !IsSame(current, intended);
                IReadOnlyList<PostSummary> noted = raced ? current?.Unsettled ?? [] : [];
                return raced ? (current ?? SourceRecord.BeingPublished(sourcePath)) with { Unsettled = SourceRecord.Merge([.. noted, .. unsettled]) } : intended;
            },
            cancellationToken,
            sourceRead);
        return (new StateSnapshot<SourceRecord>(update.Written, update.Version), raced);
    }

    /// <summary>The slug of the post published from <paramref name="sourcePath"/>, for links between posts.</summary>
    private async ValueTask<string?> FindPublishedSlugAsync(string sourcePath, CancellationToken cancellationToken) =>
        (await _documents.ReadAsync<SourceRecord>(StatePaths.Source(sourcePath), cancellationToken)).Value?.Slug;

    /// <summary>The slugs of the posts on either side of <paramref name="post"/> in the index, and whether the index lists it.</summary>
    private async Task<(string[] Slugs, bool Listed)> NeighboursOfAsync(PostSummary post, CancellationToken cancellationToken)
    {
        var reader = new IndexReader(_documents);
        var (older, newer) = await reader.NeighboursAsync(post, cancellationToken);

        // Both read the catalog and the post's month, if the catalog has it, through the reader's cache.
        var (year, month) = (post.Date.UtcDateTime.Year, post.Date.UtcDateTime.Month);
        var listed = (await reader.CatalogAsync(cancellationToken)).Months.Exists(known => known.Year == year && known.Month == month)
            && await reader.ListsAsync(post, cancellationToken);
        return (new[] { older?.Slug, newer?.Slug }.OfType<string>().ToArray(), listed);
    }

    /// <summary>
    /// Records why a version of a post cannot be published. The version published before stays online, unless a publish
    /// that did not finish left another beside it: then what is online is no one version any more, and all of it goes
    /// until a version that can be published comes.
    /// </summary>
    private async Task<PublishResult> RejectAsync(ContentFile file, string hash, int line, string reason, SourceRecord? source, StateSnapshot<SourceRecord> known, SiteRendering rendering, CancellationToken cancellationToken, bool pagesWritten = false, string? refusedByTheme = null)
    {
        var text = $"{line}: {reason}";
        var linkedFrom = new List<string>();
        var keep = source is null or { Unsettled.Count: 0 };
        var writes = keep ? 0 : await TakeOffAsync(file.Path, source, linkedFrom, rendering, cancellationToken);

        // Pages may have been written before this rejection too (what earlier attempts left under other slugs).
        if (!keep || pagesWritten)
        {
            await _theme.AfterPagesAsync(rendering, cancellationToken);
        }

        await RecordAsync(new SourceRecord { SourcePath = file.Path, Outcome = PublishOutcome.Rejected, SourceHash = hash, Slug = keep ? source?.Slug : null, Indexed = keep ? source?.Indexed : null, Reason = text, RefusedByTheme = refusedByTheme, SourceModified = file.LastModified, SourceVersion = file.Version, RecordedAt = _time.GetUtcNow() }, known, cancellationToken);
        if (!keep)
        {
            await MarkLinkingFilesAfterRemovalAsync(file.Path, source?.Slug, linkedFrom, cancellationToken);
        }

        LogRejected(file.Path, text);
        return new PublishResult(file.Path, PublishOutcome.Rejected, keep ? source?.Slug : null, text, writes) { LinkedFrom = linkedFrom.Distinct(StringComparer.Ordinal).ToList() };
    }

    /// <summary>Records why an asset cannot be published; the version published before, if any, stays online.</summary>
    private async Task<PublishResult> RejectAssetAsync(ContentFile file, string hash, int line, string reason, StateSnapshot<SourceRecord> sourceRead, CancellationToken cancellationToken, bool isAsset = false)
    {
        var text = $"{line}: {reason}";
        await RecordAsync(new SourceRecord { SourcePath = file.Path, Outcome = PublishOutcome.Rejected, SourceHash = hash, IsAsset = isAsset, Reason = text, SourceModified = file.LastModified, SourceVersion = file.Version, RecordedAt = _time.GetUtcNow() }, sourceRead, cancellationToken);
        LogRejected(file.Path, text);
        return new PublishResult(file.Path, PublishOutcome.Rejected, Reason: text);
    }

    /// <summary>Writes the file's status, trying first over the status read at the start: nothing of a publish rewrites it before this.</summary>
    private ValueTask<StateUpdate<SourceRecord>> RecordAsync(SourceRecord record, StateSnapshot<SourceRecord> known, CancellationToken cancellationToken) =>
        _documents.UpdateAsync<SourceRecord>(
            StatePaths.Source(record.SourcePath),
            // The status changed since this read it: a post this file links to got a new address, or another publish or
            // removal of the file ran meanwhile. Either may have done part of the work over this one's: what it noted is
            // kept as unsettled, and the file is published again. A status equal to this one, byte for byte, is this one
            // (its write landed, the response was lost, and the storage SDK's retry met the version it had made), or
            // one that says all this one says.
            current => ReferenceEquals(current, known.Value) || IsSame(current, record) ? record : record.Over(current),
            cancellationToken,
            known);

    private static bool IsSame(SourceRecord? current, SourceRecord record) =>
        current is not null && StateJson.Serialize(current).AsSpan().SequenceEqual(StateJson.Serialize(record));

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {BlobName} as {Slug}: {SiteWrites} site files written")]
    private partial void LogPublished(string blobName, string slug, int siteWrites);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unpublished {BlobName} (slug {Slug})")]
    private partial void LogUnpublished(string blobName, string? slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName} is pending: {Reason}")]
    private partial void LogPending(string blobName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile could not bring {BlobName} in line; the next pass tries again")]
    private partial void LogReconcileStepFailed(string blobName, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {BlobName}: {Reason}")]
    private partial void LogRejected(string blobName, string reason);

    private sealed class SlugTakenException(string owner) : Exception($"The slug is taken by {owner}.")
    {
        public string Owner { get; } = owner;
    }
}

using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessBlog.Azure;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Hosting;

/// <summary>
/// The three steps every host binds to its triggers: publish an uploaded blob, unpublish a deleted one, reconcile.
/// A post that cannot be published is recorded and logged, not thrown: only infrastructure failures throw, so
/// that the platform retries them and, after five failures, moves the message to its poison queue.
/// </summary>
public sealed partial class PostBlobHandler
{
    private readonly IPostPublisher _publisher;
    private readonly BlogContainers _containers;
    private readonly IContentSource _content;
    private readonly BlogOptions _options;
    private readonly ILogger<PostBlobHandler> _logger;

    // Publishing the blob again when it changed meanwhile ends in one more round unless saves keep coming; a trigger
    // for each of those saves follows anyway.
    private const int MaxPublishAttempts = 3;

    public PostBlobHandler(IPostPublisher publisher, BlogContainers containers, IContentSource content, IOptions<BlogOptions> options, ILogger<PostBlobHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _publisher = publisher;
        _containers = containers;
        _content = content;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Publishes the blob <paramref name="blobName"/> of the posts container as it is now.</summary>
    public async Task<PublishResult> PublishAsync(string blobName, CancellationToken cancellationToken = default)
    {
        if (ContentPaths.IsInThemeFolder(blobName))
        {
            return await ApplyThemeAsync(cancellationToken);
        }

        var blob = _containers.Posts.GetBlobClient(blobName);
        var linkedFrom = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            Response<global::Azure.Storage.Blobs.Models.BlobDownloadResult> download;
            try
            {
                download = await blob.DownloadContentAsync(cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted before the trigger ran: what is published of it must go.
                return await UnpublishGoneAsync(blobName, cancellationToken);
            }

            var details = download.Value.Details;
            var file = new ContentFile(blobName, download.Value.Content.ToMemory(), BlobFileTime.Of(details.Metadata, details.LastModified), BlobVersion.Of(details.ETag));
            var result = await _publisher.PublishAsync(file, cancellationToken);
            LogResult(blobName, result.Outcome, result.Slug, result.Reason);
            linkedFrom.UnionWith(result.LinkedFrom);

            // Two saves in a row start two triggers, here or on two hosts: the one that downloaded the older version may
            // publish last. Whoever published a version the blob no longer holds publishes the blob again.
            if (attempt == MaxPublishAttempts || await CurrentVersionAsync(blob, cancellationToken) == file.Version)
            {
                await PublishLinkingAsync(linkedFrom, cancellationToken);
                return result;
            }
        }
    }

    /// <summary>Unpublishes the post or asset uploaded as <paramref name="blobName"/>, unless the blob is there again.</summary>
    public async Task<PublishResult> UnpublishAsync(string blobName, CancellationToken cancellationToken = default)
    {
        if (ContentPaths.IsInThemeFolder(blobName))
        {
            return await ApplyThemeAsync(cancellationToken);
        }

        // A delete event can arrive after the same name was uploaded again, and the upload's own trigger may have
        // published it already: then there is nothing to take off.
        if (await CurrentVersionAsync(_containers.Posts.GetBlobClient(blobName), cancellationToken) is not null)
        {
            return await PublishAsync(blobName, cancellationToken);
        }

        var result = await UnpublishGoneAsync(blobName, cancellationToken);

        // Uploaded and published again (on another host) while this took the post off: that publish went with it.
        return await CurrentVersionAsync(_containers.Posts.GetBlobClient(blobName), cancellationToken) is null
            ? result
            : await PublishAsync(blobName, cancellationToken);
    }

    private async Task<PublishResult> UnpublishGoneAsync(string blobName, CancellationToken cancellationToken)
    {
        var result = await _publisher.UnpublishAsync(blobName, cancellationToken);
        LogResult(blobName, result.Outcome, result.Slug, result.Reason);
        await PublishLinkingAsync(result.LinkedFrom, cancellationToken);
        return result;
    }

    /// <summary>
    /// Publishes again the files whose posts link to a post that got another address, now rather than at the next
    /// reconcile. Their own publish gives them no new address, so it marks nothing further.
    /// </summary>
    private async Task PublishLinkingAsync(IEnumerable<string> linkedFrom, CancellationToken cancellationToken)
    {
        foreach (var linking in linkedFrom)
        {
            await PublishAsync(linking, cancellationToken);
        }
    }

    /// <summary>The blob's version now; null when it does not exist.</summary>
    private static async Task<string?> CurrentVersionAsync(global::Azure.Storage.Blobs.BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return BlobVersion.Of((await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Handles an Event Grid BlobDeleted event from the delete queue; other messages are logged and dropped.</summary>
    public async Task<PublishResult?> HandleDeleteEventAsync(string message, CancellationToken cancellationToken = default)
    {
        if (!BlobEventMessage.TryRead(message, _options.PostsContainer, out var eventType, out var blobName) || eventType != BlobEventMessage.BlobDeleted)
        {
            LogIgnoredEvent(message.Length > 200 ? message[..200] : message);
            return null;
        }

        return await UnpublishAsync(blobName, cancellationToken);
    }

    /// <summary>
    /// A file of <c>_theme/</c> was saved or deleted: the site takes the theme the container's <c>_theme/</c> holds now,
    /// whichever of several saves in a row this trigger is for.
    /// </summary>
    private async Task<PublishResult> ApplyThemeAsync(CancellationToken cancellationToken)
    {
        var result = await _publisher.ApplyThemeAsync(_content, cancellationToken);
        LogResult(result.SourcePath, result.Outcome, result.Slug, result.Reason);
        return result;
    }

    /// <summary>Brings the site in line with the posts container.</summary>
    public async Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var report = await _publisher.ReconcileAsync(_content, cancellationToken);
        LogReconciled(report.Changes.Count, report.Failures?.Count ?? 0);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName}: {Outcome} (slug {Slug}) {Reason}")]
    private partial void LogResult(string blobName, PublishOutcome outcome, string? slug, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a delete-queue message that is not a BlobDeleted event of the posts container: {Message}")]
    private partial void LogIgnoredEvent(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled the site with the posts container: {Changes} changes, {Failures} left for the next pass")]
    private partial void LogReconciled(int changes, int failures);
}

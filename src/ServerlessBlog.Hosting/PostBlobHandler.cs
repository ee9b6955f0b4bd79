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
        Response<global::Azure.Storage.Blobs.Models.BlobDownloadResult> download;
        try
        {
            download = await _containers.Posts.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted before the trigger ran: what is published of it must go.
            return await UnpublishAsync(blobName, cancellationToken);
        }

        var file = new ContentFile(blobName, download.Value.Content.ToMemory(), download.Value.Details.LastModified, BlobVersion.Of(download.Value.Details.ETag));
        var result = await _publisher.PublishAsync(file, cancellationToken);
        LogResult(blobName, result.Outcome, result.Slug, result.Reason);
        return result;
    }

    /// <summary>Unpublishes the post or asset uploaded as <paramref name="blobName"/>.</summary>
    public async Task<PublishResult> UnpublishAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var result = await _publisher.UnpublishAsync(blobName, cancellationToken);
        LogResult(blobName, result.Outcome, result.Slug, result.Reason);
        return result;
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

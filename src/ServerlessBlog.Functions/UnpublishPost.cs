using Microsoft.Azure.Functions.Worker;
using ServerlessBlog.Hosting;

namespace ServerlessBlog.Functions;

/// <summary>
/// Takes a post off the site when its blob is deleted. Blob triggers never fire on deletes: Event Grid sends the
/// posts container's BlobDeleted events to a storage queue, which needs no function key to wire.
/// </summary>
public sealed class UnpublishPost(PostBlobHandler handler)
{
    [Function(nameof(UnpublishPost))]
    public Task RunAsync(
        [QueueTrigger("%Blog:DeleteQueue%", Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        handler.HandleDeleteEventAsync(message, cancellationToken);
}

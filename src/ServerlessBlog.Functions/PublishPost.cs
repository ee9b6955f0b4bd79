using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using ServerlessBlog.Hosting;

namespace ServerlessBlog.Functions;

/// <summary>Publishes a post (or copies an asset) when it is uploaded to the posts container.</summary>
public sealed class PublishPost(PostBlobHandler handler)
{
    /// <remarks>Flex Consumption supports only the Event Grid source: Event Grid calls the blob webhook on each upload.</remarks>
    [Function(nameof(PublishPost))]
    public Task RunAsync(
        [BlobTrigger("%Blog:PostsContainer%/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);

        // Bound as a client, not bytes: the handler downloads the blob once, with its properties.
        return handler.PublishAsync(name, cancellationToken);
    }
}

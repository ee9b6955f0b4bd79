using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using ServerlessBlog.Hosting;

namespace ServerlessBlog.LocalHost;

/// <summary>The blob trigger of the local host: the WebJobs SDK scans the posts container and calls this for each new or changed blob.</summary>
public sealed class LocalTriggers(PostBlobHandler handler)
{
    [FunctionName("PublishPost")]
    public Task PublishPostAsync([BlobTrigger("%Blog:PostsContainer%/{name}")] BlobClient blob, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return handler.PublishAsync(name, cancellationToken);
    }
}

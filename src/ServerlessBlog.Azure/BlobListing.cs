using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ServerlessBlog.Azure;

/// <summary>Lists blob names under a prefix, page by page as the service returns them.</summary>
internal static class BlobListing
{
    public static async IAsyncEnumerable<string> ListNamesAsync(BlobContainerClient container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var options = new GetBlobsOptions { Prefix = BlobPath.ValidatePrefix(prefix) is { Length: > 0 } checkedPrefix ? checkedPrefix : null };
        await foreach (var item in container.GetBlobsAsync(options, cancellationToken))
        {
            yield return item.Name;
        }
    }
}

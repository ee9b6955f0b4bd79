using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Azure;

/// <summary>Reads the author's posts and assets from a blob container, with blob names as content paths.</summary>
/// <remarks>
/// This source never retries: the client's retry policy (set once in <see cref="BlobServiceClientFactory"/>)
/// retries each transient request.
/// </remarks>
public sealed class BlobContentSource : IContentSource
{
    private readonly BlobContainerClient _container;

    /// <summary>Reads from <paramref name="container"/>, which must exist.</summary>
    public BlobContentSource(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ContentEntry> ListAsync(CancellationToken cancellationToken = default) => ListAsync(string.Empty, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<ContentEntry> ListAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = folder.Length == 0 ? null : folder }, cancellationToken))
        {
            var properties = item.Properties;
            var modified = BlobFileTime.Of(item.Metadata, properties.LastModified ?? DateTimeOffset.MinValue);
            yield return new ContentEntry(item.Name, modified, properties.ContentLength ?? 0, properties.ETag is { } etag ? BlobVersion.Of(etag) : null);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ContentFile> ReadAsync(ContentEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var blob = _container.GetBlobClient(BlobPath.Validate(entry.Path));
        BlobDownloadResult download;
        try
        {
            download = (await blob.DownloadContentAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (BlobErrors.IsBlobNotFound(exception))
        {
            // Deleted since it was listed: the same exception a folder source throws.
            throw new FileNotFoundException($"The content blob '{entry.Path}' no longer exists.", entry.Path, exception);
        }

        // The time of the bytes actually read, should the blob have changed since it was listed.
        return new ContentFile(entry.Path, download.Content.ToMemory(), BlobFileTime.Of(download.Details.Metadata, download.Details.LastModified), BlobVersion.Of(download.Details.ETag));
    }
}

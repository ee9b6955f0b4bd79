using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Azure;

/// <summary>
/// Keeps the publisher's state documents in a private blob container. A document's version is its blob's ETag,
/// and every write or delete is conditional on it (<c>If-Match</c>, or <c>If-None-Match: *</c> to create),
/// so the service itself refuses a writer that read an older version.
/// </summary>
/// <remarks>
/// This store never retries. The client's retry policy (set once in <see cref="BlobServiceClientFactory"/>) retries a
/// single transient request; the caller's optimistic-concurrency loop re-reads and retries a lost race. One consequence:
/// when a conditional write lands but its response is lost, the client's retry sees the new ETag and is refused, so the
/// caller reads a conflict for its own write and, on its next pass, reads the document with its change already in.
/// </remarks>
public sealed class BlobStateStore : IStateStore
{
    private readonly BlobContainerClient _container;

    /// <summary>Keeps documents in <paramref name="container"/>, which must exist.</summary>
    public BlobStateStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
    }

    /// <inheritdoc />
    public async ValueTask<StoredDocument?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(BlobPath.Validate(path));
        try
        {
            var download = (await blob.DownloadContentAsync(cancellationToken)).Value;
            return new StoredDocument(download.Content.ToMemory(), download.Details.ETag.ToString());
        }
        catch (RequestFailedException exception) when (BlobErrors.IsBlobNotFound(exception))
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask<string?> GetVersionAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(BlobPath.Validate(path));
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ETag.ToString();
        }
        catch (RequestFailedException exception) when (BlobErrors.IsBlobNotFound(exception))
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask<string?> TryWriteAsync(string path, ReadOnlyMemory<byte> content, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(BlobPath.Validate(path));
        var options = new BlobUploadOptions
        {
            Conditions = expectedVersion is null
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : new BlobRequestConditions { IfMatch = new ETag(expectedVersion) },
        };
        try
        {
            var upload = await blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken);
            return upload.Value.ETag.ToString();
        }
        catch (RequestFailedException exception)
            when (BlobErrors.IsConditionFailure(exception) || (expectedVersion is not null && BlobErrors.IsBlobNotFound(exception)))
        {
            // Another writer changed, created or deleted the document since it was read.
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryDeleteAsync(string path, string expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expectedVersion);
        var blob = _container.GetBlobClient(BlobPath.Validate(path));
        var conditions = new BlobRequestConditions { IfMatch = new ETag(expectedVersion) };
        try
        {
            await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (BlobErrors.IsConditionFailure(exception))
        {
            // A stale ETag and a missing blob can both fail an If-Match: only a document still there was changed.
            return await GetVersionAsync(path, cancellationToken) is null;
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken cancellationToken = default) =>
        BlobListing.ListNamesAsync(_container, prefix, cancellationToken);
}

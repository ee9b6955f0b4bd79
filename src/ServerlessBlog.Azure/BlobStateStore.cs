using System.Collections.Concurrent;
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
    // The index partitions of a large site are tens of KB each and a publish reads a few of them twice: a few MB
    // remembered spare most of those bytes; past the bound the memory starts over.
    private const long MaxRememberedBytes = 64L * 1024 * 1024;

    private readonly BlobContainerClient _container;

    // The last version of each document this store read or wrote. Reading it again asks the service with
    // If-None-Match, which answers 304 without a body while nobody else changed it.
    private readonly ConcurrentDictionary<string, StoredDocument> _lastSeen = new(StringComparer.Ordinal);
    private long _rememberedBytes;

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
        _lastSeen.TryGetValue(path, out var known);
        try
        {
            var options = new BlobDownloadOptions { Conditions = known is null ? null : new BlobRequestConditions { IfNoneMatch = new ETag(known.Version) } };
            var response = await blob.DownloadContentAsync(options, cancellationToken);

            // The client reports 304 as a response without a value, not as an error.
            if (known is not null && BlobErrors.IsNotModified(response.GetRawResponse()))
            {
                return known;
            }

            var download = response.Value;
            return Remember(path, new StoredDocument(download.Content.ToMemory(), download.Details.ETag.ToString()));
        }
        catch (RequestFailedException exception) when (BlobErrors.IsBlobNotFound(exception))
        {
            _lastSeen.TryRemove(path, out _);
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
            var version = upload.Value.ETag.ToString();

            // A copy: the caller's buffer is its own to reuse.
            Remember(path, new StoredDocument(content.ToArray(), version));
            return version;
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
        _lastSeen.TryRemove(path, out _);
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

    private StoredDocument Remember(string path, StoredDocument document)
    {
        if (Interlocked.Add(ref _rememberedBytes, document.Content.Length) > MaxRememberedBytes)
        {
            _lastSeen.Clear();
            Interlocked.Exchange(ref _rememberedBytes, document.Content.Length);
        }

        _lastSeen[path] = document;
        return document;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken cancellationToken = default) =>
        BlobListing.ListNamesAsync(_container, prefix, cancellationToken);
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Azure;

/// <summary>
/// Publishes the site to a blob container, normally the static website's <c>$web</c>.
/// A blob whose bytes and headers are unchanged is not rewritten, so its ETag and Last-Modified
/// (and every cache that validates against them) say when the page really changed.
/// </summary>
/// <remarks>
/// This store never retries: the client's own retry policy (set once in <see cref="BlobServiceClientFactory"/>)
/// retries each transient request, and whole steps are retried by the caller.
/// </remarks>
public sealed class BlobSiteStore : ISiteStore
{
    // Paths this instance holds many of at once at most: every page of a large site, a few MB of hashes.
    private const int MaxRemembered = 100_000;

    private readonly BlobContainerClient _container;

    // The Content-MD5 each blob had when this store last wrote or checked it.
    private readonly ConcurrentDictionary<string, byte[]> _lastSeen = new(StringComparer.Ordinal);

    /// <summary>Publishes to <paramref name="container"/>, which must exist.</summary>
    public BlobSiteStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
    }

    /// <inheritdoc />
    public async ValueTask<bool> WriteAsync(SiteFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var blob = _container.GetBlobClient(BlobPath.Validate(file.Path));
#pragma warning disable CA5351 // Not for security: Content-MD5 is the checksum the blob service stores and reports.
        var hash = MD5.HashData(file.Content.Span);
#pragma warning restore CA5351

        // When this store last saw other bytes there, they almost surely changed: write at once. Otherwise one
        // request tells whether they changed, from the MD5 the service keeps with each blob. Another instance may
        // have written the same bytes meanwhile; rewriting them then is harmless, skipping a change never happens.
        if (!_lastSeen.TryGetValue(file.Path, out var seen) || seen.AsSpan().SequenceEqual(hash))
        {
            var current = await GetPropertiesOrNullAsync(blob, cancellationToken);
            if (current is not null
                && current.ContentHash is { } stored && stored.AsSpan().SequenceEqual(hash)
                && string.Equals(current.ContentType, file.ContentType, StringComparison.Ordinal)
                && string.Equals(current.CacheControl, file.CacheControl, StringComparison.Ordinal))
            {
                Remember(file.Path, hash);
                return false;
            }
        }

        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = file.ContentType,
                CacheControl = file.CacheControl,
                ContentHash = hash,
            },
        };
        await blob.UploadAsync(BinaryData.FromBytes(file.Content), options, cancellationToken);
        Remember(file.Path, hash);
        return true;
    }

    /// <inheritdoc />
    public async ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(BlobPath.Validate(path));
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException exception) when (BlobErrors.IsBlobNotFound(exception))
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(BlobPath.Validate(path));
        _lastSeen.TryRemove(path, out _);
        await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken cancellationToken = default) =>
        BlobListing.ListNamesAsync(_container, prefix, cancellationToken);

    private void Remember(string path, byte[] hash)
    {
        if (_lastSeen.Count >= MaxRemembered)
        {
            _lastSeen.Clear();
        }

        _lastSeen[path] = hash;
    }

    private static async Task<BlobProperties?> GetPropertiesOrNullAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (BlobErrors.IsBlobNotFound(exception))
        {
            return null;
        }
    }
}

using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessBlog.Azure;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Cli.Uploading;

/// <summary>Uploads posts and assets to the posts container, each with its content type, several at a time.</summary>
internal sealed class ContentUploader(BlobContainerClient posts)
{
    /// <summary>Enough parallel requests to hide latency to a remote account without flooding a laptop's Azurite.</summary>
    private const int Parallelism = 8;

    public async Task<IReadOnlyList<UploadedFile>> UploadAsync(IReadOnlyList<LocalContentFile> files, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var uploaded = new ConcurrentBag<UploadedFile>();
        var done = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (file, token) =>
        {
            uploaded.Add(await UploadAsync(file, token));
            progress?.Report(Interlocked.Increment(ref done));
        });

        return uploaded.OrderBy(file => file.Path, StringComparer.Ordinal).ToList();
    }

    public async Task<UploadedFile> UploadAsync(LocalContentFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypes.ForPath(file.Path) },
            Metadata = BlobFileTime.Metadata(new DateTimeOffset(File.GetLastWriteTimeUtc(file.LocalPath), TimeSpan.Zero)),
        };
        await using var stream = File.OpenRead(file.LocalPath);
        var response = await posts.GetBlobClient(file.Path).UploadAsync(stream, options, cancellationToken);
        return new UploadedFile(file.Path, BlobVersion.Of(response.Value.ETag));
    }

    /// <summary>Deletes the blob at <paramref name="path"/>, or every blob under it when it was a folder.</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        if (await posts.GetBlobClient(path).DeleteIfExistsAsync(cancellationToken: cancellationToken))
        {
            deleted.Add(path);
        }

        await foreach (var blob in posts.GetBlobsAsync(new GetBlobsOptions { Prefix = path + "/" }, cancellationToken))
        {
            await posts.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            deleted.Add(blob.Name);
        }

        return deleted;
    }

    /// <summary>
    /// Deletes the uploaded files under the folder <paramref name="folder"/> (the whole container for an empty path)
    /// that are not among <paramref name="present"/>, the files on disk there: what a rescan after lost change events
    /// finds deleted. Files the site never publishes are left alone.
    /// </summary>
    /// <returns>The paths deleted.</returns>
    public async Task<IReadOnlyList<string>> DeleteMissingAsync(string folder, IReadOnlySet<string> present, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(present);
        var deleted = new List<string>();
        await foreach (var blob in posts.GetBlobsAsync(new GetBlobsOptions { Prefix = folder.Length == 0 ? null : folder.TrimEnd('/') + "/" }, cancellationToken))
        {
            if (!present.Contains(blob.Name) && ContentPaths.IsUploaded(blob.Name))
            {
                await posts.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
                deleted.Add(blob.Name);
            }
        }

        return deleted;
    }
}

namespace ServerlessBlog.Core.Storage;

/// <summary>
/// The port the core publishes through: a place that holds the site's files (a folder, a blob container).
/// Implementations are thread-safe.
/// </summary>
public interface ISiteStore
{
    /// <summary>Writes <paramref name="file"/> unless the store already holds the same bytes at its path.</summary>
    /// <returns><see langword="true"/> when the file was written, <see langword="false"/> when it was unchanged.</returns>
    ValueTask<bool> WriteAsync(SiteFile file, CancellationToken cancellationToken = default);

    /// <summary>Reads a file, or <see langword="null"/> when there is none at <paramref name="path"/>.</summary>
    ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file; deleting a missing file is not an error.</summary>
    ValueTask DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Lists the paths of the files under <paramref name="prefix"/>.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken cancellationToken = default);
}

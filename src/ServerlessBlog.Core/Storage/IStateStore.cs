namespace ServerlessBlog.Core.Storage;

/// <summary>
/// The port for the publisher's private state (the post index, rendered posts, status records):
/// documents read with a version and written only if the version is still the one read, so that
/// publishers racing on the same site never lose an update. Implementations are thread-safe.
/// </summary>
public interface IStateStore
{
    /// <summary>Reads a document, or <see langword="null"/> when there is none.</summary>
    ValueTask<StoredDocument?> ReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The current version of a document without reading it, or <see langword="null"/> when there is none.</summary>
    ValueTask<string?> GetVersionAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a document if its stored version is <paramref name="expectedVersion"/>;
    /// a <see langword="null"/> <paramref name="expectedVersion"/> means the document must not exist yet.
    /// </summary>
    /// <returns>The new version, or <see langword="null"/> when another writer got there first.</returns>
    ValueTask<string?> TryWriteAsync(string path, ReadOnlyMemory<byte> content, string? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes a document if its stored version is <paramref name="expectedVersion"/>.</summary>
    /// <returns><see langword="false"/> when another writer changed it first; deleting a missing document succeeds.</returns>
    ValueTask<bool> TryDeleteAsync(string path, string expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Lists the paths of the documents under <paramref name="prefix"/>.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken cancellationToken = default);
}

using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Storage;

/// <summary>Where the author's posts and assets are read from (a folder, a blob container).</summary>
public interface IContentSource
{
    /// <summary>Lists every file under the content root, with its path relative to the root.</summary>
    IAsyncEnumerable<ContentEntry> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one file.</summary>
    ValueTask<ContentFile> ReadAsync(ContentEntry entry, CancellationToken cancellationToken = default);
}

using System.Runtime.CompilerServices;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Storage;

/// <summary>Where the author's posts and assets are read from (a folder, a blob container).</summary>
public interface IContentSource
{
    /// <summary>Lists every file under the content root, with its path relative to the root.</summary>
    IAsyncEnumerable<ContentEntry> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the files under <paramref name="folder"/> (such as <c>_theme/</c>), with paths relative to the root.</summary>
    /// <remarks>A source that can list one folder without the rest (a blob prefix) overrides this filter of the whole listing.</remarks>
    async IAsyncEnumerable<ContentEntry> ListAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        await foreach (var entry in ListAsync(cancellationToken))
        {
            if (entry.Path.StartsWith(folder, StringComparison.Ordinal))
            {
                yield return entry;
            }
        }
    }

    /// <summary>Reads one file.</summary>
    ValueTask<ContentFile> ReadAsync(ContentEntry entry, CancellationToken cancellationToken = default);
}

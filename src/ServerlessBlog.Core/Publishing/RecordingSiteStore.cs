using System.Collections.Concurrent;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Publishing;

/// <summary>A site store that remembers which paths were last written rather than deleted: the files a rebuild produced.</summary>
internal sealed class RecordingSiteStore(ISiteStore inner) : ISiteStore
{
    private readonly ConcurrentDictionary<string, bool> _produced = new(StringComparer.Ordinal);

    public bool Produced(string path) => _produced.TryGetValue(path, out var produced) && produced;

    public int Count => _produced.Count(pair => pair.Value);

    public async ValueTask<bool> WriteAsync(SiteFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var written = await inner.WriteAsync(file, cancellationToken);
        _produced[file.Path] = true;
        return written;
    }

    public async ValueTask DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        await inner.DeleteAsync(path, cancellationToken);
        _produced[path] = false;
    }

    public ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default) => inner.ReadAsync(path, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Holds a rebuild's writes and deletes in memory over the live site, so that pages rewritten many times while every
/// post is published again reach the live site once, in their final form, and only when their bytes changed.
/// </summary>
internal sealed class BufferedSiteStore(ISiteStore live) : ISiteStore
{
    /// <summary>Each path written or deleted, with its last content; <see langword="null"/> when deleted.</summary>
    private readonly ConcurrentDictionary<string, SiteFile?> _changes = new(StringComparer.Ordinal);

    /// <summary>The files the rebuilt site holds.</summary>
    public IReadOnlyList<SiteFile> Files => _changes.Values.OfType<SiteFile>().OrderBy(file => file.Path, StringComparer.Ordinal).ToList();

    public ValueTask<bool> WriteAsync(SiteFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        _changes[file.Path] = file;
        return ValueTask.FromResult(true);
    }

    public ValueTask DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        _changes[path] = null;
        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        _changes.TryGetValue(path, out var file) ? ValueTask.FromResult(file?.Content.ToArray()) : live.ReadAsync(path, cancellationToken);

    public async IAsyncEnumerable<string> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var path in live.ListAsync(prefix, cancellationToken))
        {
            if (!_changes.ContainsKey(path))
            {
                yield return path;
            }
        }

        foreach (var file in Files.Where(file => file.Path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            yield return file.Path;
        }
    }
}

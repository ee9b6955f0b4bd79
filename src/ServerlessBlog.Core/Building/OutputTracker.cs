using System.Collections.Concurrent;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Building;

/// <summary>Writes a build's files to the store and remembers what it wrote, to count them and to clean up the rest.</summary>
internal sealed class OutputTracker(ISiteStore store)
{
    private readonly ConcurrentDictionary<string, string> _contentTypeByPath = new(StringComparer.Ordinal);
    private int _written;
    private int _unchanged;

    public int Written => _written;

    public int Unchanged => _unchanged;

    public bool Produced(string path) => _contentTypeByPath.ContainsKey(path);

    public int Count(params string[] contentTypes) => _contentTypeByPath.Values.Count(contentTypes.Contains);

    public async ValueTask WriteAsync(SiteFile file, CancellationToken cancellationToken)
    {
        _contentTypeByPath[file.Path] = file.ContentType;
        if (await store.WriteAsync(file, cancellationToken))
        {
            Interlocked.Increment(ref _written);
        }
        else
        {
            Interlocked.Increment(ref _unchanged);
        }
    }

    public Task WriteAllAsync(IEnumerable<Func<SiteFile>> files, ParallelOptions parallelism) =>
        Parallel.ForEachAsync(files, parallelism, (generate, token) => WriteAsync(generate(), token));

    /// <summary>Deletes every file of the store this build did not produce.</summary>
    public async Task<int> DeleteOthersAsync(CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        await foreach (var path in store.ListAsync(cancellationToken: cancellationToken))
        {
            if (!_contentTypeByPath.ContainsKey(path))
            {
                stale.Add(path);
            }
        }

        foreach (var path in stale)
        {
            await store.DeleteAsync(path, cancellationToken);
        }

        return stale.Count;
    }
}

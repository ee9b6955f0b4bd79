using System.Collections.Concurrent;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Building;

/// <summary>Writes a build's files to the store and remembers what it wrote, to count them and to clean up the rest.</summary>
internal sealed class OutputTracker(ISiteStore store)
{
    private readonly ConcurrentDictionary<string, string> _contentTypeByPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private int _written;
    private int _unchanged;

    public int Written => _written;

    public int Unchanged => _unchanged;

    public bool Produced(string path) => _contentTypeByPath.ContainsKey(path);

    /// <summary>
    /// Whether a file at <paramref name="path"/> would take the place of what this build wrote: a file there, a file
    /// where one of its folders must be, or files below it (a file cannot be a folder too).
    /// </summary>
    public bool Collides(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Produced(path) || _folders.ContainsKey(path) || FoldersOf(path).Any(Produced);
    }

    public int Count(params string[] contentTypes) => _contentTypeByPath.Values.Count(contentTypes.Contains);

    /// <summary>Takes <paramref name="file"/>'s path for a write to come, unless it <see cref="Collides"/>. Not atomic: claim one file at a time.</summary>
    public bool TryClaim(SiteFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Collides(file.Path))
        {
            return false;
        }

        Register(file);
        return true;
    }

    public async ValueTask WriteAsync(SiteFile file, CancellationToken cancellationToken)
    {
        Register(file);

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

    private void Register(SiteFile file)
    {
        _contentTypeByPath[file.Path] = file.ContentType;
        foreach (var folder in FoldersOf(file.Path))
        {
            _folders.TryAdd(folder, true);
        }
    }

    /// <summary>The folders a path is in, outermost first: <c>a</c> and <c>a/b</c> for <c>a/b/index.html</c>.</summary>
    private static IEnumerable<string> FoldersOf(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

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

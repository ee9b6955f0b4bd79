using System.Collections.Concurrent;
using ServerlessBlog.Cli.Uploading;

namespace ServerlessBlog.Cli.Dev;

/// <summary>
/// Watches a content folder and hands over the content paths that changed once the folder has been quiet for a moment:
/// an editor's save (a temporary file, a rename, several writes) becomes one change of the file as it ends up.
/// Batches are handed over one at a time, in order.
/// </summary>
internal sealed class ContentWatcher : IDisposable
{
    /// <summary>Long enough to cover an editor's write-rename dance, short enough not to be noticed.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);

    private readonly string _root;
    private readonly Func<IReadOnlyCollection<string>, Task> _changed;
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _timer;
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneBatchAtATime = new(1, 1);

    public ContentWatcher(string root, Func<IReadOnlyCollection<string>, Task> changed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _root = Path.GetFullPath(root);
        _changed = changed;
        _timer = time.CreateTimer(_ => _ = FlushAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(_root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += (_, e) => Note(e.FullPath);
        _watcher.Changed += (_, e) => Note(e.FullPath);
        _watcher.Deleted += (_, e) => Note(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Note(e.OldFullPath);
            Note(e.FullPath);
        };

        // Too many changes at once overflowed the watcher's buffer: look at the whole folder again.
        _watcher.Error += (_, _) => Note(_root);
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
        _oneBatchAtATime.Dispose();
    }

    private void Note(string fullPath)
    {
        _pending[fullPath == _root ? string.Empty : ContentFiles.PathUnder(_root, fullPath)] = 0;
        _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
    }

    private async Task FlushAsync()
    {
        try
        {
            await _oneBatchAtATime.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            var batch = _pending.Keys.ToList();
            foreach (var path in batch)
            {
                _pending.TryRemove(path, out _);
            }

            if (batch.Count > 0)
            {
                await _changed(batch);
            }
        }
        finally
        {
            _oneBatchAtATime.Release();
        }
    }
}

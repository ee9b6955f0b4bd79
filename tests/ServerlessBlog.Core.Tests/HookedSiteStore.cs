using System.Runtime.CompilerServices;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

/// <summary>A site store that lets a test fail a write or delete, to stop a publish while it rewrites pages, or act before a listing.</summary>
internal sealed class HookedSiteStore(ISiteStore inner) : ISiteStore
{
    /// <summary>Runs before every write and delete, with the file's path: throw to fail it.</summary>
    public Func<string, Task> BeforeWrite { get; set; } = _ => Task.CompletedTask;

    public async ValueTask<bool> WriteAsync(SiteFile file, CancellationToken cancellationToken = default)
    {
        await BeforeWrite(file.Path);
        return await inner.WriteAsync(file, cancellationToken);
    }

    public ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default) => inner.ReadAsync(path, cancellationToken);

    public async ValueTask DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        await BeforeWrite(path);
        await inner.DeleteAsync(path, cancellationToken);
    }

    /// <summary>Holds the first write or delete whose path <paramref name="which"/> picks until the test lets it go.</summary>
    /// <returns>What lets it go, and what tells that the write was reached.</returns>
    public (TaskCompletionSource Held, TaskCompletionSource Reached) HoldWrite(Func<string, bool> which)
    {
        var held = new TaskCompletionSource();
        var reached = new TaskCompletionSource();
        BeforeWrite = async path =>
        {
            if (which(path) && reached.TrySetResult())
            {
                await held.Task;
            }
        };
        return (held, reached);
    }

    /// <summary>Runs before every listing, with its prefix.</summary>
    public Func<string, Task> BeforeList { get; set; } = _ => Task.CompletedTask;

    public async IAsyncEnumerable<string> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await BeforeList(prefix);
        await foreach (var path in inner.ListAsync(prefix, cancellationToken))
        {
            yield return path;
        }
    }
}

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

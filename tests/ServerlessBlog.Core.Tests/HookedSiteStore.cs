using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

/// <summary>A site store that lets a test fail a write or delete, to stop a publish while it rewrites pages.</summary>
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

    public IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}

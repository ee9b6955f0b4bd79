using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

/// <summary>A state store that lets a test fail, hold or lose the response of one request, to stop a publish half-way.</summary>
internal sealed class HookedStateStore(IStateStore inner) : IStateStore
{
    /// <summary>Runs before every write and delete, with the document's path: throw to fail it, await to hold it.</summary>
    public Func<string, Task> BeforeWrite { get; set; } = _ => Task.CompletedTask;

    /// <summary>Runs before every read, with the document's path.</summary>
    public Func<string, Task> BeforeRead { get; set; } = _ => Task.CompletedTask;

    /// <summary>Runs after every read, with the document's path: await to hold a reader that has what it read.</summary>
    public Func<string, Task> AfterRead { get; set; } = _ => Task.CompletedTask;

    /// <summary>
    /// The next write of this document lands, but its caller hears that it was refused, as when the response to a
    /// conditional write is lost and the storage SDK's retry of it meets the new ETag.
    /// </summary>
    public string? LoseResponseOnce { get; set; }

    public async ValueTask<StoredDocument?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await BeforeRead(path);
        var document = await inner.ReadAsync(path, cancellationToken);
        await AfterRead(path);
        return document;
    }

    public ValueTask<string?> GetVersionAsync(string path, CancellationToken cancellationToken = default) => inner.GetVersionAsync(path, cancellationToken);

    public async ValueTask<string?> TryWriteAsync(string path, ReadOnlyMemory<byte> content, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        await BeforeWrite(path);
        var written = await inner.TryWriteAsync(path, content, expectedVersion, cancellationToken);
        if (written is not null && LoseResponseOnce == path)
        {
            LoseResponseOnce = null;
            return null;
        }

        return written;
    }

    public async ValueTask<bool> TryDeleteAsync(string path, string expectedVersion, CancellationToken cancellationToken = default)
    {
        await BeforeWrite(path);
        return await inner.TryDeleteAsync(path, expectedVersion, cancellationToken);
    }

    public IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}

using System.Runtime.CompilerServices;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>A site store that keeps nothing: the benchmarks measure producing the bytes, not a disk.</summary>
public sealed class NullSiteStore : ISiteStore
{
    private long _bytes;

    /// <summary>How many bytes were written, so the work cannot be optimised away.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public ValueTask<bool> WriteAsync(SiteFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        Interlocked.Add(ref _bytes, file.Content.Length);
        return ValueTask.FromResult(true);
    }

    public ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<byte[]?>(null);

    public ValueTask DeleteAsync(string path, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async IAsyncEnumerable<string> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}

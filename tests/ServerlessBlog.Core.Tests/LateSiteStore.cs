using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

/// <summary>
/// A site store whose first write of a path <c>which</c> picks fails as a timed-out request does, while the request
/// itself lands later, when the test says (<see cref="LandAsync"/>).
/// </summary>
internal sealed class LateSiteStore(ISiteStore inner, Func<string, bool> which) : ISiteStore
{
    private readonly List<SiteFile> _late = [];

    public async ValueTask<bool> WriteAsync(SiteFile file, CancellationToken cancellationToken = default)
    {
        if (which(file.Path) && _late.Count == 0)
        {
            _late.Add(file);
            throw new IOException($"{file.Path}: timed out");
        }

        return await inner.WriteAsync(file, cancellationToken);
    }

    /// <summary>The requests that timed out land now.</summary>
    public async Task LandAsync()
    {
        foreach (var file in _late)
        {
            await inner.WriteAsync(file);
        }
    }

    public ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default) => inner.ReadAsync(path, cancellationToken);

    public ValueTask DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}

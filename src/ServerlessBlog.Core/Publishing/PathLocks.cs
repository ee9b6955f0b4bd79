namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Serialises the steps one host takes on one uploaded file: a blob trigger and a reconcile that publish the same file
/// at once would otherwise interleave, and the loser could leave a post record that no status points at.
/// Striped, so that its size stays fixed however many files there are; two files may share a stripe and wait for
/// each other, which costs a little time and nothing else.
/// </summary>
internal sealed class PathLocks
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Waits for <paramref name="path"/>'s lock; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(string path, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % Stripes)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}

using Polly;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// Typed access to state documents with optimistic concurrency: an update reads a document, changes it and writes it
/// only if nobody else wrote it meanwhile; on a conflict the Polly pipeline tries the whole read-change-write again,
/// with jittered back-off. Single storage requests are retried by the storage client, never here.
/// </summary>
public sealed class StateDocuments
{
    private readonly IStateStore _store;
    private readonly ResiliencePipeline _conflicts;

    public StateDocuments(IStateStore store, ResiliencePipeline conflictPipeline)
    {
        _store = store;
        _conflicts = conflictPipeline;
    }

    public IStateStore Store => _store;

    /// <summary>Reads a document, or the default when there is none.</summary>
    public async ValueTask<(T? Value, string? Version)> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        var stored = await _store.ReadAsync(path, cancellationToken);
        return stored is null ? (default, null) : (StateJson.Deserialize<T>(stored.Content), stored.Version);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the document until it is written without a conflict.
    /// <paramref name="change"/> gets the current value (default when absent) and returns the new value,
    /// or <see langword="null"/> to delete the document; it may run more than once.
    /// </summary>
    /// <returns>The value that was written (or null when deleted) and the value it replaced.</returns>
    public ValueTask<(T? Written, T? Previous)> UpdateAsync<T>(string path, Func<T?, T?> change, CancellationToken cancellationToken)
        where T : class =>
        UpdateAsync<T>(path, (current, _) => ValueTask.FromResult(change(current)), cancellationToken);

    /// <summary>As <see cref="UpdateAsync{T}(string, Func{T, T}, CancellationToken)"/>, with a change that reads other documents.</summary>
    public ValueTask<(T? Written, T? Previous)> UpdateAsync<T>(string path, Func<T?, CancellationToken, ValueTask<T?>> change, CancellationToken cancellationToken)
        where T : class =>
        _conflicts.ExecuteAsync(
            async token =>
            {
                var (current, version) = await ReadAsync<T>(path, token);
                var next = await change(current, token);
                if (next is null)
                {
                    if (version is not null && !await _store.TryDeleteAsync(path, version, token))
                    {
                        throw new StateConflictException(path);
                    }

                    return ((T?)null, current);
                }

                if (await _store.TryWriteAsync(path, StateJson.Serialize(next), version, token) is null)
                {
                    throw new StateConflictException(path);
                }

                return (next, current);
            },
            cancellationToken);
}

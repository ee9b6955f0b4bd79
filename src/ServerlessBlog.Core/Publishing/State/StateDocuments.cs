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

    /// <summary>
    /// Runs <paramref name="step"/>, which throws <see cref="StateConflictException"/> when another publisher changed
    /// what it read, again with the same back-off as an update, until it does not; then the last exception escapes.
    /// </summary>
    public ValueTask<T> RetryOnConflictAsync<T>(Func<CancellationToken, ValueTask<T>> step, CancellationToken cancellationToken) =>
        _conflicts.ExecuteAsync(step, cancellationToken);

    /// <summary>Reads a document, or the default when there is none.</summary>
    public async ValueTask<(T? Value, string? Version)> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        var stored = await _store.ReadAsync(path, cancellationToken);
        return stored is null ? (default, null) : (StateJson.Deserialize<T>(stored.Content), stored.Version);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the document until it is written without a conflict.
    /// <paramref name="change"/> gets the current value (default when absent) and returns the new value,
    /// or <see langword="null"/> to delete the document; it may run more than once. The first attempt starts from
    /// <c>known</c>, the document as the caller last read it, when given, instead of reading it again.
    /// </summary>
    /// <returns>The value that was written (or null when deleted), the value it replaced, and the new version.</returns>
    public ValueTask<StateUpdate<T>> UpdateAsync<T>(string path, Func<T?, T?> change, CancellationToken cancellationToken, StateSnapshot<T>? known = null)
        where T : class =>
        UpdateAsync<T>(path, (current, _) => ValueTask.FromResult(change(current)), cancellationToken, known);

    /// <summary>As <see cref="UpdateAsync{T}(string, Func{T, T}, CancellationToken, StateSnapshot{T}?)"/>, with a change that reads other documents.</summary>
    public ValueTask<StateUpdate<T>> UpdateAsync<T>(string path, Func<T?, CancellationToken, ValueTask<T?>> change, CancellationToken cancellationToken, StateSnapshot<T>? known = null)
        where T : class
    {
        // Only the first attempt may trust the caller's copy: a conflict means it was stale.
        var guess = known;
        return _conflicts.ExecuteAsync(
            async token =>
            {
                var (current, version) = guess is { } snapshot ? (snapshot.Value, snapshot.Version) : await ReadAsync<T>(path, token);
                guess = null;
                var next = await change(current, token);
                if (next is null)
                {
                    if (version is not null && !await _store.TryDeleteAsync(path, version, token))
                    {
                        throw new StateConflictException(path);
                    }

                    return new StateUpdate<T>(null, current, null);
                }

                var written = await _store.TryWriteAsync(path, StateJson.Serialize(next), version, token) ?? throw new StateConflictException(path);
                return new StateUpdate<T>(next, current, written);
            },
            cancellationToken);
    }
}

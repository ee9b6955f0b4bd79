namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// A document as a caller already read it (or knows it to be absent: both null), so that an update can try its first
/// write without reading it again. If the guess is stale the conditional write is refused and the update reads afresh.
/// </summary>
public readonly record struct StateSnapshot<T>(T? Value, string? Version)
    where T : class;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>What an optimistic update wrote, what it replaced, and the version it left (null when it deleted the document).</summary>
public readonly record struct StateUpdate<T>(T? Written, T? Previous, string? Version)
    where T : class
{
    public void Deconstruct(out T? written, out T? previous)
    {
        written = Written;
        previous = Previous;
    }
}

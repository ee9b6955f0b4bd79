namespace ServerlessBlog.Core.Publishing.State;

/// <summary>Another publisher changed a state document between this one's read and write; the step is tried again.</summary>
public sealed class StateConflictException : Exception
{
    public StateConflictException()
        : this("A state document changed while it was being updated.")
    {
    }

    public StateConflictException(string path)
        : base($"The state document '{path}' changed while it was being updated.")
    {
        Path = path;
    }

    public StateConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Path { get; }
}

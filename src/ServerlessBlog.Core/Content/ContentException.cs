namespace ServerlessBlog.Core.Content;

/// <summary>
/// A post that cannot be published, with the line of its source the problem is on.
/// This is the one error type the core raises for bad content.
/// </summary>
public sealed class ContentException : Exception
{
    public ContentException(string reason, int line = 1, Exception? innerException = null)
        : base(reason, innerException)
    {
        Line = Math.Max(1, line);
    }

    public ContentException()
        : this("The content is invalid.")
    {
    }

    public ContentException(string message)
        : this(message, 1)
    {
    }

    public ContentException(string message, Exception innerException)
        : this(message, 1, innerException)
    {
    }

    /// <summary>The 1-based line of the source file the problem is on.</summary>
    public int Line { get; }
}

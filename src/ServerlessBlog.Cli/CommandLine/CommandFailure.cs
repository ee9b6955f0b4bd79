namespace ServerlessBlog.Cli.CommandLine;

/// <summary>A failure the user can act on, already worded as the one line to print.</summary>
internal sealed class CommandFailure : Exception
{
    public CommandFailure(string message)
        : base(message)
    {
    }

    public CommandFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CommandFailure()
    {
    }
}

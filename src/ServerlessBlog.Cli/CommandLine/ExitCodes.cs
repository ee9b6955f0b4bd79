namespace ServerlessBlog.Cli.CommandLine;

/// <summary>The exit codes of every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command could not do its work: bad settings, unreachable storage, missing permission.</summary>
    public const int Failure = 1;

    /// <summary>The command ran, but some posts were not published (rejected, or not live in time).</summary>
    public const int ContentErrors = 2;

    /// <summary>Stopped by Ctrl+C, as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}

using System.CommandLine;

namespace ServerlessBlog.Cli.CommandLine;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    /// <summary>Print the whole exception, stack trace included, instead of one line a user can act on.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print the full error, with its stack trace, when a command fails.",
        Recursive = true,
    };
}

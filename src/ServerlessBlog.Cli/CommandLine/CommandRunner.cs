using System.CommandLine;

namespace ServerlessBlog.Cli.CommandLine;

/// <summary>Runs a command's work and reports its failure as one line prefixed with the command's name.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(string commandName, ParseResult parse, Func<CancellationToken, Task<int>> work, Func<Uri?> storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(storage);
        try
        {
            return await work(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"blog {commandName}: {FailureMessages.Describe(ex, storage())}");
            if (parse.GetValue(GlobalOptions.Verbose))
            {
                await Console.Error.WriteLineAsync(ex.ToString());
            }

            return ExitCodes.Failure;
        }
    }
}

using System.Diagnostics;

namespace ServerlessBlog.Testing;

/// <summary>Runs the built <c>blog</c> CLI (referenced by the test project, so <c>blog.dll</c> sits beside the tests) as a child process.</summary>
public static class BlogCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "blog.dll");

    /// <summary>A start of <c>dotnet blog.dll arguments...</c> in the repository root, with the output redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    public static async Task<CliResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(arguments, environment)) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}

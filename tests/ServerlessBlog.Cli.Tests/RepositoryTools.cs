using ServerlessBlog.Testing;
using System.Diagnostics;

namespace ServerlessBlog.Cli.Tests;

/// <summary>
/// The repository's own tools for tests: the built <c>blog</c> CLI, and the pinned Node packages
/// (installed from package-lock.json the first time a test needs them, once across test processes).
/// </summary>
internal static class RepositoryTools
{
    public static string Root => RepositoryRoot.Path;

    public static string BlogDll => Path.Combine(AppContext.BaseDirectory, "blog.dll");

    public static string VnuJar => NodePackages.VnuJar;

    public static Task EnsureNodePackagesAsync() => NodePackages.EnsureVnuAsync();

    public static Task<ProcessResult> RunBlogAsync(IEnumerable<string> arguments, IDictionary<string, string>? environment = null) =>
        RunAsync("dotnet", [BlogDll, .. arguments], Root, environment);

    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await output, await error);
    }
}

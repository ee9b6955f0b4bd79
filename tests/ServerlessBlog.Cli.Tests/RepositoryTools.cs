using System.Diagnostics;

namespace ServerlessBlog.Cli.Tests;

/// <summary>
/// The repository's own tools for tests: the built <c>blog</c> CLI, and the pinned Node packages
/// (installed from package-lock.json with <c>npm ci</c> the first time a test needs them).
/// </summary>
internal static class RepositoryTools
{
    private static readonly SemaphoreSlim NpmLock = new(1, 1);

    public static string Root { get; } = FindRoot();

    public static string BlogDll => Path.Combine(AppContext.BaseDirectory, "blog.dll");

    public static string VnuJar => Path.Combine(Root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static async Task EnsureNodePackagesAsync()
    {
        await NpmLock.WaitAsync();
        try
        {
            if (!File.Exists(VnuJar))
            {
                var npm = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Root);
                Assert.True(npm.ExitCode == 0, $"npm ci failed:\n{npm.StandardError}");
            }
        }
        finally
        {
            NpmLock.Release();
        }
    }

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

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ServerlessBlog.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (ServerlessBlog.sln) was not found.");
    }
}

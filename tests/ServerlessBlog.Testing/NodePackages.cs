using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessBlog.Testing;

/// <summary>
/// The Node tools pinned in the root package-lock.json, installed with <c>npm ci</c> the first time a test needs them.
/// Installs are serialised within this process and, through a lock file, with other test processes of the same clone,
/// because <c>npm ci</c> first deletes node_modules.
/// </summary>
public static class NodePackages
{
    private static readonly SemaphoreSlim InProcessLock = new(1, 1);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(250);

    public static string AzuriteScript { get; } =
        Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>The Nu Html Checker's jar (npm <c>vnu-jar</c>).</summary>
    public static string VnuJar { get; } =
        Path.Combine(RepositoryRoot.Path, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static Task EnsureAzuriteAsync(CancellationToken cancellationToken = default) => EnsureInstalledAsync(AzuriteScript, cancellationToken);

    public static Task EnsureVnuAsync(CancellationToken cancellationToken = default) => EnsureInstalledAsync(VnuJar, cancellationToken);

    /// <summary>Runs <c>npm ci</c> unless <paramref name="installedFile"/> shows the packages are there.</summary>
    public static async Task EnsureInstalledAsync(string installedFile, CancellationToken cancellationToken = default)
    {
        if (File.Exists(installedFile))
        {
            return;
        }

        await InProcessLock.WaitAsync(cancellationToken);
        try
        {
            await using var crossProcessLock = await AcquireFileLockAsync(cancellationToken);
            if (!File.Exists(installedFile))
            {
                await RunNpmCiAsync(cancellationToken);
            }
        }
        finally
        {
            InProcessLock.Release();
        }

        if (!File.Exists(installedFile))
        {
            throw new FileNotFoundException("npm ci succeeded but did not install the package.", installedFile);
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RepositoryRoot.Path)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"serverlessblog-npm-{key}.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(LockPollInterval, cancellationToken);
            }
        }
    }

    private static async Task RunNpmCiAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed with exit code {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}

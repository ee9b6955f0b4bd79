using System.ComponentModel;
using System.Diagnostics;
using ServerlessBlog.Cli.CommandLine;

namespace ServerlessBlog.Cli.Dev;

/// <summary>
/// Finds Azurite, installing it when it is missing: with <c>npm ci</c> in the repository that pins it (package-lock.json),
/// else with <c>npm install</c> of the version below into a cache folder of the user's.
/// </summary>
internal static class AzuriteInstallation
{
    /// <summary>The version installed when no repository pins one; the same as the repository's package.json.</summary>
    public const string Version = "3.37.0";

    private const string PackageName = "azurite";
    private static readonly string[] ScriptPath = ["node_modules", PackageName, "dist", "src", "azurite.js"];

    public static async Task<string> LocateOrInstallAsync(TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var starts = new[] { Environment.CurrentDirectory, AppContext.BaseDirectory };
        if (Upwards(starts).Select(ScriptUnder).FirstOrDefault(File.Exists) is { } installed)
        {
            return installed;
        }

        if (Upwards(starts).FirstOrDefault(PinsAzurite) is { } repository)
        {
            await log.WriteLineAsync($"blog dev: installing Azurite with npm ci in {repository} (once)");
            await RunNpmAsync(repository, ["ci", "--no-audit", "--no-fund"], cancellationToken);
            return ScriptUnder(repository);
        }

        var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "serverlessblog", $"{PackageName}-{Version}");
        if (!File.Exists(ScriptUnder(cache)))
        {
            await log.WriteLineAsync($"blog dev: installing Azurite {Version} with npm into {cache} (once)");
            Directory.CreateDirectory(cache);
            await RunNpmAsync(cache, ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", cache, $"{PackageName}@{Version}"], cancellationToken);
        }

        return ScriptUnder(cache);
    }

    private static string ScriptUnder(string folder) => Path.Combine([folder, .. ScriptPath]);

    private static IEnumerable<string> Upwards(IEnumerable<string> starts) =>
        starts.SelectMany(start => Ancestors(new DirectoryInfo(start))).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Ancestors(DirectoryInfo? folder)
    {
        for (; folder is not null; folder = folder.Parent)
        {
            yield return folder.FullName;
        }
    }

    private static bool PinsAzurite(string folder)
    {
        var manifest = Path.Combine(folder, "package.json");
        return File.Exists(manifest) && File.Exists(Path.Combine(folder, "package-lock.json"))
            && File.ReadAllText(manifest).Contains($"\"{PackageName}\"", StringComparison.Ordinal);
    }

    private static async Task RunNpmAsync(string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CommandFailure("npm did not start");
        }
        catch (Win32Exception ex)
        {
            throw new CommandFailure("Node.js and npm are needed to run Azurite: install Node.js 20 or later", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0)
            {
                var lastLine = (await error + await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
                throw new CommandFailure($"installing Azurite with npm failed (exit code {process.ExitCode}): {lastLine}");
            }
        }
    }
}

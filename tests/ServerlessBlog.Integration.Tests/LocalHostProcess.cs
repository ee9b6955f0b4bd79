using System.Collections.Concurrent;
using System.Diagnostics;
using ServerlessBlog.Testing;

namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// The local trigger host as a process of its own (<c>dotnet ServerlessBlog.LocalHost.dll</c>), so that a test can
/// kill it outright, as a crash or a scale-in would, and start it again.
/// </summary>
internal sealed class LocalHostProcess : IDisposable
{
    private const int OutputLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    /// <summary>
    /// The host as its own build left it, with its own dependency manifest: the test folder also holds the CLI, whose
    /// ASP.NET Core framework provides assemblies the host's manifest expects to find as files.
    /// </summary>
    private static string HostAssembly
    {
        get
        {
            var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            return Path.Combine(RepositoryRoot.Path, "src", "ServerlessBlog.LocalHost", "bin", framework.Parent!.Name, framework.Name, "ServerlessBlog.LocalHost.dll");
        }
    }

    private LocalHostProcess(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Remember(line.Data);
        _process.ErrorDataReceived += (_, line) => Remember(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The last lines the host wrote, for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    public static LocalHostProcess Start(IEnumerable<string> arguments) => new(arguments);

    /// <summary>Kills the host at once, with no chance to finish what it is doing (SIGKILL).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLines && _output.TryDequeue(out _))
        {
        }
    }
}

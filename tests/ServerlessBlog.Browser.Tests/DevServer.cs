using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ServerlessBlog.Testing;

namespace ServerlessBlog.Browser.Tests;

/// <summary>
/// The real <c>blog dev</c>, started as a child process on a copy of the sample blog, on free ports, and stopped with
/// Ctrl+C (SIGINT) as an author stops it.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private const string ServingPrefix = "Serving ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DevServer(string content, int port)
    {
        Content = content;
        BaseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        _process = new Process
        {
            StartInfo = BlogCli.StartInfo(["dev", content, "--port", port.ToString(CultureInfo.InvariantCulture), "--azurite-port", "0"]),
        };
        _process.OutputDataReceived += (_, line) => Remember(line.Data);
        _process.ErrorDataReceived += (_, line) => Remember(line.Data);
    }

    /// <summary>The content folder it publishes and watches: a copy the tests may change.</summary>
    public string Content { get; }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>How long from starting <c>blog dev</c> until it served the published site.</summary>
    public TimeSpan StartupTime { get; private set; }

    public string Output => string.Join('\n', _output);

    public static async Task<DevServer> StartAsync()
    {
        var server = new DevServer(SampleBlog.CopyToTemporaryFolder("dev-content-"), FreePort());
        var started = Stopwatch.StartNew();
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var exited = server._process.WaitForExitAsync();
        var first = await Task.WhenAny(server._serving.Task, exited, Task.Delay(StartTimeout));
        if (first != server._serving.Task)
        {
            var output = server.Output;
            await server.DisposeAsync();
            throw new InvalidOperationException($"blog dev did not serve the site:\n{output}");
        }

        server.StartupTime = started.Elapsed;
        return server;
    }

    /// <summary>Sends Ctrl+C (SIGINT) and waits for <c>blog dev</c> to exit.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>The processes started by <c>blog dev</c>, and theirs, found through each process's parent in /proc.</summary>
    public IReadOnlyList<int> Descendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid) && ParentOf(folder) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var found = new List<int>();
        var queue = new Queue<int>([_process.Id]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var child in parents.Where(pair => pair.Value == current).Select(pair => pair.Key))
            {
                found.Add(child);
                queue.Enqueue(child);
            }
        }

        return found;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await InterruptAsync();
            }
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(Content, recursive: true);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.StartsWith(ServingPrefix, StringComparison.Ordinal))
        {
            _serving.TrySetResult();
        }
    }

    private static int? ParentOf(string procFolder)
    {
        try
        {
            // The command name in parentheses may hold spaces: the fields after its closing parenthesis are fixed.
            var stat = File.ReadAllText(Path.Combine(procFolder, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

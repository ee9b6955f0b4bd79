using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ServerlessBlog.Cli.CommandLine;

namespace ServerlessBlog.Cli.Dev;

/// <summary>
/// A private Azurite for <c>blog dev</c>: loopback only, in memory, no telemetry. Disposing it kills its whole process
/// tree; and should <c>blog dev</c> itself be killed, Azurite exits on its own when its standard input closes.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const int Services = 3;
    private const int DiagnosticLines = 20;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs Azurite's own entry script after arranging for the process to exit when its standard input ends: the pipe
    /// closes whenever the parent dies, even when it is killed and no cleanup of ours runs.
    /// </summary>
    private const string Watchdog =
        "process.stdin.on('end', () => process.exit(0)); process.stdin.on('error', () => process.exit(0)); process.stdin.resume(); require(process.argv[1]);";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private AzuriteProcess(Process process, ConcurrentQueue<string> output, int[] ports)
    {
        _process = process;
        _output = output;
        BlobEndpoint = AzuriteAccount.Endpoint(ports[0]);
        ConnectionString = AzuriteAccount.ConnectionString(ports[0], ports[1], ports[2]);
    }

    public Uri BlobEndpoint { get; }

    public string ConnectionString { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts Azurite on <paramref name="blobPort"/> and the two ports after it when free, else on free ports (0: always).</summary>
    public static async Task<AzuriteProcess> StartAsync(string script, int blobPort, CancellationToken cancellationToken)
    {
        var ports = LoopbackPorts.Take(blobPort, Services);
        var output = new ConcurrentQueue<string>();
        var process = Start(script, ports, output);
        var azurite = new AzuriteProcess(process, output, ports);
        try
        {
            await azurite.WaitUntilReadyAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(StopTimeout);
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static Process Start(string script, int[] ports, ConcurrentQueue<string> output)
    {
        var start = new ProcessStartInfo("node")
        {
            // In memory, Azurite writes nothing but its debug log, which is off: any folder will do.
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "-e", Watchdog, script,
            "--silent", "--disableTelemetry", "--inMemoryPersistence", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(CultureInfo.InvariantCulture),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Remember(output, line.Data);
        process.ErrorDataReceived += (_, line) => Remember(output, line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new CommandFailure("Node.js is needed to run Azurite: install Node.js 20 or later", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Remember(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > DiagnosticLines && output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout && !_process.HasExited)
        {
            try
            {
                // Any HTTP answer, even an authorisation error, means the blob endpoint is listening.
                using var response = await http.GetAsync(BlobEndpoint, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }

        throw new CommandFailure($"Azurite did not start on {BlobEndpoint}: {string.Join(" | ", _output)}");
    }
}

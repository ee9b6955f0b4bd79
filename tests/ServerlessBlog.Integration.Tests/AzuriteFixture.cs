using ServerlessBlog.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using ServerlessBlog.Azure;

namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// A private Azurite (the storage emulator pinned in package-lock.json) on free loopback ports, in memory only,
/// started for a test collection and stopped with its whole process tree when the collection ends.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The published key of Azurite's development account: not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int StartAttempts = 3;
    private const int DiagnosticLines = 50;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private string? _workingDirectory;

    /// <summary>The connection string of the running emulator, as an <c>AzureWebJobsStorage</c> value would hold it.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The blob endpoint, such as <c>http://127.0.0.1:54321/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint { get; private set; } = null!;

    /// <summary>A client built the way the host builds it, from the connection string.</summary>
    public BlobServiceClient BlobService { get; private set; } = null!;

    /// <summary>Creates a new, empty container whose name starts with <paramref name="purpose"/>.</summary>
    public async Task<BlobContainerClient> CreateContainerAsync(string purpose, CancellationToken cancellationToken = default)
    {
        var name = $"{purpose}-{Guid.NewGuid():N}".ToLowerInvariant();
        var container = BlobService.GetBlobContainerClient(name[..Math.Min(name.Length, 63)]);
        await container.CreateAsync(cancellationToken: cancellationToken);
        return container;
    }

    public async Task InitializeAsync()
    {
        await NodePackages.EnsureAzuriteAsync();
        _workingDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts.Take(3);
            _process = Start(ports);
            if (await WaitUntilReadyAsync(_process, BlobUri(ports[0])))
            {
                Configure(ports);
                return;
            }

            // Another process may have taken a port between picking it and Azurite binding it: try new ports.
            Stop();
            if (attempt == StartAttempts)
            {
                throw new InvalidOperationException($"Azurite did not start after {StartAttempts} attempts:\n{string.Join('\n', _output)}");
            }
        }
    }

    public Task DisposeAsync()
    {
        Stop();
        if (_workingDirectory is not null && Directory.Exists(_workingDirectory))
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static Uri BlobUri(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{AccountName}");

    private Process Start(int[] ports)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            NodePackages.AzuriteScript,
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
        process.OutputDataReceived += (_, line) => Remember(line.Data);
        process.ErrorDataReceived += (_, line) => Remember(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > DiagnosticLines && _output.TryDequeue(out _))
        {
        }
    }

    private static async Task<bool> WaitUntilReadyAsync(Process process, Uri blobEndpoint)
    {
        using var http = new HttpClient { Timeout = ProbeTimeout };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout && !process.HasExited)
        {
            try
            {
                // Any HTTP answer, even an authorisation error, means the blob endpoint is listening.
                using var response = await http.GetAsync(blobEndpoint);
                return true;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(ProbeInterval);
        }

        return false;
    }

    private void Configure(int[] ports)
    {
        BlobEndpoint = BlobUri(ports[0]);
        ConnectionString = string.Join(';',
            "DefaultEndpointsProtocol=http",
            $"AccountName={AccountName}",
            $"AccountKey={AccountKey}",
            $"BlobEndpoint={BlobEndpoint}",
            $"QueueEndpoint=http://127.0.0.1:{ports[1].ToString(CultureInfo.InvariantCulture)}/{AccountName}",
            $"TableEndpoint=http://127.0.0.1:{ports[2].ToString(CultureInfo.InvariantCulture)}/{AccountName}");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageConnection.DefaultName] = ConnectionString })
            .Build();
        BlobService = BlobServiceClientFactory.Create(configuration);
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(StopTimeout);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }
}

using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using ServerlessBlog.Azure;
using ServerlessBlog.Cli.CommandLine;
using ServerlessBlog.Cli.Dev;
using ServerlessBlog.Testing;

namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// A private Azurite (the storage emulator pinned in package-lock.json) on free loopback ports, in memory only,
/// started for a test collection as <c>blog dev</c> starts its own, and stopped with its whole process tree when the
/// collection ends.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = AzuriteAccount.Name;

    /// <summary>The published key of Azurite's development account: not a secret.</summary>
    public const string AccountKey = AzuriteAccount.Key;

    private const int StartAttempts = 3;

    private AzuriteProcess? _azurite;

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
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Port 0: free ports the system picks.
                _azurite = await AzuriteProcess.StartAsync(NodePackages.AzuriteScript, blobPort: 0, CancellationToken.None);
                break;
            }
            catch (CommandFailure) when (attempt < StartAttempts)
            {
                // Another process may have taken a port between picking it and Azurite binding it: try new ports.
            }
        }

        BlobEndpoint = _azurite.BlobEndpoint;
        ConnectionString = _azurite.ConnectionString;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageConnection.DefaultName] = ConnectionString })
            .Build();
        BlobService = BlobServiceClientFactory.Create(configuration);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

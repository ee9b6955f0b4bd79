using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace ServerlessBlog.Azure;

/// <summary>
/// Builds the blob client from a storage connection the way Azure Functions reads <c>AzureWebJobsStorage</c>:
/// a connection string in the setting itself (<c>UseDevelopmentStorage=true</c> for Azurite), or identity-based
/// settings under it (<c>AzureWebJobsStorage__blobServiceUri</c>, optional <c>__credential</c> and <c>__clientId</c>).
/// The client is thread-safe: build it once and share it.
/// </summary>
public static class BlobServiceClientFactory
{
    /// <summary>Builds the client for the connection named <paramref name="connectionName"/> in <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="connectionName">The storage connection's name.</param>
    /// <param name="chaos">Fault injection below the SDK's retry, when a test or a setting switches it on.</param>
    /// <exception cref="InvalidOperationException">The connection is not configured.</exception>
    public static BlobServiceClient Create(IConfiguration configuration, string connectionName = StorageConnection.DefaultName, StorageChaosPolicy? chaos = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        var section = configuration.GetSection(connectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new BlobServiceClient(section.Value, CreateClientOptions(chaos));
        }

        return new BlobServiceClient(GetBlobServiceUri(section), CreateCredential(section), CreateClientOptions(chaos));
    }

    /// <summary>
    /// The options of every blob client: the single place storage requests get their retry policy.
    /// </summary>
    public static BlobClientOptions CreateClientOptions(StorageChaosPolicy? chaos = null)
    {
        var options = new BlobClientOptions();
        if (chaos is not null)
        {
            // Per retry: each attempt may fail, and the retry policy below sees it as it would a real failure.
            options.AddPolicy(chaos, HttpPipelinePosition.PerRetry);
        }

        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = StorageRetryDefaults.MaxRetries;
        options.Retry.Delay = chaos?.RetryDelay ?? StorageRetryDefaults.Delay;
        options.Retry.MaxDelay = StorageRetryDefaults.MaxDelay;
        options.Retry.NetworkTimeout = StorageRetryDefaults.NetworkTimeout;
        return options;
    }

    /// <summary>
    /// <c>credential=managedidentity</c> selects the managed identity alone (user-assigned when a client id is given);
    /// otherwise the default chain, which also finds a developer's own sign-in.
    /// </summary>
    internal static TokenCredential CreateCredential(IConfiguration section)
    {
        var clientId = section[StorageConnection.ClientId];
        var hasClientId = !string.IsNullOrWhiteSpace(clientId);
        if (string.Equals(section[StorageConnection.Credential], StorageConnection.ManagedIdentityCredential, StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(hasClientId ? ManagedIdentityId.FromUserAssignedClientId(clientId!) : ManagedIdentityId.SystemAssigned);
        }

        var options = new DefaultAzureCredentialOptions();
        if (hasClientId)
        {
            options.ManagedIdentityClientId = clientId;
        }

        return new DefaultAzureCredential(options);
    }

    private static Uri GetBlobServiceUri(IConfigurationSection section)
    {
        if (section[StorageConnection.BlobServiceUri] is { Length: > 0 } serviceUri)
        {
            return new Uri(serviceUri, UriKind.Absolute);
        }

        if (section[StorageConnection.AccountName] is { Length: > 0 } accountName)
        {
            return new UriBuilder(Uri.UriSchemeHttps, $"{accountName}.{StorageConnection.DefaultBlobEndpointSuffix}").Uri;
        }

        throw new InvalidOperationException(
            $"The storage connection '{section.Key}' is not configured: set '{section.Key}' to a connection string, " +
            $"or '{section.Key}__{StorageConnection.BlobServiceUri}' for an identity-based connection.");
    }
}

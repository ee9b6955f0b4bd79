using System.Text;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using ServerlessBlog.Azure;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Integration.Tests;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class BlobServiceClientFactoryTests(AzuriteFixture azurite)
{
    private const string ServiceUri = "https://stblogexample.blob.core.windows.net/";
    private const string ClientId = "00000000-0000-0000-0000-0000000000c1";

    [Fact]
    public async Task A_connection_string_reaches_the_emulator()
    {
        var client = BlobServiceClientFactory.Create(Configuration(new() { ["AzureWebJobsStorage"] = azurite.ConnectionString }));
        var container = client.GetBlobContainerClient($"factory-{Guid.NewGuid():N}");
        await container.CreateAsync();
        var store = new BlobSiteStore(container);

        Assert.True(await store.WriteAsync(new SiteFile("index.html", Encoding.UTF8.GetBytes("<p>Hi</p>"), ContentTypes.Html)));

        Assert.Equal(azurite.BlobEndpoint.AbsoluteUri.TrimEnd('/'), client.Uri.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("<p>Hi</p>", Encoding.UTF8.GetString((await store.ReadAsync("index.html"))!));
    }

    [Fact]
    public void Development_storage_points_at_the_default_emulator_endpoint()
    {
        var client = BlobServiceClientFactory.Create(Configuration(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }));

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), client.Uri);
        Assert.Equal(AzuriteFixture.AccountName, client.AccountName);
        Assert.True(client.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Identity_based_app_settings_build_a_client_for_the_service_uri_without_a_key()
    {
        // The app settings the infrastructure deploys, read through the environment as the Functions host reads them.
        var prefix = $"BLOGTEST{Guid.NewGuid():N}_";
        var settings = new Dictionary<string, string>
        {
            [$"{prefix}AzureWebJobsStorage__blobServiceUri"] = ServiceUri,
            [$"{prefix}AzureWebJobsStorage__credential"] = "managedidentity",
            [$"{prefix}AzureWebJobsStorage__clientId"] = ClientId,
        };
        try
        {
            foreach (var (name, value) in settings)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            var client = BlobServiceClientFactory.Create(configuration);

            Assert.Equal(new Uri(ServiceUri), client.Uri);
            Assert.Equal("stblogexample", client.AccountName);
            Assert.False(client.CanGenerateAccountSasUri);
            Assert.IsType<ManagedIdentityCredential>(BlobServiceClientFactory.CreateCredential(configuration.GetSection("AzureWebJobsStorage")));
        }
        finally
        {
            foreach (var name in settings.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public void Without_a_managed_identity_credential_setting_the_default_chain_is_used()
    {
        var section = Configuration(new() { ["AzureWebJobsStorage:blobServiceUri"] = ServiceUri }).GetSection("AzureWebJobsStorage");

        Assert.IsType<DefaultAzureCredential>(BlobServiceClientFactory.CreateCredential(section));
    }

    [Fact]
    public void An_account_name_alone_selects_the_default_blob_endpoint()
    {
        var client = BlobServiceClientFactory.Create(Configuration(new() { ["AzureWebJobsStorage:accountName"] = "stblogexample" }));

        Assert.Equal(new Uri(ServiceUri), client.Uri);
    }

    [Fact]
    public void Another_connection_name_is_read_from_its_own_settings()
    {
        var client = BlobServiceClientFactory.Create(
            Configuration(new() { ["PostsStorage:blobServiceUri"] = ServiceUri, ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }),
            "PostsStorage");

        Assert.Equal(new Uri(ServiceUri), client.Uri);
    }

    [Fact]
    public void A_missing_connection_names_the_settings_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BlobServiceClientFactory.Create(Configuration(new())));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clients_retry_single_requests_exponentially_with_a_network_timeout()
    {
        var retry = BlobServiceClientFactory.CreateClientOptions().Retry;

        Assert.Equal(RetryMode.Exponential, retry.Mode);
        Assert.Equal(StorageRetryDefaults.MaxRetries, retry.MaxRetries);
        Assert.Equal(StorageRetryDefaults.Delay, retry.Delay);
        Assert.Equal(StorageRetryDefaults.MaxDelay, retry.MaxDelay);
        Assert.Equal(StorageRetryDefaults.NetworkTimeout, retry.NetworkTimeout);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

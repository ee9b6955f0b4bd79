using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessBlog.Hosting;

namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// The blog's services as every host registers them (<c>AddServerlessBlog</c>), on containers of their own in Azurite,
/// with a fixed clock: the trigger path without the trigger's polling.
/// </summary>
internal sealed class BlogServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private BlogServices(ServiceProvider provider)
    {
        _provider = provider;
    }

    public PostBlobHandler Handler => _provider.GetRequiredService<PostBlobHandler>();

    public BlogContainers Containers => _provider.GetRequiredService<BlogContainers>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <param name="azurite">The Azurite the containers are made in.</param>
    /// <param name="baseUrl">The site's base URL.</param>
    /// <param name="now">The fixed time of the blog's clock.</param>
    /// <param name="settings">Settings over the containers' and base URL's.</param>
    /// <param name="configure">Changes to the registrations, made last: a test's decorator of a service.</param>
    public static async Task<BlogServices> CreateAsync(AzuriteFixture azurite, string baseUrl, DateTimeOffset now, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Blog:PostsContainer"] = $"posts-{suffix}",
            ["Blog:SiteContainer"] = $"web-{suffix}",
            ["Blog:StateContainer"] = $"state-{suffix}",
            ["Blog:BaseUrl"] = baseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection().AddLogging().AddServerlessBlog(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new MutableTimeProvider(now)));
        configure?.Invoke(services);
        var blog = new BlogServices(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
        await blog.Containers.EnsureCreatedAsync();
        return blog;
    }

    /// <summary>Every blob of <paramref name="container"/> with its bytes.</summary>
    public static async Task<Dictionary<string, byte[]>> SnapshotAsync(BlobContainerClient container)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync())
        {
            try
            {
                files[blob.Name] = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            }
            catch (global::Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted by a live host between the listing and the download: it is not part of the site any more.
            }
        }

        return files;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ServerlessBlog.LocalHost;

namespace ServerlessBlog.Integration.Tests;

/// <summary>One local trigger host on Azurite, on containers of its own, with a clock the tests move.</summary>
public sealed class LocalHostFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string BaseUrl = "https://local.example/";
    private IHost? _host;

    public MutableTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    public BlobContainerClient Posts { get; private set; } = null!;

    public BlobContainerClient Site { get; private set; } = null!;

    public BlobContainerClient State { get; private set; } = null!;

    internal SiteReader Reader => new(Site);

    public async Task InitializeAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        Posts = azurite.BlobService.GetBlobContainerClient($"posts-{suffix}");
        Site = azurite.BlobService.GetBlobContainerClient($"web-{suffix}");
        State = azurite.BlobService.GetBlobContainerClient($"state-{suffix}");
        _host = LocalHostBuilder.Build(
            [
                $"--AzureWebJobsStorage={azurite.ConnectionString}",
                $"--Blog:PostsContainer={Posts.Name}",
                $"--Blog:SiteContainer={Site.Name}",
                $"--Blog:StateContainer={State.Name}",
                $"--Blog:BaseUrl={BaseUrl}",
                "--Blog:FeedItems=300",
                "--LocalHost:ReconcileInterval=00:00:02",
            ],
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
        await LocalHostBuilder.PrepareAsync(_host);
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}

using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Functions;
using ServerlessBlog.Hosting;

namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// The Functions app's adapter lines: its container is built with the same registration call as Program.cs, and
/// its function classes are called as the runtime would, against Azurite.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class FunctionsAppTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    private ServiceProvider _services = null!;

    private BlogContainers Containers => _services.GetRequiredService<BlogContainers>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Blog:PostsContainer"] = $"posts-{_suffix}",
            ["Blog:SiteContainer"] = $"web-{_suffix}",
            ["Blog:StateContainer"] = $"state-{_suffix}",
            ["Blog:BaseUrl"] = "https://functions.example/",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddServerlessBlog(configuration);
        services.AddTransient<PublishPost>().AddTransient<UnpublishPost>().AddTransient<Reconcile>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await Containers.EnsureCreatedAsync();
    }

    [Fact]
    public async Task PublishPost_publishes_the_uploaded_blob_and_UnpublishPost_takes_it_off_on_a_BlobDeleted_event()
    {
        var blob = Containers.Posts.GetBlobClient("events/hello.md");
        await blob.UploadAsync(BinaryData.FromString("---\ntitle: From the function\ndate: 2025-01-01\n---\nHi.\n"));

        await _services.GetRequiredService<PublishPost>().RunAsync(blob, "events/hello.md", CancellationToken.None);

        var site = new SiteReader(Containers.Site);
        Assert.Contains("From the function", await site.ReadAsync("posts/hello/index.html"), StringComparison.Ordinal);

        await blob.DeleteAsync();
        var deleted = $$$"""{"subject":"/blobServices/default/containers/{{{Containers.Posts.Name}}}/blobs/events/hello.md","eventType":"Microsoft.Storage.BlobDeleted","data":{"api":"DeleteBlob"}}""";
        await _services.GetRequiredService<UnpublishPost>().RunAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(deleted)), CancellationToken.None);

        Assert.Null(await site.ReadAsync("posts/hello/index.html"));
        Assert.DoesNotContain("From the function", await site.ReadAsync("feed.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_publishes_what_no_event_announced_and_a_second_run_changes_nothing()
    {
        await Containers.Posts.GetBlobClient("missed.md").UploadAsync(BinaryData.FromString("---\ntitle: Missed event\ndate: 2025-01-02\n---\nText.\n"));
        var handler = _services.GetRequiredService<PostBlobHandler>();

        await _services.GetRequiredService<Reconcile>().RunAsync(new TimerInfo(), CancellationToken.None);
        var second = await handler.ReconcileAsync();

        Assert.Contains("Missed event", await new SiteReader(Containers.Site).ReadAsync("posts/missed/index.html"), StringComparison.Ordinal);
        Assert.True(second.InSync);
    }

    [Fact]
    public async Task Reconcile_catches_an_edit_that_no_trigger_saw_even_within_the_same_second()
    {
        var blob = Containers.Posts.GetBlobClient("quick.md");
        await blob.UploadAsync(BinaryData.FromString("---\ntitle: Quick one\ndate: 2025-01-03\n---\nOne.\n"));
        await _services.GetRequiredService<PublishPost>().RunAsync(blob, "quick.md", CancellationToken.None);

        // Blob times have a resolution of one second: only the ETag tells this write from the one before.
        await blob.UploadAsync(BinaryData.FromString("---\ntitle: Quick two\ndate: 2025-01-03\n---\nTwo.\n"), overwrite: true);
        await _services.GetRequiredService<PostBlobHandler>().ReconcileAsync();

        Assert.Contains("Quick two", await new SiteReader(Containers.Site).ReadAsync("posts/quick/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_are_validated_when_they_are_first_used()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Blog:BaseUrl"] = "not a url",
            ["Blog:PostsPerPage"] = "0",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddServerlessBlog(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BlogOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains("BaseUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("PostsPerPage", StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_that_are_not_blob_deletions_of_the_posts_container_are_ignored()
    {
        Assert.False(BlobEventMessage.TryRead("not json", "posts", out _, out _));
        Assert.True(BlobEventMessage.TryRead("""{"subject":"/blobServices/default/containers/other/blobs/a.md","eventType":"Microsoft.Storage.BlobDeleted"}""", "other", out _, out var name));
        Assert.Equal("a.md", name);
        Assert.False(BlobEventMessage.TryRead("""{"subject":"/blobServices/default/containers/other/blobs/a.md","eventType":"Microsoft.Storage.BlobDeleted"}""", "posts", out _, out _));
        Assert.True(BlobEventMessage.TryRead("""[{"subject":"/blobServices/default/containers/posts/blobs/x/y.md","type":"Microsoft.Storage.BlobDeleted","specversion":"1.0"}]""", "posts", out var type, out name));
        Assert.Equal(("Microsoft.Storage.BlobDeleted", "x/y.md"), (type, name));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();
}

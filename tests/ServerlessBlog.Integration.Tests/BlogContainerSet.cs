using Azure.Storage.Blobs;
using ServerlessBlog.Core.Configuration;

namespace ServerlessBlog.Integration.Tests;

/// <summary>Posts, site and state containers of a test's own on Azurite, and the environment that points the CLI at them.</summary>
internal sealed class BlogContainerSet
{
    private BlogContainerSet(AzuriteFixture azurite, string suffix)
    {
        Azurite = azurite;
        Posts = azurite.BlobService.GetBlobContainerClient($"posts-{suffix}");
        Site = azurite.BlobService.GetBlobContainerClient($"web-{suffix}");
        State = azurite.BlobService.GetBlobContainerClient($"state-{suffix}");
    }

    public AzuriteFixture Azurite { get; }

    public BlobContainerClient Posts { get; }

    public BlobContainerClient Site { get; }

    public BlobContainerClient State { get; }

    public SiteReader Reader => new(Site);

    public Dictionary<string, string> Environment => EnvironmentFor(Posts, Site, State);

    /// <summary>The <c>Blog__*Container</c> variables that name these containers to the CLI.</summary>
    public static Dictionary<string, string> EnvironmentFor(BlobContainerClient posts, BlobContainerClient site, BlobContainerClient state) => new()
    {
        [$"{BlogOptions.SectionName}__{nameof(BlogOptions.PostsContainer)}"] = posts.Name,
        [$"{BlogOptions.SectionName}__{nameof(BlogOptions.SiteContainer)}"] = site.Name,
        [$"{BlogOptions.SectionName}__{nameof(BlogOptions.StateContainer)}"] = state.Name,
    };

    public static async Task<BlogContainerSet> CreateAsync(AzuriteFixture azurite)
    {
        var set = new BlogContainerSet(azurite, Guid.NewGuid().ToString("N")[..10]);
        foreach (var container in new[] { set.Posts, set.Site, set.State })
        {
            await container.CreateAsync();
        }

        return set;
    }

    /// <summary>Every blob of the site container with its bytes.</summary>
    public async Task<SortedDictionary<string, byte[]>> ReadSiteAsync()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var blob in Site.GetBlobsAsync())
        {
            files[blob.Name] = (await Site.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
        }

        return files;
    }
}

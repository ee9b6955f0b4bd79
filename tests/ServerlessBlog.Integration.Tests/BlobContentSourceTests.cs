using System.Text;
using Azure.Storage.Blobs;
using ServerlessBlog.Azure;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Integration.Tests;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class BlobContentSourceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Lists_nested_paths_with_their_sizes_and_times()
    {
        var container = await azurite.CreateContainerAsync("posts");
        await UploadAsync(container, "site.yaml", "title: Blog\n");
        await UploadAsync(container, "posts/2024/hello world.md", "# Hello\n\nWorld.\n");
        await UploadAsync(container, "images/logo.svg", "<svg/>");
        var source = new BlobContentSource(container);

        var entries = await source.ListAsync().ToListAsync();

        Assert.Equal(["images/logo.svg", "posts/2024/hello world.md", "site.yaml"], entries.Select(entry => entry.Path));
        foreach (var entry in entries)
        {
            var properties = (await container.GetBlobClient(entry.Path).GetPropertiesAsync()).Value;
            Assert.Equal(properties.ContentLength, entry.Length);
            Assert.Equal(properties.LastModified, entry.LastModified);
        }

        Assert.Equal(Encoding.UTF8.GetByteCount("# Hello\n\nWorld.\n"), entries[1].Length);
    }

    [Fact]
    public async Task Reads_the_bytes_of_an_entry()
    {
        var container = await azurite.CreateContainerAsync("posts");
        await UploadAsync(container, "posts/ünïcode.md", "---\ntitle: Ünïcode\n---\nBody ✓\n");
        var source = new BlobContentSource(container);
        var entry = Assert.Single(await source.ListAsync().ToListAsync());

        var file = await source.ReadAsync(entry);

        Assert.Equal("posts/ünïcode.md", file.Path);
        Assert.Equal("---\ntitle: Ünïcode\n---\nBody ✓\n", Encoding.UTF8.GetString(file.Content.Span));
        Assert.Equal(entry.LastModified, file.LastModified);
    }

    [Fact]
    public async Task Reading_an_entry_deleted_since_it_was_listed_throws_file_not_found()
    {
        var container = await azurite.CreateContainerAsync("posts");
        await UploadAsync(container, "posts/gone.md", "# Gone\n");
        var source = new BlobContentSource(container);
        var entry = Assert.Single(await source.ListAsync().ToListAsync());
        await container.DeleteBlobAsync(entry.Path);

        await Assert.ThrowsAsync<FileNotFoundException>(async () => await source.ReadAsync(entry));
    }

    [Fact]
    public async Task An_empty_container_lists_nothing()
    {
        var source = new BlobContentSource(await azurite.CreateContainerAsync("posts"));

        Assert.Empty(await source.ListAsync().ToListAsync());
    }

    private static async Task UploadAsync(BlobContainerClient container, string path, string text) =>
        await container.GetBlobClient(path).UploadAsync(BinaryData.FromString(text));
}

using ServerlessBlog.Cli.Uploading;

namespace ServerlessBlog.Integration.Tests;

/// <summary>What <c>blog dev</c> deletes from the posts container when a rescan finds files gone from disk.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ContentUploaderTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("", new[] { "posts/gone.md", "posts/old/image.png", "about.md" })]
    [InlineData("posts", new[] { "posts/gone.md", "posts/old/image.png" })]
    public async Task A_rescan_deletes_the_uploaded_files_no_longer_on_disk_and_nothing_else(string folder, string[] expectedDeleted)
    {
        var posts = await azurite.CreateContainerAsync("rescan");
        foreach (var name in new[] { "posts/kept.md", "posts/gone.md", "posts/old/image.png", "about.md", "_theme/post.liquid", ".hidden.md" })
        {
            await posts.GetBlobClient(name).UploadAsync(BinaryData.FromString("x"));
        }

        var deleted = await new ContentUploader(posts).DeleteMissingAsync(folder, new HashSet<string>(["posts/kept.md"]), CancellationToken.None);

        Assert.Equal(expectedDeleted.Order(StringComparer.Ordinal), deleted.Order(StringComparer.Ordinal));
        var left = new List<string>();
        await foreach (var blob in posts.GetBlobsAsync())
        {
            left.Add(blob.Name);
        }

        Assert.Contains("_theme/post.liquid", left);
        Assert.Contains(".hidden.md", left);
        Assert.Contains("posts/kept.md", left);
        await posts.DeleteAsync();
    }
}

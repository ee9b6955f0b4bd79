using ServerlessBlog.Cli.Uploading;

namespace ServerlessBlog.Integration.Tests;

/// <summary>What <c>blog dev</c> deletes from the posts container when a rescan finds files gone from disk.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ContentUploaderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_undated_post_uploaded_by_the_cli_takes_its_file_s_time_as_blog_build_gives_it()
    {
        var folder = Directory.CreateTempSubdirectory("undated-").FullName;
        try
        {
            var local = Path.Combine(folder, "undated.md");
            await File.WriteAllTextAsync(local, "# Undated\n\nNo date anywhere.\n");
            File.SetLastWriteTimeUtc(local, new DateTime(2021, 3, 3, 8, 30, 0, DateTimeKind.Utc));
            await using var blog = await BlogServices.CreateAsync(azurite, "https://undated.example/", new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

            await new ContentUploader(blog.Containers.Posts).UploadAsync(new LocalContentFile(local, "posts/undated.md"), CancellationToken.None);
            await blog.Handler.PublishAsync("posts/undated.md");

            var page = await new SiteReader(blog.Containers.Site).ReadAsync("posts/undated/index.html");
            Assert.Contains("<time datetime=\"2021-03-03T08:30:00Z\">3 March 2021</time>", page, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("", new[] { "posts/gone.md", "posts/old/image.png", "about.md", "_theme/post.liquid" })]
    [InlineData("posts", new[] { "posts/gone.md", "posts/old/image.png" })]
    public async Task A_rescan_deletes_the_uploaded_files_no_longer_on_disk_and_nothing_else(string folder, string[] expectedDeleted)
    {
        var posts = await azurite.CreateContainerAsync("rescan");
        foreach (var name in new[] { "posts/kept.md", "posts/gone.md", "posts/old/image.png", "about.md", "_theme/post.liquid", "_theme/notes.txt", ".hidden.md" })
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

        // A theme file is content like a post; what the site never reads is left alone.
        Assert.Equal(folder.Length == 0, !left.Contains("_theme/post.liquid"));
        Assert.Contains("_theme/notes.txt", left);
        Assert.Contains(".hidden.md", left);
        Assert.Contains("posts/kept.md", left);
        await posts.DeleteAsync();
    }
}

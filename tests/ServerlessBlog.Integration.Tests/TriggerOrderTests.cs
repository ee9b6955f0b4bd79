using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessBlog.Core.Publishing;

namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// Triggers and events that reach the handler out of order (two saves in a row, a delete event that arrives after
/// the file was uploaded again, a post published before the post it links to) must leave the site showing the files
/// as they are now.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TriggerOrderTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_save_made_while_the_previous_one_is_published_is_published_by_the_same_trigger()
    {
        await using var blog = await BlogServices.CreateAsync(azurite, "https://order.example/", Now, configure: registrations =>
            registrations.Replace(ServiceDescriptor.Singleton<IPostPublisher>(provider => new SaveDuringPublish(
                ActivatorUtilities.CreateInstance<SitePublisher>(provider),
                () => provider.GetRequiredService<Hosting.BlogContainers>().Posts.GetBlobClient("quick.md").UploadAsync(Post("Second save"), overwrite: true)))));
        await blog.Containers.Posts.GetBlobClient("quick.md").UploadAsync(Post("First save"));

        // The trigger of the first save downloads it, then the author saves again before it has published.
        await blog.Handler.PublishAsync("quick.md");

        var page = await new SiteReader(blog.Containers.Site).ReadAsync("posts/quick/index.html");
        Assert.Contains("Second save", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delete_event_that_arrives_after_the_file_was_uploaded_again_leaves_it_published()
    {
        await using var blog = await BlogServices.CreateAsync(azurite, "https://order.example/", Now);
        var blob = blog.Containers.Posts.GetBlobClient("again.md");
        await blob.UploadAsync(Post("First upload"));
        await blog.Handler.PublishAsync("again.md");
        await blob.DeleteAsync();
        await blob.UploadAsync(Post("Uploaded again"));
        await blog.Handler.PublishAsync("again.md");

        // Event Grid delivers the delete through a queue: it can come after the upload's own trigger.
        var deleted = $$$"""{"subject":"/blobServices/default/containers/{{{blog.Containers.Posts.Name}}}/blobs/again.md","eventType":"Microsoft.Storage.BlobDeleted"}""";
        await blog.Handler.HandleDeleteEventAsync(deleted);

        Assert.Contains("Uploaded again", await new SiteReader(blog.Containers.Site).ReadAsync("posts/again/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_published_before_the_post_it_links_to_is_published_again_with_that_post_s_address()
    {
        await using var blog = await BlogServices.CreateAsync(azurite, "https://order.example/", Now);
        await blog.Containers.Posts.GetBlobClient("posts/x.md").UploadAsync(BinaryData.FromString("---\ntitle: X\ndate: 2025-05-02\n---\nSee [y](y.md).\n"));
        await blog.Containers.Posts.GetBlobClient("posts/y.md").UploadAsync(BinaryData.FromString("---\ntitle: Y\nslug: chosen\ndate: 2025-05-01\n---\nY.\n"));

        // A bulk upload starts its triggers in any order.
        await blog.Handler.PublishAsync("posts/x.md");
        await blog.Handler.PublishAsync("posts/y.md");

        var page = await new SiteReader(blog.Containers.Site).ReadAsync("posts/x/index.html");
        Assert.Contains("href=\"https://order.example/posts/chosen/\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_renamed_with_its_slug_kept_stays_published_when_the_new_name_is_handled_first()
    {
        await using var blog = await BlogServices.CreateAsync(azurite, "https://order.example/", Now);
        var oldName = blog.Containers.Posts.GetBlobClient("posts/2025-05-01-foo.md");
        await oldName.UploadAsync(Post("Foo"));
        await blog.Handler.PublishAsync("posts/2025-05-01-foo.md");

        // Renamed: the new name's trigger runs first, then the old name's delete event.
        await blog.Containers.Posts.GetBlobClient("posts/2025-05-03-foo.md").UploadAsync(Post("Foo"));
        var refused = await blog.Handler.PublishAsync("posts/2025-05-03-foo.md");
        await oldName.DeleteAsync();
        await blog.Handler.UnpublishAsync("posts/2025-05-01-foo.md");

        Assert.Equal(PublishOutcome.Rejected, refused.Outcome);
        Assert.Contains("Foo", await new SiteReader(blog.Containers.Site).ReadAsync("posts/foo/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aliases_in_blob_storage_are_settled_whatever_order_the_triggers_run_in()
    {
        await using var blog = await BlogServices.CreateAsync(azurite, "https://order.example/", Now);
        var files = new Dictionary<string, string>
        {
            ["posts/z.md"] = "---\ntitle: Z\ndate: 2025-05-03\naliases: [/posts/x/, /shared/]\n---\nZ.\n",
            ["posts/x.md"] = "---\ntitle: X\ndate: 2025-05-02\n---\nX.\n",
            ["posts/a.md"] = "---\ntitle: A\ndate: 2025-05-01\naliases: [/shared/]\n---\nA.\n",
        };
        foreach (var (name, text) in files)
        {
            await blog.Containers.Posts.GetBlobClient(name).UploadAsync(BinaryData.FromString(text));
            await blog.Handler.PublishAsync(name);
        }

        // X keeps its page against Z's alias, and a.md, whose path sorts first, has the shared alias.
        var site = new SiteReader(blog.Containers.Site);
        Assert.DoesNotContain("https://order.example/posts/z/", await site.ReadAsync("posts/x/index.html"), StringComparison.Ordinal);
        Assert.Contains("https://order.example/posts/a/", await site.ReadAsync("shared/index.html"), StringComparison.Ordinal);

        // X's address goes to the post claiming it, and the shared alias to the one left.
        foreach (var name in new[] { "posts/x.md", "posts/a.md" })
        {
            await blog.Containers.Posts.GetBlobClient(name).DeleteAsync();
            await blog.Handler.UnpublishAsync(name);
        }

        Assert.Contains("https://order.example/posts/z/", await site.ReadAsync("posts/x/index.html"), StringComparison.Ordinal);
        Assert.Contains("https://order.example/posts/z/", await site.ReadAsync("shared/index.html"), StringComparison.Ordinal);
    }

    private static BinaryData Post(string title) =>
        BinaryData.FromString($"---\ntitle: {title}\ndate: 2025-05-01\n---\n{title}.\n");
}

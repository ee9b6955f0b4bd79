using System.Text;
using Azure.Storage.Blobs;
using ServerlessBlog.Azure;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Integration.Tests;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class BlobSiteStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Sets_the_content_type_with_its_charset_and_the_cache_policy()
    {
        var (container, store) = await CreateStoreAsync();

        Assert.True(await store.WriteAsync(Html("index.html", "<h1>Home</h1>")));
        Assert.True(await store.WriteAsync(new SiteFile("images/logo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }, ContentTypes.ForPath("logo.png"))));

        var page = (await container.GetBlobClient("index.html").GetPropertiesAsync()).Value;
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Equal(ContentTypes.ShortCache, page.CacheControl);
        var image = (await container.GetBlobClient("images/logo.png").GetPropertiesAsync()).Value;
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(ContentTypes.LongCache, image.CacheControl);
    }

    [Fact]
    public async Task Writing_the_same_bytes_again_changes_nothing()
    {
        var (container, store) = await CreateStoreAsync();
        Assert.True(await store.WriteAsync(Html("posts/hello/index.html", "<p>Hello</p>")));
        var before = (await container.GetBlobClient("posts/hello/index.html").GetPropertiesAsync()).Value;

        var written = await store.WriteAsync(Html("posts/hello/index.html", "<p>Hello</p>"));

        var after = (await container.GetBlobClient("posts/hello/index.html").GetPropertiesAsync()).Value;
        Assert.False(written);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.LastModified, after.LastModified);
    }

    [Fact]
    public async Task Changed_bytes_are_rewritten()
    {
        var (container, store) = await CreateStoreAsync();
        await store.WriteAsync(Html("about/index.html", "<p>Before</p>"));
        var before = (await container.GetBlobClient("about/index.html").GetPropertiesAsync()).Value;

        Assert.True(await store.WriteAsync(Html("about/index.html", "<p>After</p>")));

        var after = (await container.GetBlobClient("about/index.html").GetPropertiesAsync()).Value;
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal("<p>After</p>", Encoding.UTF8.GetString((await store.ReadAsync("about/index.html"))!));
        Assert.Equal(ContentTypes.Html, after.ContentType);
    }

    [Fact]
    public async Task The_same_bytes_served_as_another_type_are_rewritten()
    {
        var (container, store) = await CreateStoreAsync();
        var bytes = Encoding.UTF8.GetBytes("<rss/>");
        await store.WriteAsync(new SiteFile("feed", bytes, ContentTypes.OctetStream));

        Assert.True(await store.WriteAsync(new SiteFile("feed", bytes, "application/xml; charset=utf-8")));

        var properties = (await container.GetBlobClient("feed").GetPropertiesAsync()).Value;
        Assert.Equal("application/xml; charset=utf-8", properties.ContentType);
        Assert.Equal(ContentTypes.ShortCache, properties.CacheControl);
    }

    [Fact]
    public async Task An_empty_file_is_written_once()
    {
        var (_, store) = await CreateStoreAsync();

        Assert.True(await store.WriteAsync(new SiteFile(".nojekyll", ReadOnlyMemory<byte>.Empty, ContentTypes.PlainText)));
        Assert.False(await store.WriteAsync(new SiteFile(".nojekyll", ReadOnlyMemory<byte>.Empty, ContentTypes.PlainText)));
        Assert.Empty((await store.ReadAsync(".nojekyll"))!);
    }

    [Fact]
    public async Task Reads_deletes_and_lists_files()
    {
        var (_, store) = await CreateStoreAsync();
        foreach (var path in new[] { "index.html", "posts/b/index.html", "posts/a/index.html", "tags/x/index.html" })
        {
            await store.WriteAsync(Html(path, path));
        }

        Assert.Equal(["posts/a/index.html", "posts/b/index.html"], await store.ListAsync("posts/").ToListAsync());
        Assert.Equal(4, (await store.ListAsync().ToListAsync()).Count);
        Assert.Equal("posts/b/index.html", Encoding.UTF8.GetString((await store.ReadAsync("posts/b/index.html"))!));

        await store.DeleteAsync("posts/b/index.html");
        await store.DeleteAsync("posts/never-written/index.html");

        Assert.Null(await store.ReadAsync("posts/b/index.html"));
        Assert.Equal(["posts/a/index.html"], await store.ListAsync("posts/").ToListAsync());
    }

    [Fact]
    public async Task A_path_with_unicode_and_spaces_round_trips()
    {
        const string Path = "posts/café au lait/naïve résumé ✓.html";
        var (container, store) = await CreateStoreAsync();

        Assert.True(await store.WriteAsync(Html(Path, "<p>☕</p>")));
        Assert.False(await store.WriteAsync(Html(Path, "<p>☕</p>")));

        Assert.Equal("<p>☕</p>", Encoding.UTF8.GetString((await store.ReadAsync(Path))!));
        Assert.Equal([Path], await store.ListAsync("posts/café").ToListAsync());
        Assert.True(await container.GetBlobClient(Path).ExistsAsync());
        await store.DeleteAsync(Path);
        Assert.Empty(await store.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task A_page_another_instance_changed_is_written_back_even_with_the_bytes_this_one_wrote_before()
    {
        var (container, mine) = await CreateStoreAsync();
        var other = new BlobSiteStore(container);
        await mine.WriteAsync(Html("index.html", "<p>Mine</p>"));
        await other.WriteAsync(Html("index.html", "<p>Theirs</p>"));

        var written = await mine.WriteAsync(Html("index.html", "<p>Mine</p>"));

        Assert.True(written);
        Assert.Equal("<p>Mine</p>", Encoding.UTF8.GetString((await other.ReadAsync("index.html"))!));
    }

    [Fact]
    public async Task A_page_deleted_by_another_instance_is_written_again()
    {
        var (container, mine) = await CreateStoreAsync();
        await mine.WriteAsync(Html("feed.xml", "<rss/>"));
        await new BlobSiteStore(container).DeleteAsync("feed.xml");

        Assert.True(await mine.WriteAsync(Html("feed.xml", "<rss/>")));
        Assert.True(await container.GetBlobClient("feed.xml").ExistsAsync());
    }

    private async Task<(BlobContainerClient Container, BlobSiteStore Store)> CreateStoreAsync()
    {
        var container = await azurite.CreateContainerAsync("web");
        return (container, new BlobSiteStore(container));
    }

    private static SiteFile Html(string path, string html) => new(path, Encoding.UTF8.GetBytes(html), ContentTypes.Html);
}

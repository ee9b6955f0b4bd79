using Azure.Storage.Blobs;
using ServerlessBlog.Azure;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Integration.Tests;

/// <summary>Paths are checked before any request: no emulator needed.</summary>
public sealed class BlobPathTests
{
    private static readonly BlobContainerClient Unreachable = new(new Uri("http://127.0.0.1:9/devstoreaccount1/site"));

    [Theory]
    [InlineData("../posts/hello.md")]
    [InlineData("posts/../../state/index.json")]
    [InlineData("./index.html")]
    [InlineData("/index.html")]
    [InlineData("posts//index.html")]
    [InlineData("posts\\index.html")]
    [InlineData("posts/")]
    [InlineData("")]
    public async Task Stores_refuse_a_path_that_is_not_plain_and_relative(string path)
    {
        var site = new BlobSiteStore(Unreachable);
        var state = new BlobStateStore(Unreachable);

        await Assert.ThrowsAsync<ArgumentException>(async () => await site.WriteAsync(new SiteFile(path, new byte[] { 1 }, ContentTypes.OctetStream)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await site.ReadAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(async () => await state.TryWriteAsync(path, new byte[] { 1 }, null));
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("posts/café au lait/index.html")]
    [InlineData("posts/v1.2/..hidden")]
    public void Plain_relative_paths_are_accepted(string path) => Assert.Equal(path, BlobPath.Validate(path));

    [Theory]
    [InlineData("")]
    [InlineData("posts/")]
    [InlineData("posts/2024-")]
    public void Prefixes_may_end_anywhere(string prefix) => Assert.Equal(prefix, BlobPath.ValidatePrefix(prefix));

    [Fact]
    public async Task Listing_refuses_a_prefix_that_climbs_out()
    {
        var site = new BlobSiteStore(Unreachable);

        await Assert.ThrowsAsync<ArgumentException>(async () => await site.ListAsync("../").ToListAsync());
    }
}

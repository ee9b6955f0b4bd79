using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessBlog.Azure;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Testing;

namespace ServerlessBlog.Integration.Tests;

/// <summary><c>blog rebuild</c> on Azurite: the whole site again, the same as <c>blog build</c>, idempotent, and the incremental state left usable.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class CliRebuildTests(AzuriteFixture azurite)
{
    private const string BaseUrl = "https://rebuild.example/";

    [Fact]
    public async Task Rebuild_gives_the_site_a_whole_build_gives_twice_over_and_publishing_afterwards_still_matches_a_build()
    {
        var blog = await BlogContainerSet.CreateAsync(azurite);
        var content = SampleBlog.CopyToTemporaryFolder("cli-content-");
        try
        {
            Assert.Equal(0, (await BlogCli.RunAsync(["publish", content, "--connection-string", azurite.ConnectionString], blog.Environment)).ExitCode);
            await blog.Site.GetBlobClient("stale/old.html").UploadAsync(BinaryData.FromString("<p>from an older theme</p>"));

            var first = await RebuildAsync(blog, content);
            Assert.Equal(0, first.ExitCode);
            Assert.Matches(@"^Rebuilt https://rebuild\.example/ in \d+\.\d\d s: 4 posts published, 2 pending, 0 failed, 1 assets; \d+ site files, \d+ written, 1 deleted$", first.StandardOutput.Trim());
            await AssertSiteEqualsBuildAsync(blog, content);

            var tags = await EtagsAsync(blog);
            var second = await RebuildAsync(blog, content);
            Assert.Equal(0, second.ExitCode);
            Assert.EndsWith(" site files, 0 written, 0 deleted", second.StandardOutput.Trim(), StringComparison.Ordinal);
            Assert.Equal(tags, await EtagsAsync(blog));

            const string extra = "---\ntitle: After the rebuild\ndate: 2025-03-20\ntags: [dotnet]\n---\nStill incremental.\n";
            await File.WriteAllTextAsync(Path.Combine(content, "posts", "after.md"), extra);
            var publisher = new SitePublisher(Options.Create(new BlogOptions { BaseUrl = BaseUrl, Title = "ServerlessBlog Sample", Description = "A small blog published by ServerlessBlog, from Markdown to a static website.", Author = "Ada Writer", PostsPerPage = 5 }),
                new BlobSiteStore(blog.Site), new BlobStateStore(blog.State), TimeProvider.System, NullLogger<SitePublisher>.Instance);
            var result = await publisher.PublishAsync(new ContentFile("posts/after.md", System.Text.Encoding.UTF8.GetBytes(extra), DateTimeOffset.UtcNow));

            Assert.Equal(PublishOutcome.Published, result.Outcome);
            await AssertSiteEqualsBuildAsync(blog, content);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    private static Task<CliResult> RebuildAsync(BlogContainerSet blog, string content) =>
        BlogCli.RunAsync(["rebuild", "--content", content, "--base-url", BaseUrl, "--connection-string", blog.Azurite.ConnectionString], blog.Environment);

    private static async Task AssertSiteEqualsBuildAsync(BlogContainerSet blog, string content)
    {
        var output = Directory.CreateTempSubdirectory("rebuild-expected-").FullName;
        try
        {
            var build = await BlogCli.RunAsync(["build", content, "--out", output, "--base-url", BaseUrl]);
            Assert.Equal(0, build.ExitCode);
            var expected = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .ToDictionary(file => Path.GetRelativePath(output, file).Replace('\\', '/'), File.ReadAllBytes);
            var actual = await blog.ReadSiteAsync();

            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys);
            Assert.All(actual, pair => Assert.True(expected[pair.Key].AsSpan().SequenceEqual(pair.Value), $"{pair.Key} differs from blog build's"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<Dictionary<string, string>> EtagsAsync(BlogContainerSet blog)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var item in blog.Site.GetBlobsAsync())
        {
            tags[item.Name] = item.Properties.ETag.ToString()!;
        }

        return tags;
    }
}

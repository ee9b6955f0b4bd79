using ServerlessBlog.Testing;

namespace ServerlessBlog.Integration.Tests;

/// <summary><c>blog publish --wait</c> and <c>blog status</c> against the local trigger host on Azurite.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class CliPublishTests(AzuriteFixture azurite, LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Publish_uploads_with_content_types_waits_and_prints_each_url_or_reason_and_status_lists_them()
    {
        var content = SampleBlog.CopyToTemporaryFolder("cli-content-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(content, "posts", "broken.md"), "---\ntitle: Broken\ndate: not a date\n---\nBody.\n");
            var environment = BlogContainerSet.EnvironmentFor(host.Posts, host.Site, host.State);

            var publish = await BlogCli.RunAsync(["publish", content, "--wait", "--connection-string", azurite.ConnectionString, "--base-url", LocalHostFixture.BaseUrl], environment);

            Assert.Equal(2, publish.ExitCode);
            Assert.Contains("Uploaded 8 files (7 posts, 1 assets)", publish.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("posts/writing-code.md: https://local.example/posts/writing-code/", publish.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("posts/draft-post.md: the post is a draft (pending)", publish.StandardOutput, StringComparison.Ordinal);
            Assert.Equal("posts/broken.md:3: 'date' is not a date: 'not a date' (write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)", Assert.Single(publish.ErrorLines));
            Assert.Equal("text/markdown; charset=utf-8", (await host.Posts.GetBlobClient("posts/writing-code.md").GetPropertiesAsync()).Value.ContentType);
            Assert.Equal("image/svg+xml", (await host.Posts.GetBlobClient("images/logo.svg").GetPropertiesAsync()).Value.ContentType);
            Assert.NotNull(await host.Reader.ReadAsync("posts/writing-code/index.html"));

            var status = await BlogCli.RunAsync(["status", "--connection-string", azurite.ConnectionString, "--base-url", LocalHostFixture.BaseUrl], environment);

            Assert.Equal(0, status.ExitCode);
            Assert.Contains("Published (4):", status.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("  posts/writing-code.md  https://local.example/posts/writing-code/", status.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("Failed (1):\n  posts/broken.md:3: 'date' is not a date", status.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("Pending (2):", status.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("  posts/from-the-future.md: the post is scheduled for 2999-01-01T00:00:00Z", status.StandardOutput, StringComparison.Ordinal);
            Assert.Equal("4 published, 1 failed, 2 pending, 0 not yet processed, 1 assets", status.StandardOutput.Trim().Split('\n')[^1]);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task Publishing_one_file_keeps_its_path_under_the_folder_holding_site_yaml()
    {
        var content = SampleBlog.CopyToTemporaryFolder("cli-content-");
        try
        {
            var environment = BlogContainerSet.EnvironmentFor(host.Posts, host.Site, host.State);
            var post = Path.Combine(content, "posts", "2025", "2025-01-12-hello-world.md");

            var publish = await BlogCli.RunAsync(["publish", post, "--wait", "--connection-string", azurite.ConnectionString, "--base-url", LocalHostFixture.BaseUrl], environment);

            Assert.Equal(0, publish.ExitCode);
            Assert.Contains("posts/2025/2025-01-12-hello-world.md: https://local.example/posts/hello-world/", publish.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }
}

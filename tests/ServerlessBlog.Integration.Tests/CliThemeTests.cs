using ServerlessBlog.Testing;

namespace ServerlessBlog.Integration.Tests;

/// <summary><c>blog publish</c> and <c>blog status</c> with a theme, against a local trigger host of its own on Azurite.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class CliThemeTests(AzuriteFixture azurite, LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Publish_uploads_the_theme_waits_for_it_and_reports_a_theme_that_is_refused()
    {
        var content = SampleBlog.CopyToTemporaryFolder("cli-theme-");
        try
        {
            var theme = Directory.CreateDirectory(Path.Combine(content, "_theme")).FullName;
            await File.WriteAllTextAsync(Path.Combine(theme, "post.liquid"), "<article class=\"themed\"><h1>{{ post.title }}</h1>\n{{ post.content | raw }}</article>\n");
            await File.WriteAllTextAsync(Path.Combine(theme, "notes.txt"), "Not a file of the theme: not uploaded.");
            var environment = BlogContainerSet.EnvironmentFor(host.Posts, host.Site, host.State);
            string[] connection = ["--connection-string", azurite.ConnectionString, "--base-url", LocalHostFixture.BaseUrl];

            var publish = await BlogCli.RunAsync(["publish", content, "--wait", .. connection], environment);

            Assert.Equal(0, publish.ExitCode);
            Assert.Contains("Uploaded 8 files (6 posts, 1 assets, 1 theme files)", publish.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("_theme/post.liquid: in the theme of every page", publish.StandardOutput, StringComparison.Ordinal);
            Assert.False(await host.Posts.GetBlobClient("_theme/notes.txt").ExistsAsync());
            await host.Reader.WaitForAsync("posts/writing-code/index.html", html => html?.Contains("<article class=\"themed\">", StringComparison.Ordinal) == true);
            var status = await BlogCli.RunAsync(["status", .. connection], environment);
            Assert.EndsWith(", 1 assets, 1 theme files", status.StandardOutput.Trim(), StringComparison.Ordinal);

            await File.WriteAllTextAsync(Path.Combine(theme, "post.liquid"), "{% for %}");
            var refused = await BlogCli.RunAsync(["publish", Path.Combine(theme, "post.liquid"), "--wait", .. connection], environment);

            Assert.Equal(2, refused.ExitCode);
            Assert.Equal("_theme/post.liquid:1: the theme is not applied: post.liquid: Invalid 'for' tag at (1:7)", Assert.Single(refused.ErrorLines));
            Assert.Contains("<article class=\"themed\">", await host.Reader.ReadAsync("posts/writing-code/index.html"), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }
}

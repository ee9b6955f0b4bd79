namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// A theme uploaded to the posts container's <c>_theme/</c> reaches the live site through the real WebJobs blob
/// trigger on Azurite: every page is rendered again with it, later posts use it, a broken theme is refused with its
/// reason, and deleting the theme brings the default one back. A host of its own, as the theme is the whole site's.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class LocalHostThemeTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string ThemedPost = "<article class=\"themed\"><h1>{{ post.title }}</h1>\n{{ post.content | raw }}</article>\n";

    private async Task UploadAsync(string name, string text) =>
        await host.Posts.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true);

    [Fact]
    public async Task A_theme_upload_renders_the_site_again_a_broken_one_is_refused_and_deleting_it_brings_back_the_default()
    {
        await UploadAsync("before.md", "---\ntitle: Before the theme\ndate: 2025-05-01T10:00:00Z\naliases: [/old-before/]\n---\nFirst.\n");
        await host.Reader.WaitForAsync("posts/before/index.html", html => html?.Contains("<article class=\"post\">", StringComparison.Ordinal) == true);

        // Applied by the theme file's own trigger: the page published before it is rendered again.
        await UploadAsync("_theme/post.liquid", ThemedPost);
        await UploadAsync("_theme/style.css", "body { color: rebeccapurple; }\n");
        await host.Reader.WaitForAsync("posts/before/index.html", html => html?.Contains("<article class=\"themed\"><h1>Before the theme</h1>", StringComparison.Ordinal) == true);
        await host.Reader.WaitForAsync("theme/style.css", css => css == "body { color: rebeccapurple; }\n");
        var status = new SiteReader(host.State);
        await status.WaitForAsync("sources/_theme/post.liquid.json", json => json?.Contains("\"Published\"", StringComparison.Ordinal) == true);

        await UploadAsync("after.md", "---\ntitle: After the theme\ndate: 2025-05-02T10:00:00Z\n---\nSecond.\n");
        await host.Reader.WaitForAsync("posts/after/index.html", html => html?.Contains("<article class=\"themed\"><h1>After the theme</h1>", StringComparison.Ordinal) == true);

        await UploadAsync("_theme/post.liquid", "<h1>{{ post.title </h1>\n{% if %}\n");
        var refused = await status.WaitForAsync("sources/_theme/post.liquid.json", json => json?.Contains("\"Rejected\"", StringComparison.Ordinal) == true);
        Assert.Contains("the theme is not applied: post.liquid", refused, StringComparison.Ordinal);
        Assert.Contains("<article class=\"themed\"><h1>After the theme</h1>", await host.Reader.ReadAsync("posts/after/index.html"), StringComparison.Ordinal);

        await host.Posts.GetBlobClient("_theme/post.liquid").DeleteAsync();
        await host.Posts.GetBlobClient("_theme/style.css").DeleteAsync();
        await host.Reader.WaitForAsync("posts/before/index.html", html => html?.Contains("<article class=\"post\">", StringComparison.Ordinal) == true);
        await host.Reader.WaitForAsync("posts/after/index.html", html => html?.Contains("<article class=\"post\">", StringComparison.Ordinal) == true);
        await host.Reader.WaitForAsync("theme/style.css", css => css?.Contains("--accent", StringComparison.Ordinal) == true);
        await status.WaitForAsync("sources/_theme/post.liquid.json", json => json is null);
    }
}

using System.Text.RegularExpressions;

namespace ServerlessBlog.Integration.Tests;

/// <summary>The product's main job, through the real WebJobs blob trigger on Azurite: upload, edit, delete, schedule.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed partial class LocalHostEndToEndTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private async Task UploadAsync(string name, string text) =>
        await host.Posts.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true);

    [Fact]
    public async Task An_uploaded_post_reaches_its_page_the_index_its_tag_the_feeds_and_the_sitemap()
    {
        await UploadAsync("hello.md", "---\ntitle: Hello from the trigger\ndate: 2025-05-01T10:00:00Z\ntags: [greetings]\n---\nHello, **world**.\n");

        var page = await host.Reader.WaitForAsync("posts/hello/index.html", html => html is not null);
        Assert.Contains("<strong>world</strong>", page, StringComparison.Ordinal);
        Assert.Contains("/posts/hello/", await host.Reader.WaitForAsync("index.html", html => html?.Contains("/posts/hello/", StringComparison.Ordinal) == true), StringComparison.Ordinal);
        await host.Reader.WaitForAsync("tags/greetings/index.html", html => html?.Contains("Hello from the trigger", StringComparison.Ordinal) == true);
        await host.Reader.WaitForAsync("feed.xml", xml => xml?.Contains("<guid isPermaLink=\"true\">https://local.example/posts/hello/</guid>", StringComparison.Ordinal) == true);
        await host.Reader.WaitForAsync("atom.xml", xml => xml?.Contains("https://local.example/posts/hello/", StringComparison.Ordinal) == true);
        await host.Reader.WaitForAsync("feed.json", json => json?.Contains("https://local.example/posts/hello/", StringComparison.Ordinal) == true);
        await host.Reader.WaitForAsync("sitemap-posts-2025-05.xml", xml => xml?.Contains("<loc>https://local.example/posts/hello/</loc>", StringComparison.Ordinal) == true);
        var properties = (await host.Site.GetBlobClient("posts/hello/index.html").GetPropertiesAsync()).Value;
        Assert.Equal("text/html; charset=utf-8", properties.ContentType);
        Assert.Equal("public, max-age=300", properties.CacheControl);
    }

    [Fact]
    public async Task An_edited_post_is_updated_and_keeps_its_feed_id_and_a_deleted_post_is_taken_off_the_site()
    {
        await UploadAsync("edit-me.md", "---\ntitle: First version\ndate: 2025-05-02\ntags: [edits]\n---\nOne.\n");
        await host.Reader.WaitForAsync("posts/edit-me/index.html", html => html?.Contains("First version", StringComparison.Ordinal) == true);

        await UploadAsync("edit-me.md", "---\ntitle: Second version\ndate: 2025-05-02\ntags: [edits]\n---\nTwo.\n");
        await host.Reader.WaitForAsync("posts/edit-me/index.html", html => html?.Contains("Second version", StringComparison.Ordinal) == true);
        var feed = await host.Reader.WaitForAsync("feed.xml", xml => xml?.Contains("Second version", StringComparison.Ordinal) == true);
        Assert.Single(Regex.Matches(feed!, "<guid isPermaLink=\"true\">https://local.example/posts/edit-me/</guid>"));
        Assert.DoesNotContain("First version", feed, StringComparison.Ordinal);

        await host.Posts.GetBlobClient("edit-me.md").DeleteAsync();
        await host.Reader.WaitForAsync("posts/edit-me/index.html", html => html is null);
        await host.Reader.WaitForAsync("feed.xml", xml => xml?.Contains("/posts/edit-me/", StringComparison.Ordinal) == false);
        await host.Reader.WaitForAsync("tags/edits/index.html", html => html is null);
        await host.Reader.WaitForAsync("sitemap-posts-2025-05.xml", xml => xml?.Contains("/posts/edit-me/", StringComparison.Ordinal) != true);
    }

    [Fact]
    public async Task A_future_post_is_published_once_its_date_has_come()
    {
        await UploadAsync("later.md", "---\ntitle: Not yet\ndate: 2025-07-01T00:00:00Z\n---\nSoon.\n");
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Null(await host.Reader.ReadAsync("posts/later/index.html"));

        host.Time.Now = new DateTimeOffset(2025, 7, 1, 0, 0, 1, TimeSpan.Zero);

        await host.Reader.WaitForAsync("posts/later/index.html", html => html?.Contains("Not yet", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_bad_post_is_rejected_with_its_reason_recorded_and_the_published_version_stays_online()
    {
        await UploadAsync("fragile.md", "---\ntitle: Good version\ndate: 2025-04-01\n---\nFine.\n");
        await host.Reader.WaitForAsync("posts/fragile/index.html", html => html?.Contains("Good version", StringComparison.Ordinal) == true);

        await UploadAsync("fragile.md", "---\ntitle: [unclosed\n---\nBroken.\n");
        var status = new SiteReader(host.State);
        var record = await status.WaitForAsync("sources/fragile.md.json", json => json?.Contains("\"Rejected\"", StringComparison.Ordinal) == true);

        Assert.Contains("invalid YAML front matter", record, StringComparison.Ordinal);
        Assert.Contains("Good version", await host.Reader.ReadAsync("posts/fragile/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hundred_posts_uploaded_at_once_all_reach_the_archive_tags_feeds_and_sitemap_exactly_once()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"burst/post-{i:D3}.md").ToList();
        await Parallel.ForEachAsync(names.Select((name, i) => (name, i)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, _) =>
            await UploadAsync(item.name, $"---\ntitle: Burst {item.i:D3}\ndate: 2024-03-{1 + (item.i % 28):D2}T{item.i % 24:D2}:{item.i % 60:D2}:00Z\ntags: [burst, b{item.i % 5}]\n---\nPost {item.i}.\n"));

        var slugs = names.Select(name => Path.GetFileNameWithoutExtension(name)).ToList();
        var month = await host.Reader.WaitForAsync("archive/2024/03/index.html", html => html is not null && slugs.All(slug => html.Contains($"/posts/{slug}/\"", StringComparison.Ordinal)), TimeSpan.FromMinutes(4));
        var tag = await host.Reader.WaitForAsync("tags/burst/2024/index.html", html => html is not null && slugs.All(slug => html.Contains($"/posts/{slug}/\"", StringComparison.Ordinal)));
        var feed = await host.Reader.WaitForAsync("feed.xml", xml => xml is not null && slugs.All(slug => xml.Contains($"/posts/{slug}/</guid>", StringComparison.Ordinal)));
        var sitemap = await host.Reader.WaitForAsync("sitemap-posts-2024-03.xml", xml => xml is not null && slugs.All(slug => xml.Contains($"/posts/{slug}/</loc>", StringComparison.Ordinal)));
        foreach (var slug in slugs)
        {
            Assert.Single(Regex.Matches(month!, $"/posts/{slug}/\""));
            Assert.Single(Regex.Matches(tag!, $"/posts/{slug}/\""));
            Assert.Single(Regex.Matches(feed!, $"/posts/{slug}/</guid>"));
            Assert.Single(Regex.Matches(sitemap!, $"/posts/{slug}/</loc>"));
        }

        Assert.Contains("<span class=\"count\">200</span>", await host.Reader.WaitForAsync("tags/index.html", html => html?.Contains("<span class=\"count\">200</span>", StringComparison.Ordinal) == true), StringComparison.Ordinal);
    }
}

using System.Text;
using ServerlessBlog.Core.Building;
using ServerlessBlog.Core.Storage;
using ServerlessBlog.Core.Theming;

namespace ServerlessBlog.Core.Tests;

public sealed class SiteBuilderTests : IDisposable
{
    private readonly string _content = GoldenCorpus.CopyContent();
    private readonly List<string> _outputs = [];

    private string NewOutput()
    {
        var folder = Directory.CreateTempSubdirectory("golden-site-").FullName;
        _outputs.Add(folder);
        return folder;
    }

    private Task<BuildReport> BuildAsync(string output, BuildSettings? settings = null) =>
        new SiteBuilder(GoldenCorpus.Options, new FixedTimeProvider(GoldenCorpus.Now))
            .BuildAsync(new FolderContentSource(_content), new FolderSiteStore(output), settings ?? new BuildSettings());

    [Fact]
    public async Task The_golden_corpus_builds_to_the_expected_site_byte_for_byte()
    {
        var output = NewOutput();

        var report = await BuildAsync(output);

        GoldenCorpus.AssertMatches(output);
        Assert.Equal(9, report.Posts);
        Assert.Equal(2, report.Skipped);
        Assert.Equal(2, report.Assets);
        var error = Assert.Single(report.Errors);
        Assert.Equal("posts/broken.md:3: 'date' is not a date: 'not a date' (write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)", error.ToString());
    }

    [Fact]
    public async Task The_same_input_gives_the_same_bytes_and_an_unchanged_site_is_not_rewritten()
    {
        var first = NewOutput();
        var second = NewOutput();

        var initial = await BuildAsync(first);
        await BuildAsync(second);
        var rebuild = await BuildAsync(first);

        var files = GoldenCorpus.RelativeFiles(first);
        Assert.Equal(files, GoldenCorpus.RelativeFiles(second));
        Assert.All(files, file => Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file))));
        Assert.Equal(files.Count, initial.Written);
        Assert.Equal(0, rebuild.Written);
        Assert.Equal(files.Count, rebuild.Unchanged);
    }

    [Fact]
    public async Task An_address_claimed_twice_gets_one_file_whatever_order_the_writers_run_in()
    {
        // z.md claims /shared/ and a's address; a.md (which sorts first) claims /shared/ too.
        File.WriteAllText(Path.Combine(_content, "posts", "a-first.md"), "---\ntitle: First claim\ndate: 2024-04-01T00:00:00Z\naliases: [/shared/]\n---\nA.\n");
        File.WriteAllText(Path.Combine(_content, "posts", "z-second.md"), "---\ntitle: Second claim\ndate: 2024-04-02T00:00:00Z\naliases: [/shared/, /posts/a-first/, /tags/]\n---\nZ.\n");

        foreach (var output in new[] { NewOutput(), NewOutput(), NewOutput() })
        {
            var report = await BuildAsync(output);

            Assert.DoesNotContain(report.Errors, error => error.Path != "posts/broken.md");
            Assert.Contains("https://golden.example/blog/posts/a-first/", File.ReadAllText(Path.Combine(output, "shared", "index.html")), StringComparison.Ordinal);
            Assert.Contains("<h1>First claim</h1>", File.ReadAllText(Path.Combine(output, "posts", "a-first", "index.html")), StringComparison.Ordinal);
            Assert.DoesNotContain("Second claim", File.ReadAllText(Path.Combine(output, "tags", "index.html")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_asset_where_an_alias_has_a_folder_is_refused()
    {
        File.WriteAllText(Path.Combine(_content, "posts", "a-first.md"), "---\ntitle: First\ndate: 2024-04-01T00:00:00Z\naliases: [/legacy/]\n---\nA.\n");
        File.WriteAllText(Path.Combine(_content, "legacy"), "an asset without an extension");
        var output = NewOutput();

        var report = await BuildAsync(output);

        Assert.True(File.Exists(Path.Combine(output, "legacy", "index.html")));
        Assert.Contains(report.Errors, error => error.Path == "legacy" && error.Reason.Contains("the site generates a file at this path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drafts_and_future_posts_are_published_only_when_asked()
    {
        var output = NewOutput();

        var report = await BuildAsync(output, new BuildSettings { IncludeDrafts = true, IncludeFuture = true });

        Assert.Equal(11, report.Posts);
        Assert.True(File.Exists(Path.Combine(output, "posts", "draft", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "posts", "future", "index.html")));
    }

    [Fact]
    public async Task A_theme_file_in_the_content_root_replaces_the_default_one()
    {
        File.WriteAllText(Path.Combine(_content, "_theme", "post.liquid"), "<article class=\"custom\"><h1>{{ post.title }}</h1>{{ post.params.mood }}</article>");
        var output = NewOutput();

        await BuildAsync(output);

        var html = File.ReadAllText(Path.Combine(output, "posts", "yaml-post", "index.html"), Encoding.UTF8);
        Assert.Contains("<article class=\"custom\"><h1>A Hugo post in YAML</h1>cheerful</article>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_icon_comes_from_the_theme_and_every_page_links_it()
    {
        const string icon = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>";
        var output = NewOutput();
        await BuildAsync(output);
        Assert.Equal(Theme.DefaultFile(Theme.IconFile), File.ReadAllText(Path.Combine(output, "theme", "favicon.svg"), Encoding.UTF8));

        File.WriteAllText(Path.Combine(_content, "_theme", "favicon.svg"), icon);
        await BuildAsync(output);

        Assert.Equal(icon, File.ReadAllText(Path.Combine(output, "theme", "favicon.svg"), Encoding.UTF8));
        // Every page the layout makes (redirect pages are not made with it, and browsers leave them at once).
        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(page => File.ReadAllText(page, Encoding.UTF8))
            .Where(html => html.Contains("<link rel=\"stylesheet\"", StringComparison.Ordinal))
            .ToList();
        Assert.True(pages.Count > 20, $"{pages.Count} pages");
        Assert.All(pages, html => Assert.Contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/blog/theme/favicon.svg\">", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clean_removes_what_the_build_no_longer_produces()
    {
        var output = NewOutput();
        await BuildAsync(output);
        File.Delete(Path.Combine(_content, "posts", "links.md"));
        File.WriteAllText(Path.Combine(output, "stray.html"), "old");

        var report = await BuildAsync(output, new BuildSettings { Clean = true });

        Assert.Equal(2, report.Deleted);
        Assert.False(File.Exists(Path.Combine(output, "posts", "links", "index.html")));
        Assert.False(File.Exists(Path.Combine(output, "stray.html")));

        // A static file server would list an empty folder where the removed page's address should give the 404 page.
        Assert.False(Directory.Exists(Path.Combine(output, "posts", "links")));
        Assert.True(Directory.Exists(Path.Combine(output, "posts")));
    }

    [Fact]
    public async Task An_asset_that_would_replace_a_generated_file_is_reported()
    {
        File.WriteAllText(Path.Combine(_content, "feed.xml"), "<rss/>");
        var output = NewOutput();

        var report = await BuildAsync(output);

        Assert.Contains(report.Errors, error => error.Path == "feed.xml");
        Assert.Contains("<rss version=\"2.0\"", File.ReadAllText(Path.Combine(output, "feed.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_posts_claiming_one_slug_keep_the_first_by_path_and_report_the_other()
    {
        File.WriteAllText(Path.Combine(_content, "posts", "zz-copy.md"), "---\ntitle: Copy\nslug: yaml-post\ndate: 2024-01-01\n---\nCopy");
        var output = NewOutput();

        var report = await BuildAsync(output);

        var error = Assert.Single(report.Errors, error => error.Path == "posts/zz-copy.md");
        Assert.Contains("already taken by posts/yaml-post.md", error.Reason, StringComparison.Ordinal);
        Assert.Contains("A Hugo post in YAML", File.ReadAllText(Path.Combine(output, "posts", "yaml-post", "index.html")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var folder in _outputs.Append(_content))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

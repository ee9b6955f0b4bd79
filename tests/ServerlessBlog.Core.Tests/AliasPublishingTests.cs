using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessBlog.Core.Building;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

/// <summary>
/// An alias claims a path another post, a tag or a month may have, or another post's alias claims too. The live site
/// settles such claims as <c>blog build</c> does, whatever order the files are published and taken off in: a page the
/// site makes anyway keeps its path, and of the posts claiming it, the one whose source path sorts first has it.
/// </summary>
public sealed class AliasPublishingTests : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("alias-site-").FullName;
    private readonly string _state = Directory.CreateTempSubdirectory("alias-state-").FullName;
    private readonly MutableTimeProvider _time = new(GoldenCorpus.Now);
    private readonly MemoryContentSource _content = new();
    private readonly HookedSiteStore _siteStore;
    private readonly SitePublisher _publisher;

    public AliasPublishingTests()
    {
        _siteStore = new HookedSiteStore(new FolderSiteStore(_site));
        _publisher = NewPublisher(_siteStore);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_alias_at_another_posts_address_leaves_that_page_and_takes_it_when_the_post_goes(bool aliasFirst)
    {
        var uploads = new[] { ("posts/x.md", Post("X", "2024-01-10", "t")), ("posts/z.md", Post("Z", "2024-02-10", "t", "/posts/x/")) };
        foreach (var (path, text) in aliasFirst ? uploads.Reverse() : uploads)
        {
            await PublishAsync(path, text);
        }

        await AssertAsBuiltAsync("posts/x/index.html", "posts/z/index.html");
        Assert.Contains("<h1", await ReadPageAsync("posts/x/index.html"), StringComparison.Ordinal);

        await TakeOffAsync("posts/x.md");

        await AssertAsBuiltAsync("posts/x/index.html", "posts/z/index.html");
        Assert.Contains("https://golden.example/blog/posts/z/", await ReadPageAsync("posts/x/index.html"), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Of_two_posts_claiming_one_alias_the_one_whose_path_sorts_first_has_it(bool firstPathFirst)
    {
        var uploads = new[] { ("posts/a.md", Post("A", "2024-03-10", "t", "/shared/")), ("posts/b.md", Post("B", "2024-01-10", "t", "/shared/")) };
        foreach (var (path, text) in firstPathFirst ? uploads : uploads.Reverse())
        {
            await PublishAsync(path, text);
        }

        await AssertAsBuiltAsync("shared/index.html");
        Assert.Contains("https://golden.example/blog/posts/a/", await ReadPageAsync("shared/index.html"), StringComparison.Ordinal);

        await PublishAsync("posts/a.md", Post("A", "2024-03-10", "t"));
        await AssertAsBuiltAsync("shared/index.html");
        Assert.Contains("https://golden.example/blog/posts/b/", await ReadPageAsync("shared/index.html"), StringComparison.Ordinal);

        await TakeOffAsync("posts/b.md");
        await AssertAsBuiltAsync("shared/index.html");
        Assert.False(File.Exists(Path.Combine(_site, "shared", "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Theory]
    [InlineData("/tags/go/", "tags/go/index.html")]
    [InlineData("/tags/go/2023/", "tags/go/2023/index.html")]
    [InlineData("/archive/2023/05/", "archive/2023/05/index.html")]
    public async Task An_alias_at_a_listing_page_leaves_it_and_takes_it_when_the_listing_goes(string alias, string page)
    {
        await PublishAsync("posts/listed.md", Post("Listed", "2023-05-10", "go"));
        await PublishAsync("posts/z.md", Post("Z", "2024-02-10", "t", alias));

        await AssertAsBuiltAsync(page);
        Assert.DoesNotContain("https://golden.example/blog/posts/z/", await ReadPageAsync(page), StringComparison.Ordinal);

        await TakeOffAsync("posts/listed.md");

        await AssertAsBuiltAsync(page);
        Assert.Contains("https://golden.example/blog/posts/z/", await ReadPageAsync(page), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_whole_rendering_settles_the_claims_as_a_build_does()
    {
        await PublishAsync("posts/x.md", Post("X", "2024-01-10", "go"));
        await PublishAsync("posts/b.md", Post("B", "2024-01-12", "t", "/shared/", "/posts/x/", "/tags/go/"));
        await PublishAsync("posts/a.md", Post("A", "2024-01-11", "t", "/shared/"));

        _content.Upload("_theme/style.css", "body { color: #123; }\n", "s1");
        await _publisher.ApplyThemeAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>
    /// A refresh that read the claims before another publish added one, and whose redirect lands after that publish's:
    /// the index changed meanwhile, so the refresh runs again and writes what the claims say now.
    /// </summary>
    [Fact]
    public async Task A_redirect_written_from_older_claims_is_settled_again_by_its_refresh()
    {
        await PublishAsync("posts/x.md", Post("X", "2024-01-10", "t"));
        var (held, reached) = _siteStore.HoldWrite(path => path == "shared/index.html");
        var later = PublishAsync("posts/b.md", Post("B", "2024-01-12", "t", "/shared/"));
        await reached.Task;

        var upload = _content.Upload("posts/a.md", Post("A", "2024-01-11", "t", "/shared/"), "a1");
        await NewPublisher(new FolderSiteStore(_site)).PublishAsync(upload);
        held.SetResult();
        await later;

        await AssertAsBuiltAsync("shared/index.html");
        Assert.Contains("https://golden.example/blog/posts/a/", await ReadPageAsync("shared/index.html"), StringComparison.Ordinal);
    }

    private static string Post(string title, string date, string tag, params string[] aliases) =>
        $"---\ntitle: {title}\ndate: {date}T00:00:00Z\ntags: [{tag}]\n{(aliases.Length > 0 ? $"aliases: [{string.Join(", ", aliases)}]\n" : string.Empty)}---\nBody of {title}.\n";

    private async Task PublishAsync(string path, string text)
    {
        var result = await _publisher.PublishAsync(_content.Upload(path, text, Guid.NewGuid().ToString("N")));
        Assert.Equal(PublishOutcome.Published, result.Outcome);
    }

    private async Task TakeOffAsync(string path)
    {
        _content.Files.Remove(path);
        Assert.Equal(PublishOutcome.Unpublished, (await _publisher.UnpublishAsync(path)).Outcome);
    }

    private Task<string> ReadPageAsync(string path) => File.ReadAllTextAsync(Path.Combine(_site, path));

    /// <summary>Each page is as a whole build of the content makes it, or absent as there.</summary>
    private async Task AssertAsBuiltAsync(params string[] pages)
    {
        var built = Directory.CreateTempSubdirectory("alias-build-").FullName;
        try
        {
            await new SiteBuilder(GoldenCorpus.Options, _time).BuildAsync(_content, new FolderSiteStore(built), new BuildSettings());
            foreach (var page in pages)
            {
                var expected = Path.Combine(built, page);
                var actual = Path.Combine(_site, page);
                Assert.True(File.Exists(expected) == File.Exists(actual), $"{page}: in the build {File.Exists(expected)}, on the site {File.Exists(actual)}");
                Assert.True(!File.Exists(expected) || File.ReadAllBytes(expected).AsSpan().SequenceEqual(File.ReadAllBytes(actual)), $"{page} differs");
            }
        }
        finally
        {
            Directory.Delete(built, recursive: true);
        }
    }

    /// <summary>After a reconcile, which writes what no publish writes (the stylesheet, the 404 page), the site is the whole build.</summary>
    private async Task AssertSiteIsTheWholeBuildAsync()
    {
        await NewPublisher(new FolderSiteStore(_site)).ReconcileAsync(_content);
        await GoldenCorpus.AssertIsTheWholeBuildAsync(_content, _site, _time);
    }

    private SitePublisher NewPublisher(ISiteStore site) =>
        new(Options.Create(GoldenCorpus.Options), site, new FolderStateStore(_state), _time, NullLogger<SitePublisher>.Instance);

    public void Dispose()
    {
        Directory.Delete(_site, recursive: true);
        Directory.Delete(_state, recursive: true);
    }
}

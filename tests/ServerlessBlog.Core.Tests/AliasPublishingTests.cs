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
        await OtherHost().PublishAsync(upload);
        held.SetResult();
        await later;

        await AssertAsBuiltAsync("shared/index.html");
        Assert.Contains("https://golden.example/blog/posts/a/", await ReadPageAsync("shared/index.html"), StringComparison.Ordinal);
    }

    /// <summary>Another host's redirect over X's address lands after this one published X: the refresh runs again.</summary>
    [Fact]
    public async Task A_redirect_held_while_another_host_publishes_the_post_at_that_address_is_settled_again()
    {
        var (held, reached) = _siteStore.HoldWrite(path => path == "posts/x/index.html");
        var aliasPublish = PublishAsync("posts/z.md", Post("Z", "2024-04-10", "t", "/posts/x/"));
        await reached.Task;
        await PublishAsync("posts/x.md", Post("X", "2024-01-10", "u"), OtherHost());
        held.SetResult();
        await aliasPublish;

        await AssertAsBuiltAsync("posts/x/index.html");
        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>Another host's removal of X holds its deletion of X's page while this one publishes Z, which claims X's address.</summary>
    [Fact]
    public async Task A_deletion_held_while_another_host_claims_the_address_is_settled_again()
    {
        await PublishAsync("posts/x.md", Post("X", "2024-01-10", "u"));
        var otherSite = new HookedSiteStore(new FolderSiteStore(_site));
        var (held, reached) = otherSite.HoldWrite(path => path == "posts/x/index.html");
        _content.Files.Remove("posts/x.md");
        var removal = OtherHost(otherSite).UnpublishAsync("posts/x.md");
        await reached.Task;
        await PublishAsync("posts/z.md", Post("Z", "2024-04-10", "t", "/posts/x/"));
        held.SetResult();
        await removal;

        await AssertAsBuiltAsync("posts/x/index.html");
        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>
    /// An edit that changes only the aliases stops after the index took its claims; the file is then taken off, or
    /// edited again. The claims of the version that stopped go with it, and so does its redirect page.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_alias_of_an_edit_that_stopped_goes_with_the_post(bool editAgain)
    {
        await PublishAsync("posts/a.md", Post("A", "2024-01-10", "t", "/p1/"));
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(path => path == "p1/index.html");
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-01-10", "t", "/p2/"), "a2")));
        _siteStore.BeforeWrite = _ => Task.CompletedTask;

        if (editAgain)
        {
            await PublishAsync("posts/a.md", Post("A", "2024-01-10", "t", "/p3/"));
        }
        else
        {
            await TakeOffAsync("posts/a.md");
        }

        await AssertAsBuiltAsync("p1/index.html", "p2/index.html", "p3/index.html");
        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>The claim of an edit that stopped does not keep out a later claimant once the file is published again.</summary>
    [Fact]
    public async Task The_claim_of_an_edit_that_stopped_does_not_keep_a_later_claimant_out()
    {
        await PublishAsync("posts/a.md", Post("A", "2024-01-10", "t", "/p1/"));
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(path => path == "p1/index.html");
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-01-10", "t", "/p2/"), "a2")));
        _siteStore.BeforeWrite = _ => Task.CompletedTask;
        await PublishAsync("posts/a.md", Post("A", "2024-01-10", "t"));

        await PublishAsync("posts/b.md", Post("B", "2024-01-12", "t", "/p2/"));

        await AssertAsBuiltAsync("p2/index.html");
        Assert.Contains("https://golden.example/blog/posts/b/", await ReadPageAsync("p2/index.html"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The retry of an edit that stopped after the index took it (aliases changed, and maybe tags or the day) takes the
    /// claims of the version that stopped out of the index, and leaves the post listed meanwhile: a refresh of another
    /// host between the two index changes would otherwise make its pages without the post.
    /// </summary>
    [Theory]
    [InlineData("2024-01-10", "t", false)]
    [InlineData("2024-01-10", "t", true)]
    [InlineData("2024-01-10", "u", true)]
    [InlineData("2024-01-15", "t", true)]
    public async Task The_retry_of_an_edit_that_stopped_keeps_the_post_listed(string stoppedDate, string stoppedTag, bool editAgain)
    {
        await PublishAsync("posts/a.md", Post("A", "2024-01-10", "t", "/p1/"));
        await PublishAsync("posts/b.md", Post("B", "2024-01-20", "t"));
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(path => path == "p1/index.html");
        var edit = _content.Upload("posts/a.md", Post("A", stoppedDate, stoppedTag, "/p2/"), "a2");
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(edit));
        _siteStore.BeforeWrite = _ => Task.CompletedTask;

        var month = Path.Combine(_state, "index", "months", "2024-01.json");
        var listedAtCatalogWrites = new List<bool>();
        var watching = new HookedStateStore(new FolderStateStore(_state))
        {
            BeforeWrite = path =>
            {
                if (path == Publishing.State.StatePaths.Catalog)
                {
                    listedAtCatalogWrites.Add(File.ReadAllText(month).Contains("posts/a.md", StringComparison.Ordinal));
                }

                return Task.CompletedTask;
            },
        };
        if (editAgain)
        {
            edit = _content.Upload("posts/a.md", Post("A", "2024-01-10", "t", "/p3/"), "a3");
        }

        Assert.Equal(PublishOutcome.Published, (await OtherHost(state: watching).PublishAsync(edit)).Outcome);
        Assert.All(listedAtCatalogWrites, listed => Assert.True(listed, $"a catalog was written while the month did not list A ({string.Join(", ", listedAtCatalogWrites)})"));
        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>A slug change that stopped at one of its pages, then edited again, edited back, taken off, or retried.</summary>
    [Theory]
    [InlineData("p1/index.html", 0)]
    [InlineData("p1/index.html", 1)]
    [InlineData("p1/index.html", 2)]
    [InlineData("p1/index.html", 3)]
    [InlineData("posts/a2/index.html", 0)]
    [InlineData("posts/a2/index.html", 1)]
    [InlineData("posts/a2/index.html", 2)]
    [InlineData("posts/a2/index.html", 3)]
    [InlineData("posts/a/index.html", 0)]
    [InlineData("posts/a/index.html", 1)]
    [InlineData("posts/a/index.html", 2)]
    [InlineData("posts/a/index.html", 3)]
    public async Task A_slug_change_that_stopped_settles_as_built_after_the_next_change(string stoppedAt, int next)
    {
        const string Renamed = "---\ntitle: A\nslug: a2\ndate: 2024-01-10T00:00:00Z\ntags: [t]\naliases: [/p2/, /posts/a/]\n---\nBody.\n";
        await PublishAsync("posts/a.md", Post("A", "2024-01-10", "t", "/p1/"));
        await PublishAsync("posts/b.md", Post("B", "2024-01-20", "t", "/p2/"));
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(path => path == stoppedAt);
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(_content.Upload("posts/a.md", Renamed, "a2")));
        _siteStore.BeforeWrite = _ => Task.CompletedTask;

        switch (next)
        {
            case 0:
                await PublishAsync("posts/a.md", Renamed.Replace("[/p2/, /posts/a/]", "[/p3/]", StringComparison.Ordinal));
                break;
            case 1:
                await PublishAsync("posts/a.md", Post("A", "2024-01-10", "t", "/p3/"));
                break;
            case 2:
                await TakeOffAsync("posts/a.md");
                break;
            default:
                await PublishAsync("posts/a.md", Renamed);
                break;
        }

        await AssertAsBuiltAsync("p1/index.html", "p2/index.html", "p3/index.html", "posts/a/index.html", "posts/a2/index.html", "posts/b/index.html");
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task An_htm_alias_is_a_folder_of_its_own_as_built()
    {
        await PublishAsync("posts/a.md", Post("A", "2024-01-10", "t", "/old.htm", "/about/index.htm"));

        await AssertAsBuiltAsync("old.htm/index.html", "about/index.htm/index.html");
        Assert.True(File.Exists(Path.Combine(_site, "old.htm", "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>
    /// An edit of P to another month stops after P's record is written, before the index follows: the index still lists
    /// P, so P's page stays whatever an alias at its address does meanwhile, until the edit's retry.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_listed_post_whose_record_is_ahead_of_the_index_keeps_its_page_against_an_alias(bool aliasGoes)
    {
        await PublishAsync("posts/p.md", Post("P", "2024-02-20", "t"));
        await PublishAsync("posts/q.md", Post("Q", "2024-02-25", "t"));
        if (aliasGoes)
        {
            await PublishAsync("posts/z.md", Post("Z", "2024-04-10", "t", "/posts/p/"));
        }

        var stopping = new HookedStateStore(new FolderStateStore(_state))
        {
            BeforeWrite = path => path.StartsWith("index/", StringComparison.Ordinal) ? throw new IOException($"{path}: injected failure") : Task.CompletedTask,
        };
        var edit = _content.Upload("posts/p.md", Post("P", "2024-03-05", "t"), "p2");
        await Assert.ThrowsAsync<IOException>(() => OtherHost(state: stopping).PublishAsync(edit));

        await PublishAsync("posts/z.md", aliasGoes ? Post("Z", "2024-04-10", "t") : Post("Z", "2024-04-10", "t", "/posts/p/"));

        Assert.True(File.Exists(Path.Combine(_site, "posts", "p", "index.html")), "P's page was deleted");
        Assert.DoesNotContain("https://golden.example/blog/posts/z/", await ReadPageAsync("posts/p/index.html"), StringComparison.Ordinal);
        Assert.Equal(PublishOutcome.Published, (await OtherHost().PublishAsync(edit)).Outcome);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task Html_aliases_an_alias_at_its_own_address_a_new_slug_and_a_draft_settle_as_built()
    {
        string[] pages = ["posts/x/index.html", "posts/x2/index.html", "posts/x/old.html", "2019/01/old.html"];
        await PublishAsync("posts/x.md", Post("X", "2024-01-10", "u", "/posts/x/", "2019/01/old.html"));
        await PublishAsync("posts/z.md", Post("Z", "2024-04-10", "t", "/posts/x/old.html", "2019/01/old.html"));
        await AssertAsBuiltAsync(pages);

        await PublishAsync("posts/x.md", "---\ntitle: X\nslug: x2\ndate: 2024-01-10T00:00:00Z\ntags: [u]\naliases: [/posts/x/]\n---\nBody.\n");
        await AssertAsBuiltAsync(pages);

        await _publisher.PublishAsync(_content.Upload("posts/x.md", "---\ntitle: X\nslug: x2\ndate: 2024-01-10T00:00:00Z\ntags: [u]\ndraft: true\n---\nBody.\n", "x3"));
        await AssertAsBuiltAsync(pages);
        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>
    /// An alias that would put a page in a folder named like a file (the site's feed, a page, another alias's page) is
    /// refused, on the live site as in a build: whether that file is there can change with every post.
    /// </summary>
    [Theory]
    [InlineData("/feed.xml/")]
    [InlineData("/tags/t/feed.xml/")]
    [InlineData("/posts/a/index.html/")]
    [InlineData("/2019/old.html/")]
    public async Task An_alias_inside_a_folder_named_like_a_file_is_refused(string alias)
    {
        var result = await _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-01-10", "t", alias), "a1"));

        Assert.Equal(PublishOutcome.Rejected, result.Outcome);
        Assert.Contains("a name the site gives files", result.Reason, StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>Publishes, edits (aliases, months, tags, a slug, drafts, posts scheduled later) and removals in a random order, each step as built.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Random_changes_settle_as_built_after_each_step(int seed)
    {
        var random = new Random(seed);
        string[] files = ["posts/a.md", "posts/b.md", "posts/x.md", "posts/z.md"];
        string[] aliasPool = ["/posts/x/", "/posts/a/", "/shared/", "/tags/go/", "/tags/go/2024/", "/archive/2024/01/", "2019/01/old.html", "/posts/x/old.html", "/posts/b2/"];
        string[] pages =
        [
            "posts/x/index.html", "posts/a/index.html", "shared/index.html", "tags/go/index.html", "tags/go/2024/index.html", "archive/2024/01/index.html",
            "2019/01/old.html", "posts/x/old.html", "posts/b2/index.html", "posts/b/index.html", "posts/z/index.html",
        ];
        var log = new List<string>();
        for (var step = 0; step < 25; step++)
        {
            var file = files[random.Next(files.Length)];
            var change = random.Next(6);
            if (change == 0 && _content.Files.ContainsKey(file))
            {
                await TakeOffAsync(file);
                log.Add($"{step}: take off {file}");
            }
            else
            {
                var aliases = aliasPool.Where(_ => random.Next(4) == 0).ToArray();
                var month = random.Next(3) == 0 ? "01" : "02";
                var tag = random.Next(3) switch { 0 => "go", 1 => "rust", _ => "Go" };
                var draft = change == 1 ? "draft: true\n" : string.Empty;
                var slug = file == "posts/b.md" && random.Next(2) == 0 ? "slug: b2\n" : string.Empty;
                var year = change == 2 ? "2026" : "2024";
                var text = $"---\ntitle: T{step}\n{slug}{draft}date: {year}-{month}-1{step % 10}T00:00:00Z\ntags: [{tag}]\n"
                    + (aliases.Length > 0 ? $"aliases: [{string.Join(", ", aliases)}]\n" : string.Empty) + $"---\nBody {step}.\n";
                var outcome = (await _publisher.PublishAsync(_content.Upload(file, text, Guid.NewGuid().ToString("N")))).Outcome;
                log.Add($"{step}: {file} {outcome} {text.Replace("\n", " | ", StringComparison.Ordinal)}");
            }

            try
            {
                await AssertAsBuiltAsync(pages);
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException)
            {
                Assert.Fail(string.Join('\n', log) + '\n' + ex.Message);
            }
        }

        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>
    /// A refresh writes B's redirect; the request times out and lands after another host's edit of B dropped the alias
    /// and deleted the page. The refresh that stopped marks the pages not known to be whole, and the next reconcile
    /// renders every page again: the redirect page nobody claims goes with it, as a build has none.
    /// </summary>
    [Theory]
    [InlineData("/shared/", "shared/index.html")]
    [InlineData("/posts/old/", "posts/old/index.html")]
    [InlineData("/2019/01/old.html", "2019/01/old.html")]
    public async Task A_late_redirect_nobody_claims_any_more_goes_at_the_next_reconcile(string alias, string page)
    {
        await PublishAsync("posts/x.md", Post("X", "2024-01-10", "t"));
        var late = new LateSiteStore(new FolderSiteStore(_site), path => path == page);
        var upload = _content.Upload("posts/b.md", Post("B", "2024-01-12", "t", alias), "b1");
        await Assert.ThrowsAsync<IOException>(() => NewPublisher(late).PublishAsync(upload));

        await PublishAsync("posts/b.md", Post("B", "2024-01-12", "t"), OtherHost());
        await late.LandAsync();

        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>The same with a whole rendering's late write (a theme applied): its redirect lands after the claim went.</summary>
    [Fact]
    public async Task A_late_redirect_of_a_whole_rendering_nobody_claims_any_more_goes_at_the_next_reconcile()
    {
        await PublishAsync("posts/b.md", Post("B", "2024-01-12", "t", "/shared/"));
        _content.Upload("_theme/style.css", "body { color: #123; }\n", "s1");
        var late = new LateSiteStore(new FolderSiteStore(_site), path => path == "shared/index.html");
        await Assert.ThrowsAsync<IOException>(() => NewPublisher(late).ApplyThemeAsync(_content));

        await PublishAsync("posts/b.md", Post("B", "2024-01-12", "t"), OtherHost());
        await late.LandAsync();

        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>
    /// An alias is dropped (its claims stay, empty) and an asset is uploaded at its page later: a rendering of every
    /// page deletes late redirects at such paths, and must keep the asset, as a build does.
    /// </summary>
    [Theory]
    [InlineData("/old.html", "old.html")]
    [InlineData("/legacy/", "legacy/index.html")]
    public async Task An_asset_at_a_path_an_alias_once_claimed_stays_through_a_whole_rendering(string alias, string asset)
    {
        // Only a site whose authors are all trusted publishes an HTML asset.
        var options = GoldenCorpus.Options;
        options.AllowRawHtml = true;
        var publisher = new SitePublisher(Options.Create(options), new FolderSiteStore(_site), new FolderStateStore(_state), _time, NullLogger<SitePublisher>.Instance);
        const string Legacy = "<!doctype html><title>Legacy</title><p>kept</p>";
        foreach (var (path, text) in new[] { ("posts/b.md", Post("B", "2024-01-12", "t", alias)), ("posts/b.md", Post("B", "2024-01-12", "t")), (asset, Legacy) })
        {
            Assert.Equal(PublishOutcome.Published, (await publisher.PublishAsync(_content.Upload(path, text, Guid.NewGuid().ToString("N")))).Outcome);
        }

        _content.Upload("_theme/style.css", "body { color: #123; }\n", "s1");
        await publisher.ApplyThemeAsync(_content);

        Assert.Equal(Legacy, await ReadPageAsync(asset));
    }

    private static string Post(string title, string date, string tag, params string[] aliases) =>
        $"---\ntitle: {title}\ndate: {date}T00:00:00Z\ntags: [{tag}]\n{(aliases.Length > 0 ? $"aliases: [{string.Join(", ", aliases)}]\n" : string.Empty)}---\nBody of {title}.\n";

    private async Task PublishAsync(string path, string text, SitePublisher? publisher = null)
    {
        var result = await (publisher ?? _publisher).PublishAsync(_content.Upload(path, text, Guid.NewGuid().ToString("N")));
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
                if (File.Exists(expected) && !File.ReadAllBytes(expected).AsSpan().SequenceEqual(File.ReadAllBytes(actual)))
                {
                    Assert.Fail($"{page} differs: {GoldenCorpus.FirstDifference(File.ReadAllText(expected), File.ReadAllText(actual))}");
                }
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
        await OtherHost().ReconcileAsync(_content);
        await GoldenCorpus.AssertIsTheWholeBuildAsync(_content, _site, _time);
    }

    private SitePublisher NewPublisher(ISiteStore site, IStateStore? state = null) =>
        new(Options.Create(GoldenCorpus.Options), site, state ?? new FolderStateStore(_state), _time, NullLogger<SitePublisher>.Instance);

    /// <summary>A publisher of another host on the same stores.</summary>
    private SitePublisher OtherHost(ISiteStore? site = null, IStateStore? state = null) => NewPublisher(site ?? new FolderSiteStore(_site), state);

    public void Dispose()
    {
        Directory.Delete(_site, recursive: true);
        Directory.Delete(_state, recursive: true);
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessBlog.Core.Building;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

/// <summary>Publishing one file at a time must end with the same site, byte for byte, as a whole build.</summary>
public sealed class SitePublisherTests : IDisposable
{
    private readonly string _content = GoldenCorpus.CopyContent();
    private readonly string _site = Directory.CreateTempSubdirectory("published-site-").FullName;
    private readonly string _state = Directory.CreateTempSubdirectory("published-state-").FullName;
    private readonly MutableTimeProvider _time = new(GoldenCorpus.Now);
    private readonly SitePublisher _publisher;

    public SitePublisherTests()
    {
        _publisher = new SitePublisher(Options.Create(GoldenCorpus.Options), new FolderSiteStore(_site), new FolderStateStore(_state), _time, NullLogger<SitePublisher>.Instance);
    }

    private async Task<List<PublishResult>> PublishAllAsync(int seed)
    {
        var source = new FolderContentSource(_content);
        var entries = new List<ContentEntry>();
        await foreach (var entry in source.ListAsync())
        {
            entries.Add(entry);
        }

        var results = new List<PublishResult>();
        foreach (var entry in entries.OrderBy(_ => Random.Shared.Next()).OrderBy(entry => new Random(seed + entry.Path.Length).Next()))
        {
            results.Add(await _publisher.PublishAsync(await source.ReadAsync(entry)));
        }

        return results;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Publishing_the_golden_corpus_one_file_at_a_time_gives_the_golden_site(int seed)
    {
        var results = await PublishAllAsync(seed);
        await _publisher.ReconcileAsync(new FolderContentSource(_content));

        GoldenCorpus.AssertMatches(_site);
        Assert.Equal("3: 'date' is not a date: 'not a date' (write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)", Assert.Single(results, result => result.Outcome == PublishOutcome.Rejected).Reason);
        Assert.Equal(2, results.Count(result => result.Outcome == PublishOutcome.Pending));
    }

    [Fact]
    public async Task Publishing_the_same_bytes_again_changes_nothing_and_a_second_reconcile_is_in_sync()
    {
        await PublishAllAsync(3);
        var first = await _publisher.ReconcileAsync(new FolderContentSource(_content));

        var again = await _publisher.PublishAsync(new ContentFile("posts/yaml-post.md", await File.ReadAllBytesAsync(Path.Combine(_content, "posts", "yaml-post.md")), GoldenCorpus.FileTime));
        var second = await _publisher.ReconcileAsync(new FolderContentSource(_content));

        Assert.Equal(PublishOutcome.Unchanged, again.Outcome);
        Assert.Equal(0, again.SiteWrites);
        Assert.True(first.InSync);
        Assert.True(second.InSync);
    }

    [Theory]
    [InlineData("unicode.md")]
    [InlineData("links.md")]
    [InlineData("yaml-post.md")]
    public async Task Deleting_a_post_gives_the_site_a_whole_build_gives_without_it(string post)
    {
        // Some of these are the newest post of their tags: the tags' dates in the sitemap must move back.
        await PublishAllAsync(4);
        File.Delete(Path.Combine(_content, "posts", post));

        var result = await _publisher.UnpublishAsync($"posts/{post}");
        await _publisher.ReconcileAsync(new FolderContentSource(_content));

        Assert.Equal(PublishOutcome.Unpublished, result.Outcome);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Theory]
    [InlineData("Azure", "azure")]
    [InlineData("azure", "AZURE")]
    public async Task A_tag_respelled_by_its_posts_takes_the_spelling_a_whole_build_gives_it(string before, string after)
    {
        await PublishAllAsync(6);
        var path = Path.Combine(_content, "posts", "respelled.md");
        foreach (var spelling in new[] { before, after })
        {
            await File.WriteAllTextAsync(path, $"---\ntitle: Respelled\ndate: 2023-06-01\ntags: [{spelling}]\n---\nText.\n");
            await _publisher.PublishAsync(await ReadContentAsync("respelled.md"));
        }

        await _publisher.ReconcileAsync(new FolderContentSource(_content));

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_redirect_from_an_old_html_address_goes_when_the_alias_does()
    {
        await PublishAllAsync(7);
        var path = Path.Combine(_content, "posts", "moved.md");
        await File.WriteAllTextAsync(path, "---\ntitle: Moved\ndate: 2023-06-01\nredirect_from: /2019/01/old.html\n---\nText.\n");
        await _publisher.PublishAsync(await ReadContentAsync("moved.md"));
        Assert.True(File.Exists(Path.Combine(_site, "2019", "01", "old.html")));

        await File.WriteAllTextAsync(path, "---\ntitle: Moved\ndate: 2023-06-01\n---\nText.\n");
        await _publisher.PublishAsync(await ReadContentAsync("moved.md"));
        await _publisher.ReconcileAsync(new FolderContentSource(_content));

        Assert.False(File.Exists(Path.Combine(_site, "2019", "01", "old.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_post_given_a_new_slug_and_its_old_address_as_an_alias_redirects_from_there(bool reconcile)
    {
        await PublishAllAsync(8);
        var path = Path.Combine(_content, "posts", "renamed.md");
        await File.WriteAllTextAsync(path, "---\ntitle: Renamed\ndate: 2023-06-01\nslug: first-name\n---\nText.\n");
        await _publisher.PublishAsync(await ReadContentAsync("renamed.md"));

        await File.WriteAllTextAsync(path, "---\ntitle: Renamed\ndate: 2023-06-01\nslug: second-name\naliases: [/posts/first-name/]\n---\nText.\n");
        await _publisher.PublishAsync(await ReadContentAsync("renamed.md"));
        if (reconcile)
        {
            await _publisher.ReconcileAsync(new FolderContentSource(_content));
            await AssertSiteIsTheWholeBuildAsync();
        }

        Assert.Contains("https://golden.example/blog/posts/second-name/", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "first-name", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_post_is_updated_in_place_and_keeps_its_feed_id()
    {
        await PublishAllAsync(5);
        var path = Path.Combine(_content, "posts", "links.md");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("title: Links between posts", "title: Links, edited", StringComparison.Ordinal));

        var result = await _publisher.PublishAsync(new ContentFile("posts/links.md", await File.ReadAllBytesAsync(path), GoldenCorpus.FileTime));

        Assert.Equal(PublishOutcome.Published, result.Outcome);
        var feed = await File.ReadAllTextAsync(Path.Combine(_site, "feed.xml"));
        Assert.Contains("<title>Links, edited</title>", feed, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(feed, "<guid isPermaLink=\"true\">https://golden.example/blog/posts/links/</guid>"));
        Assert.Contains("Next: Links, edited →", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "unicode", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_another_publisher_edited_reaches_the_feeds_this_one_writes_next()
    {
        await PublishAllAsync(8);
        var other = new SitePublisher(Options.Create(GoldenCorpus.Options), new FolderSiteStore(_site), new FolderStateStore(_state), _time, NullLogger<SitePublisher>.Instance);
        await EditAsync("links.md", "External links stay", "External links are kept");
        await other.PublishAsync(await ReadContentAsync("links.md"));

        // This publisher rendered the feeds before, with the old text of the edited post in them.
        await EditAsync("unicode.md", "tags:", "summary: Edited here.\ntags:");
        await _publisher.PublishAsync(await ReadContentAsync("unicode.md"));
        var reconcile = await _publisher.ReconcileAsync(new FolderContentSource(_content));

        Assert.DoesNotContain(reconcile.Changes, change => change.Outcome == PublishOutcome.Published);
        Assert.Contains("External links are kept", await File.ReadAllTextAsync(Path.Combine(_site, "feed.xml")), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_status_record_that_cannot_be_read_holds_back_only_its_own_file_in_a_reconcile()
    {
        var state = new UnreadableStatusStore(new FolderStateStore(_state), StatePaths.Source("posts/links.md"));
        var publisher = new SitePublisher(Options.Create(GoldenCorpus.Options), new FolderSiteStore(_site), state, _time, NullLogger<SitePublisher>.Instance);

        var report = await publisher.ReconcileAsync(new FolderContentSource(_content));

        Assert.Equal(["posts/links.md"], report.Failures);
        Assert.Contains(report.Changes, change => change.SourcePath == "posts/unicode.md" && change.Outcome == PublishOutcome.Published);
        Assert.False(File.Exists(Path.Combine(_site, "posts", "links", "index.html")));
        Assert.True(File.Exists(Path.Combine(_site, "posts", "unicode", "index.html")));
    }

    /// <summary>A state store whose read of one status record fails, as storage does after the SDK's retries.</summary>
    private sealed class UnreadableStatusStore(IStateStore inner, string unreadable) : IStateStore
    {
        public ValueTask<StoredDocument?> ReadAsync(string path, CancellationToken cancellationToken = default) =>
            path == unreadable ? throw new IOException("storage is unreachable") : inner.ReadAsync(path, cancellationToken);

        public ValueTask<string?> GetVersionAsync(string path, CancellationToken cancellationToken = default) => inner.GetVersionAsync(path, cancellationToken);

        public ValueTask<string?> TryWriteAsync(string path, ReadOnlyMemory<byte> content, string? expectedVersion, CancellationToken cancellationToken = default) =>
            inner.TryWriteAsync(path, content, expectedVersion, cancellationToken);

        public ValueTask<bool> TryDeleteAsync(string path, string expectedVersion, CancellationToken cancellationToken = default) =>
            inner.TryDeleteAsync(path, expectedVersion, cancellationToken);

        public IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
    }

    [Fact]
    public async Task A_rejected_edit_keeps_the_published_version_online()
    {
        await PublishAllAsync(6);

        var result = await _publisher.PublishAsync(new ContentFile("posts/links.md", "---\ntitle: [broken\n---\n"u8.ToArray(), GoldenCorpus.FileTime));

        Assert.Equal(PublishOutcome.Rejected, result.Outcome);
        Assert.Contains("Links between posts", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "links", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_post_is_published_by_the_reconcile_after_its_date_has_come()
    {
        await PublishAllAsync(7);
        Assert.False(File.Exists(Path.Combine(_site, "posts", "future", "index.html")));

        _time.Now = new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var report = await _publisher.ReconcileAsync(new FolderContentSource(_content));

        Assert.Contains(report.Changes, change => change.SourcePath == "posts/future.md" && change.Outcome == PublishOutcome.Published);
        Assert.Contains("From 2030", await File.ReadAllTextAsync(Path.Combine(_site, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_published_at_the_same_time_all_reach_the_index_tags_feeds_and_sitemap()
    {
        var posts = Enumerable.Range(0, 40).Select(i => new ContentFile(
            $"posts/race-{i:D2}.md",
            System.Text.Encoding.UTF8.GetBytes($"---\ntitle: Race {i:D2}\ndate: 2024-06-{1 + (i % 28):D2}T{i % 24:D2}:00:00Z\ntags: [race, t{i % 3}]\n---\nPost {i}.\n"),
            GoldenCorpus.FileTime)).ToList();

        var results = await Task.WhenAll(posts.Select(post => Task.Run(() => _publisher.PublishAsync(post))));

        Assert.All(results, result => Assert.Equal(PublishOutcome.Published, result.Outcome));
        var tagPage = await File.ReadAllTextAsync(Path.Combine(_site, "tags", "race", "2024", "index.html"));
        var sitemap = await File.ReadAllTextAsync(Path.Combine(_site, "sitemap-posts-2024-06.xml"));
        var month = await File.ReadAllTextAsync(Path.Combine(_site, "archive", "2024", "06", "index.html"));
        foreach (var post in posts)
        {
            var slug = Path.GetFileNameWithoutExtension(post.Path);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(tagPage, $"/posts/{slug}/\""));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(sitemap, $"/posts/{slug}/<"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(month, $"/posts/{slug}/\""));
        }

        Assert.Equal(GoldenCorpus.Options.FeedItems, System.Text.RegularExpressions.Regex.Count(await File.ReadAllTextAsync(Path.Combine(_site, "feed.xml")), "<item>"));
        Assert.Contains("<span class=\"count\">40</span>", await File.ReadAllTextAsync(Path.Combine(_site, "tags", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_another_post_uses_the_slug_that_post_was_published_under()
    {
        await _publisher.PublishAsync(new ContentFile("posts/target-file.md", "---\ntitle: Target\nslug: chosen-slug\ndate: 2024-01-01\n---\nTarget.\n"u8.ToArray(), GoldenCorpus.FileTime));

        await _publisher.PublishAsync(new ContentFile("posts/source.md", "---\ntitle: Source\ndate: 2024-01-02\n---\nSee [the target](target-file.md#part).\n"u8.ToArray(), GoldenCorpus.FileTime));

        Assert.Contains("href=\"https://golden.example/blog/posts/chosen-slug/#part\"", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "source", "index.html")), StringComparison.Ordinal);
    }

    /// <summary>The published site, file for file and byte for byte, is what a whole build of the content makes.</summary>
    private async Task AssertSiteIsTheWholeBuildAsync()
    {
        var built = Directory.CreateTempSubdirectory("built-site-").FullName;
        try
        {
            await new SiteBuilder(GoldenCorpus.Options, _time).BuildAsync(new FolderContentSource(_content), new FolderSiteStore(built), new BuildSettings());
            AssertSameFiles(built, _site);
        }
        finally
        {
            Directory.Delete(built, recursive: true);
        }
    }

    private async Task EditAsync(string post, string oldText, string newText)
    {
        var path = Path.Combine(_content, "posts", post);
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private async Task<ContentFile> ReadContentAsync(string post) =>
        new($"posts/{post}", await File.ReadAllBytesAsync(Path.Combine(_content, "posts", post)), GoldenCorpus.FileTime);

    private static void AssertSameFiles(string expected, string actual)
    {
        var files = GoldenCorpus.RelativeFiles(expected);
        Assert.Equal(files, GoldenCorpus.RelativeFiles(actual));
        Assert.All(files, file => Assert.True(
            File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))),
            $"{file} differs"));
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _content, _site, _state })
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

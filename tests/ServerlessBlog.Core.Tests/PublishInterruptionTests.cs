using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

/// <summary>
/// A publish that stops half-way (a storage failure, a timeout, a lost response, a crash) and is then retried, as the
/// platform retries a failed trigger, must still end with the site a whole build of the same content makes; so must a
/// reconcile that runs while posts are published.
/// </summary>
public sealed class PublishInterruptionTests : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("interrupted-site-").FullName;
    private readonly string _state = Directory.CreateTempSubdirectory("interrupted-state-").FullName;
    private readonly MutableTimeProvider _time = new(GoldenCorpus.Now);
    private readonly MemoryContentSource _content = new();
    private readonly HookedStateStore _stateStore;
    private readonly HookedSiteStore _siteStore;
    private readonly SitePublisher _publisher;

    public PublishInterruptionTests()
    {
        _stateStore = new HookedStateStore(new FolderStateStore(_state));
        _siteStore = new HookedSiteStore(new FolderSiteStore(_site));
        _publisher = NewPublisher(_stateStore, _siteStore);
    }

    [Fact]
    public async Task An_edit_that_fails_after_its_post_record_is_written_takes_the_post_out_of_its_old_month_and_tag_when_retried()
    {
        await PublishThreePostsAsync();
        var edit = _content.Upload("posts/a.md", Post("A", "2024-03-25T00:00:00Z", "new"), "a2");
        _stateStore.BeforeWrite = StoreHooks.FailingOnce(path => path.StartsWith("index/", StringComparison.Ordinal));

        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(edit));
        await _publisher.PublishAsync(edit);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task An_edit_whose_post_record_write_response_is_lost_takes_the_post_out_of_its_old_month_and_tag()
    {
        await PublishThreePostsAsync();
        _stateStore.LoseResponseOnce = "posts/a.json";

        await _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-03-25T00:00:00Z", "new"), "a2"));

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Theory]
    [InlineData(1)] // the status that notes what the publish is about to put online
    [InlineData(2)] // the status it ends with
    public async Task A_publish_whose_status_write_response_is_lost_is_not_published_again_by_the_reconcile(int lostWrite)
    {
        await PublishThreePostsAsync();
        await _publisher.ReconcileAsync(_content);
        var statusWrites = 0;
        _stateStore.BeforeWrite = path =>
        {
            if (path == "sources/posts/a.md.json" && Interlocked.Increment(ref statusWrites) == lostWrite)
            {
                _stateStore.LoseResponseOnce = path;
            }

            return Task.CompletedTask;
        };

        // The status landed; the write's retry met the new version and read back the status it had just written.
        await _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-03-25T00:00:00Z", "new"), "a2"));
        var report = await _publisher.ReconcileAsync(_content);

        Assert.True(report.InSync, string.Join(", ", report.Changes.Select(change => $"{change.SourcePath}: {change.Outcome} {change.SiteWrites}")));
        await AssertSiteIsTheWholeBuildAsync(reconcile: false);
    }

    [Fact]
    public async Task A_delete_that_fails_while_pages_are_rewritten_takes_the_post_off_the_site_when_retried()
    {
        await PublishThreePostsAsync();
        _content.Files.Remove("posts/a.md");
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(_ => true);

        await Assert.ThrowsAsync<IOException>(() => _publisher.UnpublishAsync("posts/a.md"));
        await _publisher.UnpublishAsync("posts/a.md");

        Assert.False(File.Exists(Path.Combine(_site, "posts", "a", "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_post_made_a_draft_by_an_edit_that_fails_while_pages_are_rewritten_goes_offline_when_retried()
    {
        await PublishThreePostsAsync();
        var draft = _content.Upload("posts/a.md", "---\ntitle: A\ndate: 2024-01-15T00:00:00Z\ndraft: true\ntags: [old]\n---\nNot ready.\n", "a2");
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(_ => true);

        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(draft));
        await _publisher.PublishAsync(draft);

        Assert.False(File.Exists(Path.Combine(_site, "posts", "a", "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_slug_change_that_fails_while_the_old_page_is_removed_removes_it_when_retried()
    {
        await PublishThreePostsAsync();
        var renamed = _content.Upload("posts/a.md", "---\ntitle: A\nslug: a-renamed\ndate: 2024-01-15T00:00:00Z\ntags: [old]\n---\nBody.\n", "a2");
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(_ => true);

        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(renamed));
        await _publisher.PublishAsync(renamed);

        Assert.False(File.Exists(Path.Combine(_site, "posts", "a", "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_file_uploaded_again_while_another_host_unpublishes_it_is_published_by_the_next_reconcile()
    {
        await PublishThreePostsAsync();
        var held = new TaskCompletionSource();
        var reached = new TaskCompletionSource();
        _stateStore.BeforeRead = async path =>
        {
            if (path == "posts/a.json" && reached.TrySetResult())
            {
                await held.Task;
            }
        };

        // This host handles the delete; another publishes the upload that follows it while this one is half-way.
        _content.Files.Remove("posts/a.md");
        var unpublish = _publisher.UnpublishAsync("posts/a.md");
        await reached.Task;
        var otherHost = NewPublisher(new FolderStateStore(_state), new FolderSiteStore(_site));
        await otherHost.PublishAsync(_content.Upload("posts/a.md", Post("A again", "2024-01-15T00:00:00Z", "old"), "a2"));
        held.SetResult();
        await unpublish;

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_post_that_links_to_another_before_it_has_its_slug_is_published_again_with_the_link_it_gets()
    {
        var linking = await _publisher.PublishAsync(_content.Upload("posts/x.md", "---\ntitle: X\ndate: 2024-01-02\n---\nSee [y](y.md).\n", "x1"));
        var target = await _publisher.PublishAsync(_content.Upload("posts/y.md", "---\ntitle: Y\nslug: custom\ndate: 2024-01-01\n---\nY.\n", "y1"));

        Assert.Empty(linking.LinkedFrom);
        Assert.Equal(["posts/x.md"], target.LinkedFrom);

        // The reconcile publishes what the target's publish marked; a host publishes it at once.
        await AssertSiteIsTheWholeBuildAsync();
        Assert.Contains("href=\"https://golden.example/blog/posts/custom/\"", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "x", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_whose_slug_changes_has_the_posts_that_link_to_it_published_again()
    {
        await _publisher.PublishAsync(_content.Upload("posts/y.md", "---\ntitle: Y\nslug: first\ndate: 2024-01-01\n---\nY.\n", "y1"));
        await _publisher.PublishAsync(_content.Upload("posts/x.md", "---\ntitle: X\ndate: 2024-01-02\n---\nSee [y](y.md).\n", "x1"));
        var renamed = await _publisher.PublishAsync(_content.Upload("posts/y.md", "---\ntitle: Y\nslug: second\ndate: 2024-01-01\n---\nY.\n", "y2"));
        var again = await _publisher.PublishAsync(_content.Files["posts/x.md"]);

        Assert.Equal(["posts/x.md"], renamed.LinkedFrom);
        Assert.Equal(PublishOutcome.Published, again.Outcome);
        Assert.Contains("href=\"https://golden.example/blog/posts/second/\"", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "x", "index.html")), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task An_edit_that_fails_after_the_index_changed_is_taken_out_by_the_next_version_published()
    {
        await PublishThreePostsAsync();
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(_ => true);

        // March and tag "new" reach the index, then the pages fail; by the retry the author has saved again.
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-03-25T00:00:00Z", "new"), "a2")));
        await _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-05-02T00:00:00Z", "later"), "a3"));

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_first_publish_that_fails_after_the_index_changed_is_taken_off_when_the_file_is_deleted()
    {
        await PublishThreePostsAsync();
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(_ => true);
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(_content.Upload("posts/d.md", Post("D", "2024-02-01T00:00:00Z", "old"), "d1")));

        _content.Files.Remove("posts/d.md");
        await _publisher.UnpublishAsync("posts/d.md");

        Assert.False(File.Exists(Path.Combine(_site, "posts", "d", "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_link_from_a_post_to_itself_uses_the_slug_it_is_published_under()
    {
        await _publisher.PublishAsync(_content.Upload("posts/self.md", "---\ntitle: Self\nslug: chosen\ndate: 2024-01-02\n---\nSee [the part below](self.md#below).\n", "s1"));

        Assert.Contains("href=\"https://golden.example/blog/posts/chosen/#below\"", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "chosen", "index.html")), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_post_taken_offline_and_back_under_its_file_name_has_the_posts_that_link_to_it_follow()
    {
        await _publisher.PublishAsync(_content.Upload("posts/y.md", "---\ntitle: Y\nslug: custom\ndate: 2024-01-01\n---\nY.\n", "y1"));
        await _publisher.PublishAsync(_content.Upload("posts/x.md", "---\ntitle: X\ndate: 2024-01-02\n---\nSee [y](y.md).\n", "x1"));
        var drafted = await _publisher.PublishAsync(_content.Upload("posts/y.md", "---\ntitle: Y\nslug: custom\ndraft: true\ndate: 2024-01-01\n---\nY.\n", "y2"));
        foreach (var linking in drafted.LinkedFrom)
        {
            await _publisher.PublishAsync(_content.Files[linking]);
        }

        await _publisher.PublishAsync(_content.Upload("posts/y.md", "---\ntitle: Y\ndate: 2024-01-01\n---\nY.\n", "y3"));

        Assert.Equal(["posts/x.md"], drafted.LinkedFrom);
        Assert.Contains("href=\"https://golden.example/blog/posts/y/\"", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "x", "index.html")), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_post_that_read_the_old_address_of_a_post_it_links_to_while_that_post_was_published_is_marked()
    {
        // This host publishes x; another host publishes y under its own slug meanwhile, just after x read y's status.
        var held = new TaskCompletionSource();
        var read = new TaskCompletionSource();
        _stateStore.AfterRead = async path =>
        {
            if (path == "sources/posts/y.md.json" && read.TrySetResult())
            {
                await held.Task;
            }
        };
        var linking = _publisher.PublishAsync(_content.Upload("posts/x.md", "---\ntitle: X\ndate: 2024-01-02\n---\nSee [y](y.md).\n", "x1"));
        await read.Task;
        var otherHost = NewPublisher(new FolderStateStore(_state), new FolderSiteStore(_site));
        var target = await otherHost.PublishAsync(_content.Upload("posts/y.md", "---\ntitle: Y\nslug: custom\ndate: 2024-01-01\n---\nY.\n", "y1"));
        held.SetResult();
        await linking;

        Assert.Equal(["posts/x.md"], target.LinkedFrom);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_publish_whose_work_another_host_undid_meanwhile_is_done_again_by_the_next_publish_of_the_same_bytes()
    {
        await PublishThreePostsAsync();

        // This host publishes a new version of a.md and is held before it records its status; another host handles a
        // late delete event of a.md meanwhile, taking off what this one has just put online.
        var held = new TaskCompletionSource();
        var reached = new TaskCompletionSource();
        var statusWrites = 0;
        _stateStore.BeforeWrite = async path =>
        {
            if (path == "sources/posts/a.md.json" && Interlocked.Increment(ref statusWrites) == 2 && reached.TrySetResult())
            {
                await held.Task;
            }
        };
        var edit = _content.Upload("posts/a.md", Post("A edited", "2024-01-15T00:00:00Z", "old"), "a2");
        var publish = _publisher.PublishAsync(edit);
        await reached.Task;
        await NewPublisher(new FolderStateStore(_state), new FolderSiteStore(_site)).UnpublishAsync("posts/a.md");
        held.SetResult();
        await publish;
        Assert.False(File.Exists(Path.Combine(_site, "posts", "a", "index.html")));

        // The blob is still there: the delete event was late. The handler publishes it again, with the same bytes.
        var again = await _publisher.PublishAsync(edit);

        Assert.Equal(PublishOutcome.Published, again.Outcome);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task Two_publishes_that_fail_one_after_the_other_under_new_slugs_leave_nothing_behind()
    {
        await PublishThreePostsAsync();

        // Under slug x, the post's own page fails after the index changed; under slug y, the post's record fails.
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(path => path.StartsWith("posts/x/", StringComparison.Ordinal));
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(_content.Upload("posts/a.md", "---\ntitle: A\nslug: x\ndate: 2024-02-15T00:00:00Z\ntags: [new]\n---\nX.\n", "a2")));
        _stateStore.BeforeWrite = StoreHooks.FailingOnce(path => path == "posts/y.json");
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(_content.Upload("posts/a.md", "---\ntitle: A\nslug: y\ndate: 2024-03-01T00:00:00Z\ntags: [other]\n---\nY.\n", "a3")));

        await _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-01-20T00:00:00Z", "old"), "a4"));

        Assert.False(Directory.Exists(Path.Combine(_site, "posts", "x")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task Two_publishes_under_one_new_slug_that_fail_one_after_the_other_leave_nothing_of_the_first()
    {
        await PublishThreePostsAsync();

        // Under slug x: the first version's own page fails after the index changed; the second fails after its record
        // is written, before the index changes (its first read of the index fails).
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(path => path.StartsWith("posts/x/", StringComparison.Ordinal));
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(_content.Upload("posts/a.md", "---\ntitle: A\nslug: x\ndate: 2024-01-20T00:00:00Z\ntags: [first]\n---\nX1.\n", "a2")));
        _stateStore.BeforeRead = StoreHooks.FailingOnce(path => path == "index/catalog.json");
        var second = _content.Upload("posts/a.md", "---\ntitle: A\nslug: x\ndate: 2024-03-02T00:00:00Z\ntags: [second]\n---\nX2.\n", "a3");
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(second));

        await _publisher.PublishAsync(second);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_version_rejected_after_a_publish_that_failed_takes_the_post_offline_and_settles()
    {
        await PublishThreePostsAsync();
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(_ => true);
        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-03-25T00:00:00Z", "new"), "a2")));

        var rejected = await _publisher.PublishAsync(_content.Upload("posts/a.md", "---\ntitle: A\ndate: not a date\n---\nBroken.\n", "a3"));
        var first = await _publisher.ReconcileAsync(_content);
        var second = await _publisher.ReconcileAsync(_content);

        Assert.Equal(PublishOutcome.Rejected, rejected.Outcome);
        Assert.True(second.InSync, string.Join(", ", second.Changes.Select(change => $"{change.SourcePath}: {change.Outcome}")));
        Assert.False(File.Exists(Path.Combine(_site, "posts", "a", "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_file_renamed_with_its_slug_kept_is_published_once_its_old_name_is_gone_whichever_comes_first()
    {
        await _publisher.PublishAsync(_content.Upload("posts/2024-01-01-foo.md", "---\ntitle: Foo\n---\nFoo.\n", "f1"));

        // The new name's trigger comes before the old name's delete event: its slug is still taken.
        var renamed = _content.Upload("posts/2024-01-05-foo.md", "---\ntitle: Foo\n---\nFoo.\n", "f2");
        var refused = await _publisher.PublishAsync(renamed);
        _content.Files.Remove("posts/2024-01-01-foo.md");
        var removed = await _publisher.UnpublishAsync("posts/2024-01-01-foo.md");
        Assert.Equal(PublishOutcome.Rejected, refused.Outcome);
        Assert.Equal(["posts/2024-01-05-foo.md"], removed.LinkedFrom);

        // As the handler does with the files a removal marks.
        var published = await _publisher.PublishAsync(renamed);

        Assert.Equal(PublishOutcome.Published, published.Outcome);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_reconcile_that_publishes_a_post_before_the_post_it_links_to_ends_with_the_link_right()
    {
        // As after `blog rebuild`, which forgets the state: the linking post comes first in the listing.
        _content.Upload("posts/a-linking.md", "---\ntitle: Linking\ndate: 2024-01-02\n---\nSee [b](b-target.md).\n", "a1");
        _content.Upload("posts/b-target.md", "---\ntitle: Target\nslug: bee\ndate: 2024-01-01\n---\nB.\n", "b1");

        await _publisher.ReconcileAsync(_content);

        Assert.Contains("href=\"https://golden.example/blog/posts/bee/\"", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "a-linking", "index.html")), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync(reconcile: false);
        Assert.True((await _publisher.ReconcileAsync(_content)).InSync);
    }

    [Fact]
    public async Task A_post_published_while_a_reconcile_lists_the_files_is_not_taken_for_deleted()
    {
        await PublishThreePostsAsync();
        var trigger = NewPublisher(new FolderStateStore(_state), new FolderSiteStore(_site));
        _content.AfterListing = async () =>
        {
            // Uploaded just after the listing went past its name, and published by the trigger at once.
            _content.AfterListing = null;
            await trigger.PublishAsync(_content.Upload("posts/d.md", Post("D", "2024-02-01T00:00:00Z", "old"), "d1"));
        };

        var report = await _publisher.ReconcileAsync(_content);

        Assert.DoesNotContain(report.Changes, change => change.Outcome == PublishOutcome.Unpublished);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_reconcile_rewrites_the_home_page_and_feeds_a_lost_refresh_race_left_stale()
    {
        for (var i = 0; i < 10; i++)
        {
            await _publisher.PublishAsync(_content.Upload($"posts/p{i}.md", Post($"P{i}", $"2024-02-{10 + i}T00:00:00Z", "t"), $"v{i}"));
        }

        foreach (var page in new[] { "index.html", "feed.xml", "atom.xml", "feed.json" })
        {
            await File.WriteAllTextAsync(Path.Combine(_site, page), "written from an older catalog");
        }

        await _publisher.ReconcileAsync(_content);

        await AssertSiteIsTheWholeBuildAsync(reconcile: false);
    }

    [Fact]
    public async Task A_burst_of_publishes_on_one_host_leaves_the_site_a_whole_build_makes_without_a_reconcile()
    {
        // The files only a reconcile writes (stylesheet, 404 page, robots.txt), written first, so that nothing is left
        // for the reconcile to heal after the burst.
        await _publisher.ReconcileAsync(_content);
        var posts = Enumerable.Range(0, 120)
            .Select(i => _content.Upload($"posts/burst-{i:D3}.md", $"---\ntitle: Burst {i}\ndate: 2024-{1 + (i % 6):D2}-{1 + (i % 28):D2}T{i % 24:D2}:00:00Z\ntags: [burst, t{i % 5}]\n---\nPost {i}.\n", $"v{i}"))
            .ToList();

        await Task.WhenAll(posts.Select(post => Task.Run(() => _publisher.PublishAsync(post))));

        await AssertSiteIsTheWholeBuildAsync(reconcile: false);
    }

    [Fact]
    public async Task A_neighbour_page_written_from_an_index_another_publish_changed_meanwhile_is_made_again()
    {
        // Another host publishes B between A and P to the end, P's page included (older: B), while A's write of P's page
        // (older: A) is held; that write then lands last, from the older index.
        var (held, publish, _) = await PublishBetweenTwoHeldAtTheNewerAsync();
        await OtherHost().PublishAsync(_content.Upload("posts/b.md", Post("B", "2024-02-15T00:00:00Z", "t"), "b1"));
        held.SetResult();
        await publish;

        // P is no neighbour of A's any more, but A's refresh wrote its page: its next round writes it again.
        await AssertSiteIsTheWholeBuildAsync(reconcile: false);
    }

    [Fact]
    public async Task A_neighbour_page_written_after_another_publish_took_that_post_off_is_deleted_again()
    {
        // The held write of P's page lands after another host took P off the site, page and record.
        var (held, publish, _) = await PublishBetweenTwoHeldAtTheNewerAsync();
        await TakeOffOnAnotherHostAsync("posts/p.md");
        held.SetResult();
        await publish;

        Assert.False(File.Exists(Path.Combine(_site, "posts", "p", "index.html")));
        await AssertSiteIsTheWholeBuildAsync(reconcile: false);
    }

    [Fact]
    public async Task A_neighbour_page_written_while_another_host_takes_that_post_off_is_deleted_again()
    {
        // The removal of P on another host is held after P left the index and its page was deleted, before its record
        // goes; the held write of P's page lands then, and A's next round finds P's record but not P in the index.
        var (held, publish, _) = await PublishBetweenTwoHeldAtTheNewerAsync();
        _content.Files.Remove("posts/p.md");
        var removingState = new HookedStateStore(new FolderStateStore(_state));
        var recordHeld = new TaskCompletionSource();
        var recordReached = new TaskCompletionSource();
        removingState.BeforeWrite = async path =>
        {
            if (path == "posts/p.json" && recordReached.TrySetResult())
            {
                await recordHeld.Task;
            }
        };
        var removal = NewPublisher(removingState, new FolderSiteStore(_site)).UnpublishAsync("posts/p.md");
        await recordReached.Task;
        held.SetResult();
        await publish;
        recordHeld.SetResult();
        await removal;

        Assert.False(File.Exists(Path.Combine(_site, "posts", "p", "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_neighbour_page_a_failed_publish_wrote_from_an_older_index_is_made_again_by_the_next_reconcile()
    {
        // As in the first of these, but A's publish fails once its held write has landed: the round that would find the
        // index changed never runs, and the retry renders A's neighbours as they are now (O and B), not P.
        var (held, publish, a) = await PublishBetweenTwoHeldAtTheNewerAsync();
        var failNextRead = FailNextStateRead();
        await OtherHost().PublishAsync(_content.Upload("posts/b.md", Post("B", "2024-02-15T00:00:00Z", "t"), "b1"));
        failNextRead();
        held.SetResult();
        await Assert.ThrowsAsync<IOException>(() => publish);

        // The reconcile renders every page again; on a site without a theme, it has nothing of _theme/ to report.
        Assert.Equal(PublishOutcome.Published, (await _publisher.PublishAsync(a)).Outcome);
        var report = await _publisher.ReconcileAsync(_content);
        Assert.True(report.InSync, string.Join(", ", report.Changes.Select(change => $"{change.SourcePath}: {change.Outcome} {change.SiteWrites}")));
        await AssertSiteIsTheWholeBuildAsync(reconcile: false);
    }

    [Fact]
    public async Task A_tag_feed_a_failed_publish_wrote_from_an_older_index_is_written_again_by_its_retry()
    {
        await _publisher.ReconcileAsync(_content);

        // A's write of the tag's feed is held while twenty newer posts are published, each writing the feed; then it lands,
        // from the index A read, and A fails. The retry finds A no longer among the feed's newest posts.
        var (held, reached) = _siteStore.HoldWrite(path => path == "tags/t/feed.xml");
        var failNextRead = FailNextStateRead();
        var a = _content.Upload("posts/a.md", Post("A", "2024-02-10T00:00:00Z", "t"), "a1");
        var publish = _publisher.PublishAsync(a);
        await reached.Task;
        var other = OtherHost();
        for (var i = 0; i < 20; i++)
        {
            await other.PublishAsync(_content.Upload($"posts/n{i:D2}.md", Post($"N{i:D2}", $"2024-03-{1 + i:D2}T00:00:00Z", "t"), $"n{i}"));
        }

        failNextRead();
        held.SetResult();
        await Assert.ThrowsAsync<IOException>(() => publish);

        Assert.Equal(PublishOutcome.Published, (await _publisher.PublishAsync(a)).Outcome);
        await AssertSiteIsTheWholeBuildAsync(reconcile: false);
    }

    [Fact]
    public async Task A_theme_removal_whose_rendering_failed_is_reported_by_the_retry_that_applies_it()
    {
        await _publisher.ReconcileAsync(_content);
        await _publisher.PublishAsync(_content.Upload("posts/o.md", Post("O", "2024-02-01T00:00:00Z", "t"), "o1"));
        _content.Upload("_theme/post.liquid", "<article class=\"themed\"><h1>{{ post.title }}</h1>\n{{ post.content | raw }}</article>\n", "t1");
        Assert.Equal(PublishOutcome.Published, (await _publisher.ApplyThemeAsync(_content)).Outcome);
        Assert.Contains("themed", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "o", "index.html")), StringComparison.Ordinal);

        // The last theme file is deleted; its trigger records the default theme, then fails while it renders the pages.
        _content.Files.Remove("_theme/post.liquid");
        _siteStore.BeforeWrite = StoreHooks.FailingOnce(path => path == "posts/o/index.html");
        await Assert.ThrowsAsync<IOException>(() => _publisher.ApplyThemeAsync(_content));
        Assert.Contains("themed", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "o", "index.html")), StringComparison.Ordinal);

        // The retry takes every page out of the theme: the change of theme happens now.
        var retry = await _publisher.ApplyThemeAsync(_content);
        Assert.DoesNotContain("themed", await File.ReadAllTextAsync(Path.Combine(_site, "posts", "o", "index.html")), StringComparison.Ordinal);
        Assert.True(retry.Outcome == PublishOutcome.Published, $"retry: {retry.Outcome}, {retry.SiteWrites} site writes");
    }

    [Fact]
    public async Task A_neighbour_page_a_failed_publish_wrote_after_that_post_was_taken_off_is_gone_after_the_reconcile()
    {
        // As A_neighbour_page_written_after_another_publish_took_that_post_off_is_deleted_again, but A's publish fails
        // once the held write of P's page has landed: the refresh marks, and the next reconcile renders every page.
        var (held, publish, a) = await PublishBetweenTwoHeldAtTheNewerAsync();
        var failNextRead = FailNextStateRead();
        await TakeOffOnAnotherHostAsync("posts/p.md");
        failNextRead();
        held.SetResult();
        await Assert.ThrowsAsync<IOException>(() => publish);
        Assert.Equal(PublishOutcome.Published, (await _publisher.PublishAsync(a)).Outcome);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_tag_year_page_a_renaming_round_wrote_after_that_year_emptied_is_deleted_again()
    {
        await _publisher.ReconcileAsync(_content);
        await _publisher.PublishAsync(_content.Upload("posts/x.md", Post("X", "2022-05-01T00:00:00Z", "go"), "x1"));
        await _publisher.PublishAsync(_content.Upload("posts/y.md", Post("Y", "2024-01-05T00:00:00Z", "go"), "y1"));

        // A spells the tag Go, which sorts first: its refresh writes the tag's page of every year, 2022's held.
        var (held, reached) = _siteStore.HoldWrite(path => path == "tags/go/2022/index.html");
        var publish = _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-02-10T00:00:00Z", "Go"), "a1"));
        await reached.Task;
        await TakeOffOnAnotherHostAsync("posts/x.md");
        held.SetResult();
        await publish;

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_page_write_that_fails_but_lands_later_is_made_again()
    {
        await _publisher.ReconcileAsync(_content);
        await _publisher.PublishAsync(_content.Upload("posts/o.md", Post("O", "2024-02-01T00:00:00Z", "t"), "o1"));
        await _publisher.PublishAsync(_content.Upload("posts/p.md", Post("P", "2024-02-20T00:00:00Z", "t"), "p1"));

        // A's write of P's page (older: A) times out: the caller hears a failure, and the request lands later.
        var late = new LateSiteStore(new FolderSiteStore(_site), path => path == "posts/p/index.html");
        var host = NewPublisher(new FolderStateStore(_state), late);
        var a = _content.Upload("posts/a.md", Post("A", "2024-02-10T00:00:00Z", "t"), "a1");
        await Assert.ThrowsAsync<IOException>(() => host.PublishAsync(a));

        await OtherHost().PublishAsync(_content.Upload("posts/b.md", Post("B", "2024-02-15T00:00:00Z", "t"), "b1"));
        await late.LandAsync();
        Assert.Equal(PublishOutcome.Published, (await host.PublishAsync(a)).Outcome);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_listed_post_whose_record_is_ahead_of_the_index_keeps_its_page()
    {
        // An edit of P to March stops after P's record is written, before the index changes.
        var (held, publish, _) = await PublishBetweenTwoHeldAtTheNewerAsync();
        var edit = await EditThatStopsBeforeTheIndexAsync("posts/p.md", Post("P", "2024-03-05T00:00:00Z", "t"), "p2");

        // Another host publishes C between A and P: A's refresh goes another round, where P is no neighbour of A's but
        // a page the round before wrote, and P's record names March, where the index does not list P.
        await OtherHost().PublishAsync(_content.Upload("posts/c.md", Post("C", "2024-02-15T00:00:00Z", "t"), "c1"));
        held.SetResult();
        await publish;

        // The index still lists P (in February), and its neighbours link to it: its page stays online until the edit's
        // retry moves it to March.
        Assert.True(File.Exists(Path.Combine(_site, "posts", "p", "index.html")));
        Assert.Equal(PublishOutcome.Published, (await OtherHost().PublishAsync(edit)).Outcome);
        await AssertSiteIsTheWholeBuildAsync(reconcile: false);
    }

    [Fact]
    public async Task A_neighbour_page_written_while_another_host_retitles_the_other_neighbour_is_made_again()
    {
        await _publisher.ReconcileAsync(_content);
        await _publisher.PublishAsync(_content.Upload("posts/o.md", Post("O", "2024-02-01T00:00:00Z", "t"), "o1"));
        await _publisher.PublishAsync(_content.Upload("posts/p.md", Post("P", "2024-02-20T00:00:00Z", "t"), "p1"));
        await _publisher.PublishAsync(_content.Upload("posts/q.md", Post("Q", "2024-02-25T00:00:00Z", "t"), "q1"));

        // A's write of P's page (older A, newer Q) is held while another host retitles Q, P's page included. The catalog
        // keeps the same bytes (counts and dates), but its version changes, as a blob's ETag does.
        var (held, reached) = _siteStore.HoldWrite(path => path == "posts/p/index.html");
        var publish = _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-02-10T00:00:00Z", "t"), "a1"));
        await reached.Task;
        await OtherHost().PublishAsync(_content.Upload("posts/q.md", Post("Q retitled", "2024-02-25T00:00:00Z", "t"), "q2"));
        held.SetResult();
        await publish;

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_carried_neighbour_listed_in_a_month_neither_its_record_nor_the_round_before_names_keeps_its_page()
    {
        // Another host moves P to March; then an edit of P to April stops after P's record is written. A's next round
        // finds P's record naming April and P gone from February, while the index lists it in March.
        var (held, publish, _) = await PublishBetweenTwoHeldAtTheNewerAsync();
        await OtherHost().PublishAsync(_content.Upload("posts/p.md", Post("P", "2024-03-05T00:00:00Z", "t"), "p2"));
        var edit = await EditThatStopsBeforeTheIndexAsync("posts/p.md", Post("P", "2024-04-05T00:00:00Z", "t"), "p3");
        held.SetResult();
        await publish;

        Assert.True(File.Exists(Path.Combine(_site, "posts", "p", "index.html")));
        Assert.Equal(PublishOutcome.Published, (await OtherHost().PublishAsync(edit)).Outcome);
        await AssertSiteIsTheWholeBuildAsync(reconcile: false);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(true, "/posts/old-p/")]
    [InlineData(true, "/tags/old-p/")]
    public async Task A_post_published_while_a_whole_rendering_looks_for_stray_pages_stays_online(bool newerThemeMeanwhile, string? alias)
    {
        await _publisher.ReconcileAsync(_content);
        await _publisher.PublishAsync(_content.Upload("posts/o.md", Post("O", "2024-02-01T00:00:00Z", "t"), "o1"));
        _content.Upload("_theme/post.liquid", "<article class=\"one\"><h1>{{ post.title }}</h1>\n{{ post.content | raw }}</article>\n", "t1");

        // This host applies the theme; just before its first pass lists the site for stray pages, another host publishes
        // P (and, in the second case, another applies a newer theme first, which stops this host's rendering).
        var listed = 0;
        _siteStore.BeforeList = async prefix =>
        {
            if (prefix == "posts/" && Interlocked.Exchange(ref listed, 1) == 0)
            {
                if (newerThemeMeanwhile)
                {
                    _content.Upload("_theme/post.liquid", "<article class=\"two\"><h1>{{ post.title }}</h1>\n{{ post.content | raw }}</article>\n", "t2");
                    await OtherHost().ApplyThemeAsync(_content);
                }

                var aliases = alias is null ? string.Empty : $"aliases: [{alias}]\n";
                await OtherHost().PublishAsync(_content.Upload("posts/p.md", $"---\ntitle: P\ndate: 2024-02-20T00:00:00Z\ntags: [t]\n{aliases}---\nBody of P.\n", "p1"));
            }
        };
        await _publisher.ApplyThemeAsync(_content);

        Assert.True(File.Exists(Path.Combine(_site, "posts", "p", "index.html")));
        Assert.True(alias is null || File.Exists(Path.Combine(_site, alias.Trim('/'), "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    /// <summary>
    /// Posts O and P, then a publish of A between them on this host, held at its write of P's page (whose older
    /// neighbour it makes A) until the test lets it go.
    /// </summary>
    private async Task<(TaskCompletionSource Held, Task<PublishResult> Publish, ContentFile A)> PublishBetweenTwoHeldAtTheNewerAsync()
    {
        await _publisher.ReconcileAsync(_content);
        await _publisher.PublishAsync(_content.Upload("posts/o.md", Post("O", "2024-02-01T00:00:00Z", "t"), "o1"));
        await _publisher.PublishAsync(_content.Upload("posts/p.md", Post("P", "2024-02-20T00:00:00Z", "t"), "p1"));
        var (held, reached) = _siteStore.HoldWrite(path => path == "posts/p/index.html");
        var a = _content.Upload("posts/a.md", Post("A", "2024-02-10T00:00:00Z", "t"), "a1");
        var publish = _publisher.PublishAsync(a);
        await reached.Task;
        return (held, publish, a);
    }

    /// <summary>An edit published on another host that stops after it wrote the post's record, before the index changes.</summary>
    /// <returns>The edited file, for its retry.</returns>
    private async Task<ContentFile> EditThatStopsBeforeTheIndexAsync(string path, string text, string version)
    {
        var stopping = new HookedStateStore(new FolderStateStore(_state))
        {
            BeforeWrite = written => written.StartsWith("index/", StringComparison.Ordinal) ? throw new IOException($"{written}: injected failure") : Task.CompletedTask,
        };
        var edit = _content.Upload(path, text, version);
        await Assert.ThrowsAsync<IOException>(() => NewPublisher(stopping, new FolderSiteStore(_site)).PublishAsync(edit));
        return edit;
    }

    /// <summary>The file deleted, and its post taken off by another host.</summary>
    private async Task TakeOffOnAnotherHostAsync(string path)
    {
        _content.Files.Remove(path);
        await OtherHost().UnpublishAsync(path);
    }

    /// <summary>A publisher of another host on the same stores, without hooks.</summary>
    private SitePublisher OtherHost() => NewPublisher(new FolderStateStore(_state), new FolderSiteStore(_site));

    /// <summary>Arms a hook that fails the next read of this host's state store, once: call the action returned to arm it.</summary>
    private Action FailNextStateRead()
    {
        var armed = 0;
        _stateStore.BeforeRead = _ => Interlocked.CompareExchange(ref armed, 2, 1) == 1
            ? throw new IOException("injected failure of a state read")
            : Task.CompletedTask;
        return () => Volatile.Write(ref armed, 1);
    }

    private SitePublisher NewPublisher(IStateStore state, ISiteStore site) =>
        new(Options.Create(GoldenCorpus.Options), site, state, _time, NullLogger<SitePublisher>.Instance);

    private static string Post(string title, string date, string tag) =>
        $"---\ntitle: {title}\ndate: {date}\ntags: [{tag}]\n---\nBody of {title}.\n";

    /// <summary>Three posts over two months and two tags, so that an edit of the middle one moves it across both.</summary>
    private async Task PublishThreePostsAsync()
    {
        await _publisher.PublishAsync(_content.Upload("posts/b.md", Post("B", "2024-01-10T00:00:00Z", "old"), "b1"));
        await _publisher.PublishAsync(_content.Upload("posts/c.md", Post("C", "2024-03-20T00:00:00Z", "new"), "c1"));
        await _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A", "2024-01-15T00:00:00Z", "old"), "a1"));
    }

    /// <summary>
    /// After a reconcile (which writes the files no publish writes: the stylesheet, 404 page and robots.txt), the
    /// published site is, file for file and byte for byte, what a whole build of the content makes.
    /// </summary>
    private async Task AssertSiteIsTheWholeBuildAsync(bool reconcile = true)
    {
        if (reconcile)
        {
            await NewPublisher(new FolderStateStore(_state), new FolderSiteStore(_site)).ReconcileAsync(_content);
        }

        await GoldenCorpus.AssertIsTheWholeBuildAsync(_content, _site, _time);
    }

    public void Dispose()
    {
        Directory.Delete(_site, recursive: true);
        Directory.Delete(_state, recursive: true);
    }
}

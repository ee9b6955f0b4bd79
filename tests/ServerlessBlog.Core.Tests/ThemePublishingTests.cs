using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Publishing.Status;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

/// <summary>
/// The files of <c>_theme/</c> in the posts container are the live site's theme, as they are <c>blog build</c>'s: once
/// applied, every page is what a whole build of the same content makes, whichever host rendered it and when it started.
/// </summary>
public sealed class ThemePublishingTests : IDisposable
{
    private const string ThemedPost = "<article class=\"themed\"><h1>{{ post.title }}</h1>\n{{ post.content | raw }}</article>\n";
    private const string ThemedStyle = "body { color: rebeccapurple; }\n";

    private readonly string _site = Directory.CreateTempSubdirectory("themed-site-").FullName;
    private readonly string _state = Directory.CreateTempSubdirectory("themed-state-").FullName;
    private readonly MutableTimeProvider _time = new(GoldenCorpus.Now);
    private readonly MemoryContentSource _content = new();
    private readonly SitePublisher _publisher;

    public ThemePublishingTests()
    {
        _publisher = NewPublisher();
    }

    [Fact]
    public async Task Applying_the_theme_renders_every_published_page_with_it()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        _content.Upload("_theme/style.css", ThemedStyle, "s1");

        var result = await _publisher.ApplyThemeAsync(_content);

        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.True(result.SiteWrites >= 4, $"{result.SiteWrites} files written");
        Assert.Contains("<article class=\"themed\"><h1>A</h1>", ReadSite("posts/a/index.html"), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task Applying_the_same_theme_again_writes_nothing()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await _publisher.ApplyThemeAsync(_content);

        var again = await NewPublisher().ApplyThemeAsync(_content);

        Assert.Equal(PublishOutcome.Unchanged, again.Outcome);
        Assert.Equal(0, again.SiteWrites);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_apply_that_fails_while_pages_are_rendered_is_finished_by_its_retry_or_the_next_reconcile(bool byReconcile)
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        var armed = 1;
        var failing = new HookedSiteStore(new FolderSiteStore(_site))
        {
            BeforeWrite = path => path == "posts/b/index.html" && Interlocked.Exchange(ref armed, 0) == 1 ? throw new IOException($"{path}: injected failure") : Task.CompletedTask,
        };

        await Assert.ThrowsAsync<IOException>(() => NewPublisher(failing).ApplyThemeAsync(_content));
        if (byReconcile)
        {
            Assert.Contains((await _publisher.ReconcileAsync(_content)).Changes, change => change.SourcePath == ContentPaths.ThemeFolder && change.Outcome == PublishOutcome.Published);
        }
        else
        {
            Assert.Equal(PublishOutcome.Published, (await _publisher.ApplyThemeAsync(_content)).Outcome);
        }

        Assert.Equal(PublishOutcome.Unchanged, (await _publisher.ApplyThemeAsync(_content)).Outcome);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_host_started_before_the_theme_was_applied_publishes_with_it()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await NewPublisher().ApplyThemeAsync(_content);

        await _publisher.PublishAsync(_content.Upload("posts/d.md", Post("D", "2024-03-22T00:00:00Z", "new"), "d1"));

        Assert.Contains("<article class=\"themed\"><h1>D</h1>", ReadSite("posts/d/index.html"), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_theme_applied_while_a_post_is_published_is_on_that_posts_pages_after_the_next_reconcile()
    {
        await PublishSiteAsync();
        var (held, reached, site) = HoldFirstWrite(path => path == "posts/d/index.html");
        var publishing = NewPublisher(site);

        // This host renders D's page with the default theme; another applies a theme before that page is written.
        var publish = publishing.PublishAsync(_content.Upload("posts/d.md", Post("D", "2024-03-22T00:00:00Z", "new"), "d1"));
        await reached.Task;
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await NewPublisher().ApplyThemeAsync(_content);
        held.SetResult();
        await publish;

        // The publish wrote D's page in the old theme after the whole rendering: the theme is marked not rendered.
        Assert.Contains((await _publisher.ReconcileAsync(_content)).Changes, change => change.SourcePath == ContentPaths.ThemeFolder && change.Outcome == PublishOutcome.Published);
        Assert.Contains("<article class=\"themed\"><h1>D</h1>", ReadSite("posts/d/index.html"), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_theme_that_does_not_parse_is_refused_and_the_site_keeps_its_theme()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await _publisher.ApplyThemeAsync(_content);
        var before = SiteFiles();
        _content.Upload("_theme/post.liquid", "<h1>{{ post.title </h1>\n{% if %}", "t2");
        _content.Upload("_theme/style.css", ThemedStyle, "s1");

        var result = await _publisher.ApplyThemeAsync(_content);
        await _publisher.PublishAsync(_content.Upload("posts/a.md", Post("A edited", "2024-01-15T00:00:00Z", "old"), "a2"));

        Assert.Equal(PublishOutcome.Rejected, result.Outcome);
        Assert.Contains("post.liquid", result.Reason, StringComparison.Ordinal);
        Assert.Equal(before["theme/style.css"], ReadSite("theme/style.css"));
        Assert.Contains("<article class=\"themed\"><h1>A edited</h1>", ReadSite("posts/a/index.html"), StringComparison.Ordinal);

        // Where blog status shows it, for each file of the refused theme.
        var status = new PublishingStatusReader(new FolderStateStore(_state));
        foreach (var (path, version) in new[] { ("_theme/post.liquid", "t2"), ("_theme/style.css", "s1") })
        {
            var record = await status.ReadAsync(path);
            Assert.True(PublishingStatusReader.IsAbout(record, version), path);
            Assert.Equal(PublishOutcome.Rejected, record!.Outcome);
            Assert.Contains("the theme is not applied: post.liquid", record.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deleting_the_theme_files_brings_back_the_default_theme_and_forgets_their_status()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await _publisher.ApplyThemeAsync(_content);
        _content.Files.Remove("_theme/post.liquid");

        var result = await _publisher.ApplyThemeAsync(_content);

        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.DoesNotContain("themed", ReadSite("posts/a/index.html"), StringComparison.Ordinal);
        Assert.Null(await new PublishingStatusReader(new FolderStateStore(_state)).ReadAsync("_theme/post.liquid"));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_reconcile_applies_the_theme_and_records_the_status_of_its_files()
    {
        _content.Upload("posts/a.md", Post("A", "2024-01-15T00:00:00Z", "old"), "a1");
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        _content.Upload("_theme/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "f1");

        var report = await _publisher.ReconcileAsync(_content);

        Assert.Contains(report.Changes, change => change.SourcePath == ContentPaths.ThemeFolder && change.Outcome == PublishOutcome.Published);
        var status = await new PublishingStatusReader(new FolderStateStore(_state)).ReadAllAsync(_content);
        Assert.Empty(status.Unprocessed);
        Assert.Empty(status.Assets);
        Assert.Equal(["_theme/favicon.svg", "_theme/post.liquid"], status.ThemeFiles.Select(file => file.SourcePath));
        Assert.True((await _publisher.ReconcileAsync(_content)).InSync);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_rebuild_renders_the_site_with_the_theme_of_the_content()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        _content.Upload("_theme/list.liquid", "<h1>{{ list.heading }}</h1>\n", "l1");

        await NewRebuilder()
            .RebuildAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_rebuild_with_a_theme_that_does_not_parse_keeps_the_applied_theme_and_says_why()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await _publisher.ApplyThemeAsync(_content);
        _content.Upload("_theme/post.liquid", "{% for %}", "t2");

        var report = await NewRebuilder()
            .RebuildAsync(_content);

        Assert.Contains(report.Results, result => result.SourcePath == ContentPaths.ThemeFolder && result.Outcome == PublishOutcome.Rejected);
        Assert.Contains("<article class=\"themed\"><h1>A</h1>", ReadSite("posts/a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_two_themes_applied_at_once_the_one_uploaded_last_is_on_every_page_after_the_next_reconcile()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        var (held, reached, site) = HoldFirstWrite(path => path.StartsWith("posts/", StringComparison.Ordinal));

        // This host renders the first theme and stops at its first post page; another records and renders a newer one.
        var first = NewPublisher(site).ApplyThemeAsync(_content);
        await reached.Task;
        _content.Upload("_theme/post.liquid", ThemedPost.Replace("themed", "newer", StringComparison.Ordinal), "t2");
        _content.Upload("_theme/style.css", ThemedStyle, "s1");
        await NewPublisher().ApplyThemeAsync(_content);
        held.SetResult();
        await first;

        Assert.Contains((await _publisher.ReconcileAsync(_content)).Changes, change => change.SourcePath == ContentPaths.ThemeFolder && change.Outcome == PublishOutcome.Published);
        Assert.Contains("<article class=\"newer\"><h1>B</h1>", ReadSite("posts/b/index.html"), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
        var status = await new PublishingStatusReader(new FolderStateStore(_state)).ReadAllAsync(_content);
        Assert.Empty(status.Unprocessed);
        Assert.True(PublishingStatusReader.IsAbout(await new PublishingStatusReader(new FolderStateStore(_state)).ReadAsync("_theme/post.liquid"), "t2"));
    }

    [Fact]
    public async Task A_post_published_while_every_page_is_rendered_stays_on_the_pages_that_list_it()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        var (held, reached, site) = HoldFirstWrite(_ => true);

        var apply = NewPublisher(site).ApplyThemeAsync(_content);
        await reached.Task;
        await NewPublisher().PublishAsync(_content.Upload("posts/d.md", Post("D", "2024-03-22T00:00:00Z", "new"), "d1"));
        held.SetResult();
        await apply;

        Assert.Contains("/posts/d/", ReadSite("index.html"), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_post_taken_off_while_every_page_is_rendered_leaves_no_page_behind()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        var (held, reached, site) = HoldFirstWrite(_ => true);

        var apply = NewPublisher(site).ApplyThemeAsync(_content);
        await reached.Task;
        _content.Files.Remove("posts/c.md");
        await NewPublisher().UnpublishAsync("posts/c.md");
        held.SetResult();
        await apply;

        Assert.False(File.Exists(Path.Combine(_site, "posts", "c", "index.html")));
        Assert.False(File.Exists(Path.Combine(_site, "archive", "2024", "03", "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_theme_applied_by_a_trigger_during_a_rebuild_is_the_theme_of_every_page_the_rebuild_writes()
    {
        await PublishSiteAsync();
        var state = new HookedStateStore(new FolderStateStore(_state));
        var applied = 0;
        state.BeforeRead = async path =>
        {
            // Between two of the rebuild's publishes: one post is in its buffer already, in the theme the site had.
            if (path == "sources/posts/c.md.json" && Interlocked.Exchange(ref applied, 1) == 0)
            {
                _content.Upload("_theme/post.liquid", ThemedPost, "t1");
                await NewPublisher().ApplyThemeAsync(_content);
            }
        };

        await NewRebuilder(state: state).RebuildAsync(_content);

        Assert.Equal(1, applied);
        Assert.Contains("<article class=\"themed\"><h1>B</h1>", ReadSite("posts/b/index.html"), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_refused_theme_is_reported_once_and_later_reconciles_are_in_sync()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", "{% for %}", "t1");

        var first = await _publisher.ReconcileAsync(_content);
        var second = await NewPublisher().ReconcileAsync(_content);

        Assert.Contains(first.Changes, change => change.SourcePath == ContentPaths.ThemeFolder && change.Outcome == PublishOutcome.Rejected);
        Assert.True(second.InSync, string.Join(", ", second.Changes.Select(change => $"{change.SourcePath}: {change.Outcome}")));
        _content.Upload("_theme/post.liquid", ThemedPost, "t2");
        Assert.Contains((await _publisher.ReconcileAsync(_content)).Changes, change => change.SourcePath == ContentPaths.ThemeFolder && change.Outcome == PublishOutcome.Published);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task Deleting_the_broken_file_of_a_refused_theme_applies_the_rest()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", "{% for %}", "t1");
        _content.Upload("_theme/style.css", ThemedStyle, "s1");
        Assert.Equal(PublishOutcome.Rejected, (await _publisher.ApplyThemeAsync(_content)).Outcome);

        _content.Files.Remove("_theme/post.liquid");
        await _publisher.ApplyThemeAsync(_content); // the delete's trigger
        await _publisher.ReconcileAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_rendering_that_never_settles_leaves_no_page_behind_after_a_reconcile()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        var passes = 0;
        var site = new HookedSiteStore(new FolderSiteStore(_site))
        {
            BeforeWrite = async path =>
            {
                if (path != "archive/2024/03/index.html")
                {
                    return;
                }

                switch (Interlocked.Increment(ref passes))
                {
                    case 1:
                    case 2:
                        await NewPublisher().PublishAsync(_content.Upload($"posts/e{passes}.md", Post($"E{passes}", $"2024-01-0{passes}T00:00:00Z", "old"), "e"));
                        break;
                    case 3:
                        _content.Files.Remove("posts/c.md");
                        await NewPublisher().UnpublishAsync("posts/c.md");
                        break;
                }
            },
        };

        await NewPublisher(site).ApplyThemeAsync(_content);
        await _publisher.ReconcileAsync(_content);

        Assert.True(passes >= 3, $"{passes} passes");
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_post_taken_off_while_a_theme_is_applied_and_published_again_is_online_after_the_next_reconcile()
    {
        await PublishSiteAsync();
        var (held, reached, site) = HoldFirstWrite(_ => true);

        // One host takes C off and stops at its first page; another applies a theme meanwhile, then C comes back.
        _content.Files.Remove("posts/c.md");
        var removal = NewPublisher(site).UnpublishAsync("posts/c.md");
        await reached.Task;
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await NewPublisher().ApplyThemeAsync(_content);
        held.SetResult();
        await removal;
        await NewPublisher().PublishAsync(_content.Upload("posts/c.md", Post("C", "2024-03-20T00:00:00Z", "new"), "c2"));

        await _publisher.ReconcileAsync(_content);

        Assert.Contains("<article class=\"themed\"><h1>C</h1>", ReadSite("posts/c/index.html"), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_post_published_while_a_theme_is_applied_and_taken_off_is_offline_after_the_next_reconcile()
    {
        await PublishSiteAsync();
        var (held, reached, site) = HoldFirstWrite(path => path == "posts/d/index.html");

        var publish = NewPublisher(site).PublishAsync(_content.Upload("posts/d.md", Post("D", "2024-03-22T00:00:00Z", "new"), "d1"));
        await reached.Task;
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await NewPublisher().ApplyThemeAsync(_content);
        held.SetResult();
        await publish;
        _content.Files.Remove("posts/d.md");
        await NewPublisher().UnpublishAsync("posts/d.md");

        await _publisher.ReconcileAsync(_content);

        Assert.False(File.Exists(Path.Combine(_site, "posts", "d", "index.html")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_theme_applied_while_a_rebuild_flushes_its_buffer_is_the_theme_of_every_page()
    {
        await PublishSiteAsync();
        var applied = 0;
        var live = new HookedSiteStore(new FolderSiteStore(_site))
        {
            BeforeWrite = async _ =>
            {
                if (Interlocked.Exchange(ref applied, 1) == 0)
                {
                    _content.Upload("_theme/post.liquid", ThemedPost, "t1");
                    await NewPublisher().ApplyThemeAsync(_content);
                }
            },
        };

        await NewRebuilder(live).RebuildAsync(_content);
        await _publisher.ReconcileAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task The_theme_uploaded_last_wins_without_a_reconcile()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        var state = new HookedStateStore(new FolderStateStore(_state));
        var once = 0;
        state.BeforeRead = async path =>
        {
            if (path == "theme.json" && Interlocked.Exchange(ref once, 1) == 0)
            {
                _content.Upload("_theme/post.liquid", ThemedPost.Replace("themed", "newer", StringComparison.Ordinal), "t2");
                await NewPublisher().ApplyThemeAsync(_content);
            }
        };

        await NewPublisher(state: state).ApplyThemeAsync(_content);

        Assert.Contains("<article class=\"newer\"><h1>B</h1>", ReadSite("posts/b/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_that_fails_after_writing_a_page_in_the_theme_before_is_done_again_by_its_retry()
    {
        await PublishSiteAsync();
        var (held, reached, site) = HoldFirstWrite(path => path == "posts/d/index.html");
        var state = new HookedStateStore(new FolderStateStore(_state));
        var failThemeRead = 0;
        state.BeforeRead = path => path == "theme.json" && Interlocked.Exchange(ref failThemeRead, 0) == 1 ? throw new IOException("injected") : Task.CompletedTask;
        var publishing = NewPublisher(site, state);

        var publish = publishing.PublishAsync(_content.Upload("posts/d.md", Post("D", "2024-03-22T00:00:00Z", "new"), "d1"));
        await reached.Task;
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await NewPublisher().ApplyThemeAsync(_content);
        Volatile.Write(ref failThemeRead, 1);
        held.SetResult();
        await Assert.ThrowsAsync<IOException>(() => publish);

        Assert.Equal(PublishOutcome.Published, (await NewPublisher().PublishAsync(_content.Files["posts/d.md"])).Outcome); // the trigger's retry
        await _publisher.ReconcileAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_rendering_of_an_older_theme_that_fails_after_the_newer_one_was_rendered_leaves_no_page_in_it_after_a_reconcile()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        var writes = 0;
        var held = new TaskCompletionSource();
        var reached = new TaskCompletionSource();
        var site = new HookedSiteStore(new FolderSiteStore(_site))
        {
            BeforeWrite = async path =>
            {
                if (!path.StartsWith("posts/", StringComparison.Ordinal))
                {
                    return;
                }

                switch (Interlocked.Increment(ref writes))
                {
                    case 1:
                        reached.SetResult();
                        await held.Task;
                        break;
                    case 2:
                        throw new IOException("injected");
                }
            },
        };

        var first = NewPublisher(site).ApplyThemeAsync(_content);
        await reached.Task;
        _content.Upload("_theme/post.liquid", ThemedPost.Replace("themed", "newer", StringComparison.Ordinal), "t2");
        await NewPublisher().ApplyThemeAsync(_content);
        held.SetResult();
        try
        {
            await first;
        }
        catch (IOException)
        {
            // Stopped on its second page, unless it saw the newer theme first and stopped writing.
        }

        await NewPublisher().ApplyThemeAsync(_content); // the trigger's retry
        await _publisher.ReconcileAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_rebuild_that_fails_while_writing_its_pages_leaves_every_page_to_the_next_reconcile()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        var failing = new HookedSiteStore(new FolderSiteStore(_site))
        {
            BeforeWrite = path => path.StartsWith("posts/", StringComparison.Ordinal) ? throw new IOException("injected") : Task.CompletedTask,
        };

        await Assert.ThrowsAsync<IOException>(() => NewRebuilder(failing).RebuildAsync(_content));
        Assert.Contains("\"rendered\":false", File.ReadAllText(Path.Combine(_state, "theme.json")), StringComparison.Ordinal);
        await _publisher.ReconcileAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_late_refusal_does_not_overwrite_the_status_of_files_a_newer_theme_applied()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/style.css", "body { color: red; }\n", "s1");
        _content.Upload("_theme/post.liquid", "{% for %}", "t1");
        var state = new HookedStateStore(new FolderStateStore(_state));
        var reads = 0;
        state.BeforeRead = async path =>
        {
            // The refusing host's second read of theme.json (its UpdateAsync after Theme.Load threw).
            if (path == "theme.json" && Interlocked.Increment(ref reads) == 2)
            {
                _content.Upload("_theme/post.liquid", ThemedPost, "t2");
                await NewPublisher().ApplyThemeAsync(_content);
            }
        };

        var refused = await NewPublisher(state: state).ApplyThemeAsync(_content);

        Assert.Equal(PublishOutcome.Rejected, refused.Outcome);
        var style = await new PublishingStatusReader(new FolderStateStore(_state)).ReadAsync("_theme/style.css");
        Assert.Equal(PublishOutcome.Published, style!.Outcome);
    }

    [Fact]
    public async Task A_theme_not_known_to_be_on_every_page_is_rendered_again_while_a_newer_one_is_refused()
    {
        await PublishSiteAsync();
        var (held, reached, site) = HoldFirstWrite(path => path == "posts/d/index.html");
        var publish = NewPublisher(site).PublishAsync(_content.Upload("posts/d.md", Post("D", "2024-03-22T00:00:00Z", "new"), "d1"));
        await reached.Task;
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await NewPublisher().ApplyThemeAsync(_content);
        held.SetResult();
        await publish; // D's page in the default theme; the theme is marked not rendered

        _content.Upload("_theme/list.liquid", "{% for %}", "l1");
        await _publisher.ReconcileAsync(_content);
        await NewPublisher().ReconcileAsync(_content);

        Assert.Contains("<article class=\"themed\"><h1>D</h1>", File.ReadAllText(Path.Combine(_site, "posts/d/index.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_removal_that_fails_after_writing_pages_in_the_theme_before_leaves_them_to_the_next_reconcile(bool asDraft)
    {
        await PublishSiteAsync();
        var (held, reached, site) = HoldFirstWrite(_ => true);
        var state = new HookedStateStore(new FolderStateStore(_state));
        var failThemeRead = 0;
        state.BeforeRead = path => path == "theme.json" && Interlocked.Exchange(ref failThemeRead, 0) == 1 ? throw new IOException("injected") : Task.CompletedTask;
        var removing = NewPublisher(site, state);

        var draft = Post("C", "2024-03-20T00:00:00Z", "new").Replace("---\nBody", "draft: true\n---\nBody", StringComparison.Ordinal);
        if (!asDraft)
        {
            _content.Files.Remove("posts/c.md");
        }

        var removal = asDraft ? removing.PublishAsync(_content.Upload("posts/c.md", draft, "c2")) : removing.UnpublishAsync("posts/c.md");
        await reached.Task;
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        await NewPublisher().ApplyThemeAsync(_content);
        Volatile.Write(ref failThemeRead, 1);
        held.SetResult();
        await Assert.ThrowsAsync<IOException>(() => removal);

        _ = asDraft ? await NewPublisher().PublishAsync(_content.Files["posts/c.md"]) : await NewPublisher().UnpublishAsync("posts/c.md"); // the trigger's retry
        await _publisher.ReconcileAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_theme_that_loads_is_not_refused_for_the_broken_files_a_retry_read()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        var state = new HookedStateStore(new FolderStateStore(_state));
        var once = 0;
        state.BeforeWrite = async path =>
        {
            // Before this host records the files it read, they are replaced by broken ones, which another host refuses.
            if (path == "theme.json" && Interlocked.Exchange(ref once, 1) == 0)
            {
                _content.Upload("_theme/post.liquid", "{% for %}", "t2");
                Assert.Equal(PublishOutcome.Rejected, (await NewPublisher().ApplyThemeAsync(_content)).Outcome);
            }
        };

        await NewPublisher(state: state).ApplyThemeAsync(_content);

        // The author puts the good file back.
        _content.Upload("_theme/post.liquid", ThemedPost, "t3");
        var again = await NewPublisher().ApplyThemeAsync(_content);
        await _publisher.ReconcileAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
        Assert.Equal(PublishOutcome.Published, again.Outcome);
        Assert.Equal(PublishOutcome.Published, (await new PublishingStatusReader(new FolderStateStore(_state)).ReadAsync("_theme/post.liquid"))!.Outcome);
    }

    [Fact]
    public async Task Two_triggers_applying_the_same_theme_leave_its_files_published_not_pending()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", ThemedPost, "t1");
        _content.Upload("_theme/style.css", ThemedStyle, "s1");
        var (held, reached, site) = HoldFirstWrite(path => path.StartsWith("posts/", StringComparison.Ordinal));

        // Two triggers (one per file) on two hosts: the first records the theme and is slow; the second renders it too.
        var first = NewPublisher(site).ApplyThemeAsync(_content);
        await reached.Task;
        await NewPublisher().ApplyThemeAsync(_content);
        held.SetResult();
        await first;

        Assert.Contains("\"rendered\":true", File.ReadAllText(Path.Combine(_state, "theme.json")), StringComparison.Ordinal);
        var status = await new PublishingStatusReader(new FolderStateStore(_state)).ReadAllAsync(_content);
        Assert.Empty(status.Pending.Select(record => $"{record.SourcePath}: {record.Reason}"));
    }

    [Fact]
    public async Task A_theme_that_fails_on_every_post_is_reported_and_posts_wait_for_one_that_renders_them()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", "<p>{{ post.title | size | modulo: 0 }}</p>\n", "t1");

        var applied = await _publisher.ApplyThemeAsync(_content);
        var published = await _publisher.PublishAsync(_content.Upload("posts/d.md", Post("D", "2024-03-22T00:00:00Z", "new"), "d1"));

        Assert.Equal(PublishOutcome.Rejected, applied.Outcome);
        Assert.Contains("the theme fails on a page of the site: post.liquid", applied.Reason, StringComparison.Ordinal);
        Assert.Equal(PublishOutcome.Rejected, published.Outcome);
        Assert.Contains("the site's theme cannot render this post: post.liquid", published.Reason, StringComparison.Ordinal);

        // The author fixes the theme: the next reconcile renders every page with it and publishes the post it refused.
        _content.Upload("_theme/post.liquid", ThemedPost, "t2");
        await _publisher.ReconcileAsync(_content);

        Assert.Contains("<article class=\"themed\"><h1>D</h1>", ReadSite("posts/d/index.html"), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_theme_that_fits_this_site_but_not_a_site_of_one_tag_is_applied()
    {
        await PublishSiteAsync();

        // A tag cloud scaled between the smallest and largest counts: a division by zero on a site whose tags have one count.
        _content.Upload("_theme/tags.liquid",
            "{% assign max = 0 %}{% assign min = 1000000 %}{% for t in tags %}{% if t.count > max %}{% assign max = t.count %}{% endif %}{% if t.count < min %}{% assign min = t.count %}{% endif %}{% endfor %}{% assign range = max | minus: min %}" +
            "<ul>{% for t in tags %}<li style=\"font-size: {{ t.count | minus: min | times: 100 | divided_by: range | plus: 100 }}%\">{{ t.name }}</li>{% endfor %}</ul>\n", "t1");

        var report = await _publisher.ReconcileAsync(_content);

        Assert.Contains(report.Changes, change => change.SourcePath == ContentPaths.ThemeFolder && change.Outcome == PublishOutcome.Published);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_theme_that_fails_on_a_page_of_the_site_is_reported_on_its_files_until_it_is_fixed()
    {
        await PublishSiteAsync();
        await _publisher.PublishAsync(_content.Upload("posts/u.md", "---\ntitle: U\ndate: 2024-02-01T00:00:00Z\n---\nUntagged.\n", "u1"));
        _content.Upload("_theme/style.css", ThemedStyle, "s1");
        _content.Upload("_theme/post.liquid", "<h1>{{ post.title }}</h1><p>{{ 100 | divided_by: post.tags.size }}</p>\n", "t1");

        var first = await _publisher.ReconcileAsync(_content);
        var theme = await new FolderStateStore(_state).GetVersionAsync("theme.json");
        var second = await NewPublisher().ReconcileAsync(_content);

        // The first reconcile tries the theme and says why it fails; the next, on the same index, has nothing new to try
        // or say (the theme's record is not even written).
        Assert.Contains(first.Changes, change => change.SourcePath == ContentPaths.ThemeFolder && change.Outcome == PublishOutcome.Rejected && change.Reason!.Contains("post.liquid", StringComparison.Ordinal));
        Assert.Empty(first.Failures!);
        Assert.True(second.InSync, string.Join(", ", second.Changes.Select(change => $"{change.SourcePath}: {change.Outcome}")));
        Assert.Equal(theme, await new FolderStateStore(_state).GetVersionAsync("theme.json"));

        var status = await new PublishingStatusReader(new FolderStateStore(_state)).ReadAllAsync(_content);
        Assert.Empty(status.Unprocessed);
        Assert.Equal(["_theme/post.liquid", "_theme/style.css"], status.Rejected.Select(record => record.SourcePath));

        // Once the index changes, the next reconcile tries again: the pages may have changed.
        Assert.Equal(PublishOutcome.Published, (await _publisher.PublishAsync(_content.Upload("posts/v.md", Post("V", "2024-03-25T00:00:00Z", "new"), "v1"))).Outcome);
        var third = await NewPublisher().ReconcileAsync(_content);
        Assert.Contains(third.Changes, change => change.SourcePath == ContentPaths.ThemeFolder && change.Outcome == PublishOutcome.Rejected);

        _content.Upload("_theme/post.liquid", ThemedPost, "t2");
        await _publisher.ReconcileAsync(_content);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_post_the_theme_cannot_render_is_refused_with_the_theme_s_reason_and_publishing_goes_on()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/post.liquid", "<h1>{{ post.title }}</h1><p>{{ 100 | divided_by: post.tags.size }}</p>\n", "t1");
        Assert.Equal(PublishOutcome.Published, (await _publisher.ApplyThemeAsync(_content)).Outcome);

        var untagged = await _publisher.PublishAsync(_content.Upload("posts/u.md", "---\ntitle: U\ndate: 2024-02-01T00:00:00Z\n---\nUntagged.\n", "u1"));
        var tagged = await _publisher.PublishAsync(_content.Upload("posts/d.md", Post("D", "2024-03-22T00:00:00Z", "new"), "d1"));

        Assert.Equal(PublishOutcome.Rejected, untagged.Outcome);
        Assert.Contains("the site's theme cannot render this post: post.liquid", untagged.Reason, StringComparison.Ordinal);
        Assert.Equal(PublishOutcome.Published, tagged.Outcome);
        Assert.Empty((await new PublishingStatusReader(new FolderStateStore(_state)).ReadAllAsync(_content)).Unprocessed);

        // Another theme: the next reconcile publishes the post the theme before refused, though its bytes did not change.
        _content.Upload("_theme/post.liquid", ThemedPost, "t2");
        await _publisher.ReconcileAsync(_content);
        Assert.Contains("<article class=\"themed\"><h1>U</h1>", ReadSite("posts/u/index.html"), StringComparison.Ordinal);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_a_theme_a_removal_handled_twice_does_not_render_every_page_again(bool rebuildFirst)
    {
        await PublishSiteAsync();
        if (rebuildFirst)
        {
            await NewRebuilder().RebuildAsync(_content);
        }

        var held = new TaskCompletionSource();
        var reached = new TaskCompletionSource();
        var state = new HookedStateStore(new FolderStateStore(_state))
        {
            BeforeWrite = async path =>
            {
                if (path == "sources/posts/c.md.json" && reached.TrySetResult())
                {
                    await held.Task;
                }
            },
        };
        _content.Files.Remove("posts/c.md");
        var first = NewPublisher(state: state).UnpublishAsync("posts/c.md");
        await reached.Task;
        await NewPublisher().UnpublishAsync("posts/c.md"); // the same delete event on another host
        held.SetResult();
        await first;

        var report = await NewPublisher().ReconcileAsync(_content);

        Assert.True(report.InSync, string.Join(", ", report.Changes.Select(change => $"{change.SourcePath}: {change.Outcome} {change.SiteWrites}")));
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task Without_a_theme_a_rebuild_reports_only_files()
    {
        await PublishSiteAsync();

        var report = await NewRebuilder().RebuildAsync(_content);

        Assert.DoesNotContain(report.Results, result => result.SourcePath == ContentPaths.ThemeFolder);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_theme_that_fails_on_an_empty_site_is_applied_once_the_posts_come()
    {
        _content.Upload("_theme/tags.liquid", "<ul>{% for t in tags %}<li>{{ t.name }}</li>{% endfor %}</ul><p>{{ 100 | divided_by: tags.size }}</p>\n", "t1");
        Assert.Equal(PublishOutcome.Rejected, (await _publisher.ApplyThemeAsync(_content)).Outcome);

        await PublishSiteAsync();
        await NewPublisher().ReconcileAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_rebuild_keeps_a_theme_that_fits_the_site_but_not_the_empty_index_it_starts_from()
    {
        await PublishSiteAsync();
        _content.Upload("_theme/tags.liquid", "<ul>{% for t in tags %}<li>{{ t.name }}</li>{% endfor %}</ul><p>{{ 100 | divided_by: tags.size }}</p>\n", "t1");
        Assert.Equal(PublishOutcome.Published, (await _publisher.ApplyThemeAsync(_content)).Outcome);

        await NewRebuilder().RebuildAsync(_content);

        await AssertSiteIsTheWholeBuildAsync();
        await NewPublisher().ReconcileAsync(_content);
        await AssertSiteIsTheWholeBuildAsync();
    }

    [Fact]
    public async Task A_failing_theme_file_uploaded_again_unchanged_gets_a_status_for_its_upload()
    {
        await ApplyAThemeThatFailsOnAnUntaggedPostAsync();

        // blog publish uploads every file: the same bytes, a new version; the index has not changed.
        _content.Upload("_theme/post.liquid", FailingPost, "t1-again");
        await NewPublisher().ApplyThemeAsync(_content);

        var reader = new PublishingStatusReader(new FolderStateStore(_state));
        var record = await reader.ReadAsync("_theme/post.liquid");
        Assert.True(PublishingStatusReader.IsAbout(record, "t1-again"), $"the status is about {record?.SourceVersion}");
        Assert.Contains("the theme fails on a page of the site: post.liquid", record!.Reason, StringComparison.Ordinal);
        Assert.Empty((await reader.ReadAllAsync(_content)).Unprocessed);
    }

    [Fact]
    public async Task A_theme_that_does_not_parse_after_one_that_fails_on_a_page_is_refused()
    {
        await ApplyAThemeThatFailsOnAnUntaggedPostAsync();

        _content.Upload("_theme/post.liquid", "<h1>{{ post.title </h1>\n{% if %}", "t2");
        var result = await NewPublisher().ApplyThemeAsync(_content);

        Assert.Equal(PublishOutcome.Rejected, result.Outcome);
        Assert.True(PublishingStatusReader.IsAbout(await new PublishingStatusReader(new FolderStateStore(_state)).ReadAsync("_theme/post.liquid"), "t2"));
    }

    [Fact]
    public async Task After_a_refusal_over_a_kept_theme_that_fails_on_a_page_a_reconcile_on_the_same_index_does_nothing()
    {
        await ApplyAThemeThatFailsOnAnUntaggedPostAsync();
        var afterFailure = File.ReadAllText(Path.Combine(_state, "theme.json"));
        _content.Upload("_theme/post.liquid", "<h1>{{ post.title </h1>\n{% if %}", "t2");
        Assert.Equal(PublishOutcome.Rejected, (await NewPublisher().ApplyThemeAsync(_content)).Outcome);
        var afterRefusal = File.ReadAllText(Path.Combine(_state, "theme.json"));

        var version = await new FolderStateStore(_state).GetVersionAsync("theme.json");
        var again = await NewPublisher().ReconcileAsync(_content);

        Assert.True(again.InSync, string.Join(", ", again.Changes.Select(change => $"{change.SourcePath}: {change.Outcome} {change.SiteWrites}")));
        Assert.True(version == await new FolderStateStore(_state).GetVersionAsync("theme.json"), $"theme.json written again:\nafter failure: {afterFailure}\nafter refusal: {afterRefusal}\nnow: {File.ReadAllText(Path.Combine(_state, "theme.json"))}");
    }

    [Fact]
    public async Task A_record_that_notes_a_failure_without_its_reason_keeps_the_files_reason()
    {
        await ApplyAThemeThatFailsOnAnUntaggedPostAsync();

        // theme.json noting the index the theme failed on, without the reason (as a version of this store before the reason was kept).
        var store = new FolderStateStore(_state);
        var version = await store.GetVersionAsync("theme.json");
        var text = File.ReadAllText(Path.Combine(_state, "theme.json"));
        var json = System.Text.Json.Nodes.JsonNode.Parse(text[text.IndexOf('{')..])!.AsObject();
        Assert.True(json.Remove("failedReason"));
        Assert.NotNull(await store.TryWriteAsync("theme.json", Encoding.UTF8.GetBytes(json.ToJsonString()), version));
        var before = await new PublishingStatusReader(store).ReadAsync("_theme/post.liquid");
        Assert.NotNull(before!.Reason);

        await NewPublisher().ApplyThemeAsync(_content);

        var record = await new PublishingStatusReader(new FolderStateStore(_state)).ReadAsync("_theme/post.liquid");
        Assert.True(record!.Reason is not null, $"status now: {record.Outcome}, reason null, recorded {record.RecordedAt}");
    }

    /// <summary>The site, an untagged post, and a theme whose post page divides by the number of tags: recorded, refused on that page.</summary>
    private async Task ApplyAThemeThatFailsOnAnUntaggedPostAsync()
    {
        await PublishSiteAsync();
        await _publisher.PublishAsync(_content.Upload("posts/u.md", "---\ntitle: U\ndate: 2024-02-01T00:00:00Z\n---\nUntagged.\n", "u1"));
        _content.Upload("_theme/post.liquid", FailingPost, "t1");
        Assert.Equal(PublishOutcome.Rejected, (await _publisher.ApplyThemeAsync(_content)).Outcome);
    }

    private const string FailingPost = "<h1>{{ post.title }}</h1><p>{{ 100 | divided_by: post.tags.size }}</p>\n";

    /// <summary>A site store that holds the first write <paramref name="which"/> picks until the test lets it go.</summary>
    private (TaskCompletionSource Held, TaskCompletionSource Reached, HookedSiteStore Site) HoldFirstWrite(Func<string, bool> which)
    {
        var site = new HookedSiteStore(new FolderSiteStore(_site));
        var (held, reached) = site.HoldWrite(which);
        return (held, reached, site);
    }

    private SitePublisher NewPublisher(ISiteStore? site = null, IStateStore? state = null) =>
        new(Options.Create(GoldenCorpus.Options), site ?? new FolderSiteStore(_site), state ?? new FolderStateStore(_state), _time, NullLogger<SitePublisher>.Instance);

    private SiteRebuilder NewRebuilder(ISiteStore? site = null, IStateStore? state = null) =>
        new(Options.Create(GoldenCorpus.Options), site ?? new FolderSiteStore(_site), state ?? new FolderStateStore(_state), _time, NullLoggerFactory.Instance);

    private static string Post(string title, string date, string tag) =>
        $"---\ntitle: {title}\ndate: {date}\ntags: [{tag}]\naliases: [/old/{title.ToLowerInvariant().Replace(' ', '-')}/]\n---\nBody of {title}.\n";

    /// <summary>Three posts over two months and two tags, each with a redirect page; a reconcile writes the site-wide files.</summary>
    private async Task PublishSiteAsync()
    {
        _content.Upload("posts/b.md", Post("B", "2024-01-10T00:00:00Z", "old"), "b1");
        _content.Upload("posts/c.md", Post("C", "2024-03-20T00:00:00Z", "new"), "c1");
        _content.Upload("posts/a.md", Post("A", "2024-01-15T00:00:00Z", "old"), "a1");
        await _publisher.ReconcileAsync(_content);
    }

    private string ReadSite(string path) => File.ReadAllText(Path.Combine(_site, path), Encoding.UTF8);

    private Dictionary<string, string> SiteFiles() =>
        GoldenCorpus.RelativeFiles(_site).ToDictionary(file => file, ReadSite, StringComparer.Ordinal);

    /// <summary>The published site is, file for file and byte for byte, what a whole build of the content makes.</summary>
    private Task AssertSiteIsTheWholeBuildAsync() => GoldenCorpus.AssertIsTheWholeBuildAsync(_content, _site, _time);

    public void Dispose()
    {
        Directory.Delete(_site, recursive: true);
        Directory.Delete(_state, recursive: true);
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ServerlessBlog.Azure;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Hosting;
using Xunit.Abstractions;

namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// Publishing through storage that fails: Polly chaos strategies inject faults, server errors, lost responses and
/// latency below the Azure SDK's retry, on Azurite. The site must still end exactly as a whole build makes it.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed partial class StorageChaosTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Posts = 200;

    /// <summary>As the Functions runtime does before it moves a message to the poison queue.</summary>
    private const int PublishAttempts = 5;

    private const string BaseUrl = "https://chaos.example/";
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_hundred_posts_published_through_failing_storage_all_reach_the_site_exactly_once()
    {
        await using var blog = await BlogServices.CreateAsync(azurite, BaseUrl, Now, new Dictionary<string, string?>
        {
            ["Blog:Chaos:Enabled"] = "true",
            ["Blog:Chaos:FaultRate"] = "0.05",
            ["Blog:Chaos:OutcomeRate"] = "0.10",
            ["Blog:Chaos:LostResponseRate"] = "0.05",
            ["Blog:Chaos:LatencyRate"] = "0.20",
            ["Blog:Chaos:Latency"] = "00:00:00.050",
            ["Blog:Chaos:RetryDelay"] = "00:00:00.020",
        });
        // Some posts claim one of three shared old addresses, or the address of the next post, whose page must stay.
        var content = Enumerable.Range(0, Posts).Select(i => (Path: $"chaos/post-{i:D3}.md", Content: Encoding.UTF8.GetBytes(
            $"---\ntitle: Chaos {i:D3}\ndate: 2024-05-{1 + (i % 28):D2}T{i % 24:D2}:{i % 60:D2}:00Z\ntags: [chaos, c{i % 7}]\n{Aliases(i)}---\nPost {i} survives.\n"))).ToList();

        // The authors' uploads do not go through the blog's storage client: only the blog's own calls fail.
        var posts = azurite.BlobService.GetBlobContainerClient(blog.Containers.Posts.Name);
        await Parallel.ForEachAsync(content, async (post, token) => await posts.GetBlobClient(post.Path).UploadAsync(new BinaryData(post.Content), token));

        var clock = Stopwatch.StartNew();
        var failedAttempts = 0;
        await Parallel.ForEachAsync(content, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (post, token) =>
        {
            for (var attempt = 1; attempt <= PublishAttempts; attempt++)
            {
                try
                {
                    Assert.Equal(PublishOutcome.Published, (await blog.Handler.PublishAsync(post.Path, token)).Outcome);
                    return;
                }
                catch (Exception ex) when (ex is global::Azure.RequestFailedException or IOException or AggregateException or Core.Publishing.State.StateConflictException)
                {
                    Interlocked.Increment(ref failedAttempts);
                }
            }
        });

        // The host reconciles on a timer, so a pass that storage failed (a listing, or the site-wide refresh after the SDK's
        // retries) or that left files for later is followed by another; here, by as many as a publish may take.
        var reconcile = await ReconcileUntilCleanAsync(blog.Handler);

        var chaos = blog.Get<StorageChaosPolicy>();
        output.WriteLine($"{Posts} posts in {clock.Elapsed.TotalSeconds:F0} s; storage attempts {chaos.Attempts}, failures injected {chaos.Failures} " +
            $"({100.0 * chaos.Failures / chaos.Attempts:F1} %: {chaos.Faults} dropped before sending, {chaos.Outcomes} server errors, {chaos.LostResponses} lost responses), " +
            $"{chaos.Latencies} delayed; publish attempts that failed after the SDK's retries {failedAttempts}; " +
            $"the reconcile republished {reconcile.Changes.Count} and left {reconcile.Failures?.Count} for its next pass");
        Assert.InRange(100.0 * chaos.Failures / chaos.Attempts, 15, 25);

        var site = await BlogServices.SnapshotAsync(azurite.BlobService.GetBlobContainerClient(blog.Containers.Site.Name));
        var model = await SiteComparison.BuildModelAsync(content, new BlogOptions { BaseUrl = BaseUrl }, new MutableTimeProvider(Now));
        Assert.Empty(SiteComparison.Differences(model, site));

        // Feeds carry the newest 20 posts; the model comparison above holds them to the whole build's, byte for byte.
        var text = (string path) => Encoding.UTF8.GetString(site[path]);
        foreach (var i in Enumerable.Range(0, Posts))
        {
            var link = $"/posts/post-{i:D3}/";
            Assert.Single(Regex.Matches(text("archive/2024/05/index.html"), Regex.Escape(link + "\"")));
            Assert.Single(Regex.Matches(text("tags/chaos/2024/index.html"), Regex.Escape(link + "\"")));
            Assert.Single(Regex.Matches(text("sitemap-posts-2024-05.xml"), Regex.Escape(link + "</loc>")));
        }
    }

    private static string Aliases(int post) => (post % 10) switch
    {
        0 => $"aliases: [/shared-{post % 3}/]\n",
        5 => $"aliases: [/posts/post-{(post + 1) % Posts:D3}/, /shared-{post % 3}/]\n",
        _ => string.Empty,
    };

    private static async Task<ReconcileReport> ReconcileUntilCleanAsync(PostBlobHandler handler)
    {
        for (var pass = 1; ; pass++)
        {
            try
            {
                var report = await handler.ReconcileAsync();
                if (report.Failures is not { Count: > 0 } || pass == PublishAttempts)
                {
                    return report;
                }
            }
            catch (Exception ex) when (pass < PublishAttempts && ex is global::Azure.RequestFailedException or IOException or AggregateException or Core.Publishing.State.StateConflictException)
            {
                // Left to the next pass, as the host's timer would.
            }
        }
    }
}

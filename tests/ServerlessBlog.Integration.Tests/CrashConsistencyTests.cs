using System.Diagnostics;
using System.Text;
using ServerlessBlog.Core.Configuration;
using Xunit.Abstractions;

namespace ServerlessBlog.Integration.Tests;

/// <summary>The local trigger host killed in the middle of a batch and started again must converge to the site a whole build makes.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class CrashConsistencyTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Posts = 120;
    private const int PublishedBeforeTheKill = 30;
    private const string BaseUrl = "https://crash.example/";
    private static readonly TimeSpan Convergence = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_host_killed_mid_batch_and_restarted_converges_to_the_whole_build()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var posts = await azurite.CreateContainerAsync($"posts-{suffix}");
        var site = azurite.BlobService.GetBlobContainerClient($"web-{suffix}");
        var state = azurite.BlobService.GetBlobContainerClient($"state-{suffix}");
        string[] arguments =
        [
            $"--AzureWebJobsStorage={azurite.ConnectionString}",
            $"--Blog:PostsContainer={posts.Name}",
            $"--Blog:SiteContainer={site.Name}",
            $"--Blog:StateContainer={state.Name}",
            $"--Blog:BaseUrl={BaseUrl}",
            "--LocalHost:ReconcileInterval=00:00:03",
            "--Logging:LogLevel:Default=Warning",
        ];
        var content = Enumerable.Range(0, Posts).Select(i => (Path: $"crash/post-{i:D3}.md", Content: Encoding.UTF8.GetBytes(
            $"---\ntitle: Crash {i:D3}\ndate: 2024-0{1 + (i % 3)}-{1 + (i % 28):D2}T{i % 24:D2}:00:00Z\ntags: [crash, k{i % 4}]\n---\nPost {i}.\n"))).ToList();

        int publishedAtKill;
        using (var first = LocalHostProcess.Start(arguments))
        {
            await Parallel.ForEachAsync(content, async (post, token) => await posts.GetBlobClient(post.Path).UploadAsync(new BinaryData(post.Content), token));
            publishedAtKill = await WaitForRecordsAsync(state, PublishedBeforeTheKill, first);
            first.Kill();
        }

        var clock = Stopwatch.StartNew();
        using var second = LocalHostProcess.Start(arguments);
        var model = await SiteComparison.BuildModelAsync(content, new BlogOptions { BaseUrl = BaseUrl }, TimeProvider.System);
        var differences = await SiteComparison.WaitForAsync(site, model, Convergence);

        output.WriteLine($"killed with {publishedAtKill} of {Posts} status records written; converged {clock.Elapsed.TotalSeconds:F0} s after the restart");
        Assert.True(differences.Count == 0, $"{differences.Count} files differ from the whole build, such as {string.Join(", ", differences.Take(10))}\n{second.Output}");
    }

    /// <summary>Waits until at least <paramref name="count"/> uploads have a status record, and returns how many have.</summary>
    private static async Task<int> WaitForRecordsAsync(global::Azure.Storage.Blobs.BlobContainerClient state, int count, LocalHostProcess host)
    {
        var deadline = DateTime.UtcNow + Convergence;
        while (DateTime.UtcNow < deadline)
        {
            var records = 0;
            if (await state.ExistsAsync())
            {
                await foreach (var _ in state.GetBlobsAsync(global::Azure.Storage.Blobs.Models.BlobTraits.None, global::Azure.Storage.Blobs.Models.BlobStates.None, "sources/", CancellationToken.None))
                {
                    records++;
                }
            }

            if (records >= count)
            {
                return records;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Fail($"The host did not publish {count} posts in time:\n{host.Output}");
        return 0;
    }
}

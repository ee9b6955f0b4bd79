using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Hosting;
using ServerlessBlog.LocalHost;

namespace ServerlessBlog.Bench.Incremental;

/// <summary>
/// Measures what an author waits for on a laptop: from the end of an upload to the post's page being readable in the
/// site container, through the local trigger host (the WebJobs SDK's scan-based blob trigger) on Azurite.
/// </summary>
internal static class UploadToVisible
{
    public static async Task<string> MeasureAsync(string connection, int uploads)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var service = new BlobServiceClient(connection);
        var posts = service.GetBlobContainerClient($"posts-{suffix}");
        var site = service.GetBlobContainerClient($"web-{suffix}");
        using var host = LocalHostBuilder.Build(
        [
            $"--AzureWebJobsStorage={connection}",
            $"--Blog:PostsContainer={posts.Name}",
            $"--Blog:SiteContainer={site.Name}",
            $"--Blog:StateContainer=state-{suffix}",
            "--Blog:BaseUrl=https://bench.example.org/",
            "--Logging:LogLevel:Default=None",
        ]);
        await LocalHostBuilder.PrepareAsync(host);
        await host.StartAsync();
        var waits = new List<double>();
        for (var i = 0; i <= uploads; i++)
        {
            await posts.GetBlobClient($"visible-{i}.md").UploadAsync(BinaryData.FromString($"---\ntitle: Visible {i}\ndate: 2025-01-01\n---\nText {i}.\n"));
            var watch = Stopwatch.StartNew();
            var page = site.GetBlobClient($"posts/visible-{i}/index.html");
            while (!await page.ExistsAsync())
            {
                await Task.Delay(20);
            }

            // The first upload also waits for the host's first scan: it is the warm-up.
            if (i > 0)
            {
                waits.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        await host.StopAsync();
        waits.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"Upload to visible through the local trigger host: median {waits[waits.Count / 2]:0} ms, min {waits[0]:0} ms, max {waits[^1]:0} ms over {waits.Count} uploads.");
    }
}

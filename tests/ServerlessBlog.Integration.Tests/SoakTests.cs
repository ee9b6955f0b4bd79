using System.Diagnostics;
using System.Text;
using ServerlessBlog.Core.Configuration;
using Xunit.Abstractions;

namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// Thousands of mixed uploads, edits and deletes through the local trigger host, while it publishes: the site must end
/// exactly as a whole build of what is left in the posts container makes it, every file byte for byte.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SoakTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Operations = 2_000;
    private const int Names = 300;
    private const int Wave = 50;
    private const int Seed = 20_250_601;

    /// <summary>One name in this many only ever gets broken uploads.</summary>
    private const int BrokenEvery = 20;
    private const string BaseUrl = "https://soak.example/";
    private static readonly TimeSpan Convergence = TimeSpan.FromMinutes(6);
    private static readonly string[] Tags = ["azure", "dotnet", "blog", "storage", "tests", "soak", "cloud", "web", "feeds", "html", "c#", "ops"];

    [Fact]
    public async Task Two_thousand_uploads_edits_and_deletes_end_with_the_site_a_whole_build_makes()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var posts = await azurite.CreateContainerAsync($"posts-{suffix}");
        var site = azurite.BlobService.GetBlobContainerClient($"web-{suffix}");
        using var host = LocalHostProcess.Start(
        [
            $"--AzureWebJobsStorage={azurite.ConnectionString}",
            $"--Blog:PostsContainer={posts.Name}",
            $"--Blog:SiteContainer={site.Name}",
            $"--Blog:StateContainer=state-{suffix}",
            $"--Blog:BaseUrl={BaseUrl}",
            "--LocalHost:ReconcileInterval=00:00:05",
            "--Logging:LogLevel:Default=Warning",
        ]);

        var random = new Random(Seed);
        var model = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["upload"] = 0, ["edit"] = 0, ["delete"] = 0, ["invalid"] = 0 };
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < Operations; done += Wave)
        {
            // One operation per name in a wave, so that operations on one file keep their order.
            var wave = Enumerable.Range(0, Names).OrderBy(_ => random.Next()).Take(Wave).Select(name => NextOperation(random, name, model, counts)).ToList();
            await Parallel.ForEachAsync(wave, async (operation, token) =>
            {
                var blob = posts.GetBlobClient(operation.Path);
                if (operation.Content is null)
                {
                    await blob.DeleteIfExistsAsync(cancellationToken: token);
                }
                else
                {
                    await blob.UploadAsync(new BinaryData(operation.Content), overwrite: true, token);
                }
            });
        }

        var uploaded = clock.Elapsed;
        var expected = await SiteComparison.BuildModelAsync(model.Select(file => (file.Key, file.Value)), new BlogOptions { BaseUrl = BaseUrl }, TimeProvider.System);
        var differences = await SiteComparison.WaitForAsync(site, expected, Convergence);

        output.WriteLine($"{Operations} operations ({counts["upload"]} uploads, {counts["edit"]} edits, {counts["delete"]} deletes, {counts["invalid"]} invalid uploads) " +
            $"on {Names} names in {uploaded.TotalSeconds:F0} s; {model.Count} files left; site equal to the whole build ({expected.Count} files) after {clock.Elapsed.TotalSeconds:F0} s");
        var first = differences.FirstOrDefault(difference => difference.StartsWith("differs ", StringComparison.Ordinal))?["differs ".Length..];
        var detail = first is null ? string.Empty : $"\n{first} expected:\n{Encoding.UTF8.GetString(expected[first])}\nactual:\n{Encoding.UTF8.GetString((await BlogServices.SnapshotAsync(site))[first])}";
        Assert.True(differences.Count == 0, $"{differences.Count} files differ from the whole build, such as {string.Join(", ", differences.Take(10))}{detail}\n{host.Output}");
    }

    private static (string Path, byte[]? Content) NextOperation(Random random, int name, Dictionary<string, byte[]> model, Dictionary<string, int> counts)
    {
        // Names of their own for broken uploads: over a good version, a broken one leaves that version online (by
        // design), and a delete the host has not noticed yet followed by a broken upload is, to it, such an edit.
        var broken = name % BrokenEvery == 0;
        var path = broken ? $"soak/broken-{name:D3}.md" : $"soak/p{name:D3}.md";
        var exists = model.ContainsKey(path);
        if (exists && random.Next(100) < 20)
        {
            model.Remove(path);
            counts["delete"]++;
            return (path, null);
        }

        byte[] content;
        if (broken)
        {
            content = Encoding.UTF8.GetBytes($"---\ntitle: [broken {name} v{random.Next(1000)}\n---\nBroken.\n");
            counts["invalid"]++;
        }
        else
        {
            var month = 1 + random.Next(6);
            var slug = random.Next(10) == 0 ? $"slug: p{name:D3}-renamed\n" : string.Empty;
            var tags = string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => $"\"{Tags[random.Next(Tags.Length)]}\"").Distinct());
            content = Encoding.UTF8.GetBytes(
                $"---\ntitle: Soak {name:D3} v{random.Next(1000)}\n{slug}date: 2024-{month:D2}-{1 + random.Next(28):D2}T{random.Next(24):D2}:{random.Next(60):D2}:00Z\ntags: [{tags}]\n---\nBody of {name} with *emphasis* and a [link](https://example.org/{random.Next(Names)}).\n");
            counts[exists ? "edit" : "upload"]++;
        }

        model[path] = content;
        return (path, content);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessBlog.Azure;
using ServerlessBlog.Bench.Incremental;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;

// incremental-bench <azurite connection string> <corpus folder> [sizes=100,1000,10000] [publishes=15]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: incremental-bench <connection string> <corpus folder> [sizes] [publishes]");
    return 2;
}

var connection = args[0];
var corpus = args[1];
var sizes = (args.Length > 2 ? args[2] : "100,1000,10000").Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture)).ToList();
var publishes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 15;

var counter = new RequestCounter();
var clientOptions = BlobServiceClientFactory.CreateClientOptions();
clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
var timeline = new RequestTimeline();
clientOptions.AddPolicy(timeline, HttpPipelinePosition.PerRetry);
var traceFile = Environment.GetEnvironmentVariable("BENCH_TRACE");
var service = new BlobServiceClient(connection, clientOptions);
var options = new BlogOptions { Title = "Bench", BaseUrl = "https://bench.example.org/" };
var files = Directory.EnumerateFiles(Path.Combine(corpus, "posts"), "*.md").Order(StringComparer.Ordinal)
    .Select(path => new ContentFile("posts/" + Path.GetFileName(path), File.ReadAllBytes(path), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)))
    .ToList();

var table = new StringBuilder();
table.AppendLine("| Posts already published | Median ms | p90 ms | Publisher CPU ms | Reads | Writes | HEADs | Lists | Deletes | KB moved |");
table.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
var themes = new StringBuilder();
themes.AppendLine("| Posts already published | Seconds | Publisher CPU s | Reads | Writes | HEADs | Lists | MB moved |");
themes.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
// One unmeasured round first, so that no size is measured while the JIT is still optimising the hot paths.
foreach (var (size, measured) in sizes.Take(1).Select(size => (size, false)).Concat(sizes.Select(size => (size, true))))
{
    var suffix = $"{size}-{Guid.NewGuid():N}"[..16];
    var site = service.GetBlobContainerClient($"web-{suffix}");
    var state = service.GetBlobContainerClient($"state-{suffix}");
    await site.CreateIfNotExistsAsync();
    await state.CreateIfNotExistsAsync();
    var seeding = Stopwatch.StartNew();
    await StateSeeder.SeedAsync(new BlobStateStore(state), options, files.Take(size).ToList(), CancellationToken.None);
    Console.Error.WriteLine($"seeded {size} posts in {seeding.Elapsed.TotalSeconds:0.0} s");

    var publisher = new SitePublisher(Options.Create(options), new BlobSiteStore(site), new BlobStateStore(state), TimeProvider.System, NullLogger<SitePublisher>.Instance);
    var timings = new List<double>();
    var cpu = TimeSpan.Zero;
    var operations = new List<(long Reads, long Writes, long Heads, long Lists, long Deletes, long Bytes)>();
    const int warmUps = 10;
    for (var i = 0; i < publishes + warmUps; i++)
    {
        // A new post, dated now with three common tags: it lands on the home page, in the feeds and in its tags' feeds.
        var source = Encoding.UTF8.GetString(files[i % files.Count].Content.Span);
        var body = source[(source.IndexOf("\n---\n", 3, StringComparison.Ordinal) + 5)..];
        var text = string.Create(CultureInfo.InvariantCulture, $"---\ntitle: Fresh post {i}\ndate: {DateTimeOffset.UtcNow.AddMinutes(-1):yyyy-MM-ddTHH:mm:ssZ}\ntags: [dotnet, azure, performance]\n---\n{body}");
        var file = new ContentFile($"fresh/post-{i}.md", Encoding.UTF8.GetBytes(text), DateTimeOffset.UtcNow);
        var before = counter.Snapshot();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var tracing = measured && traceFile is not null && i == publishes + warmUps - 1;
        if (tracing)
        {
            timeline.Start();
        }

        var watch = Stopwatch.StartNew();
        var result = await publisher.PublishAsync(file);
        watch.Stop();
        if (tracing)
        {
            await File.AppendAllTextAsync(traceFile!, $"# N = {size}, {watch.Elapsed.TotalMilliseconds:0.0} ms\n{timeline.Stop()}\n");
        }
        var cpuAfter = Process.GetCurrentProcess().TotalProcessorTime;
        var after = counter.Snapshot();
        if (result.Outcome != PublishOutcome.Published)
        {
            throw new InvalidOperationException($"{file.Path}: {result.Outcome} {result.Reason}");
        }

        // The first publish into a freshly seeded site writes every shared page once, and the first ones pay for
        // the JIT: they are the warm-up.
        if (i >= warmUps)
        {
            timings.Add(watch.Elapsed.TotalMilliseconds);
            cpu += cpuAfter - cpuBefore;
            operations.Add((after.Reads - before.Reads, after.Writes - before.Writes, after.Heads - before.Heads, after.Lists - before.Lists, after.Deletes - before.Deletes, after.Bytes - before.Bytes));
        }
    }

    timings.Sort();
    static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    if (!measured)
    {
        await site.DeleteAsync();
        await state.DeleteAsync();
        continue;
    }

    table.AppendLine(string.Create(CultureInfo.InvariantCulture,
        $"| {size:N0} | {timings[timings.Count / 2]:0} | {timings[(int)(timings.Count * 0.9)]:0} | {cpu.TotalMilliseconds / timings.Count:0} | {Median(operations.Select(o => o.Reads))} | {Median(operations.Select(o => o.Writes))} | {Median(operations.Select(o => o.Heads))} | {Median(operations.Select(o => o.Lists))} | {Median(operations.Select(o => o.Deletes))} | {Median(operations.Select(o => o.Bytes)) / 1024.0:0.0} |"));

    // A theme file uploaded: every page of the site rendered again from the post records, by a host of its own.
    var themeBefore = counter.Snapshot();
    var themeCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var themeWatch = Stopwatch.StartNew();
    var applied = await new SitePublisher(Options.Create(options), new BlobSiteStore(site), new BlobStateStore(state), TimeProvider.System, NullLogger<SitePublisher>.Instance)
        .ApplyThemeAsync(new ThemeContent());
    themeWatch.Stop();
    var themeAfter = counter.Snapshot();
    if (applied.Outcome != PublishOutcome.Published)
    {
        throw new InvalidOperationException($"theme: {applied.Outcome} {applied.Reason}");
    }

    themes.AppendLine(string.Create(CultureInfo.InvariantCulture,
        $"| {size:N0} | {themeWatch.Elapsed.TotalSeconds:0.00} | {(Process.GetCurrentProcess().TotalProcessorTime - themeCpu).TotalSeconds:0.00} | {themeAfter.Reads - themeBefore.Reads} | {themeAfter.Writes - themeBefore.Writes} | {themeAfter.Heads - themeBefore.Heads} | {themeAfter.Lists - themeBefore.Lists} | {(themeAfter.Bytes - themeBefore.Bytes) / 1048576.0:0.0} |"));
    await site.DeleteAsync();
    await state.DeleteAsync();
}

Console.WriteLine(table.ToString());
Console.WriteLine("Applying a theme (one `_theme/post.liquid` uploaded): every page rendered again from the post records");
Console.WriteLine();
Console.WriteLine(themes.ToString());
Console.WriteLine(await UploadToVisible.MeasureAsync(connection, 10));
return 0;

using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ServerlessBlog.Azure;
using ServerlessBlog.Cli.CommandLine;
using ServerlessBlog.Cli.Storage;
using ServerlessBlog.Cli.Uploading;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Publishing.Status;
using ServerlessBlog.Hosting;
using ServerlessBlog.LocalHost;

namespace ServerlessBlog.Cli.Dev;

/// <summary>
/// The author's loop: Azurite, the local trigger host in this process, the content folder uploaded and watched, and
/// the site served with live reload. Everything it starts is stopped when it ends, in the reverse order.
/// </summary>
internal sealed class DevSession
{
    public const string ServingPrefix = "Serving ";

    private static readonly TimeSpan FirstPublishTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan HostStopTimeout = TimeSpan.FromSeconds(5);

    private readonly DevSettings _settings;
    private readonly string _root;
    private readonly BlogOptions _options;
    private readonly StatusLines _lines;
    private readonly LiveReload _live = new();
    private ContentUploader? _uploader;
    private PostBlobHandler? _handler;

    private DevSession(DevSettings settings, BlogOptions options)
    {
        _settings = settings;
        _root = settings.Content.FullName;
        _options = options;
        _lines = new StatusLines(options);
    }

    public static async Task<int> RunAsync(DevSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Content.Exists)
        {
            throw new CommandFailure($"the content folder {settings.Content} does not exist");
        }

        if (!LoopbackPorts.IsFree(settings.Port))
        {
            throw new CommandFailure(string.Create(CultureInfo.InvariantCulture, $"port {settings.Port} is in use: choose another with --port"));
        }

        var siteUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{settings.Port}/");
        var options = BlogConfiguration.Load(settings.Content.FullName, new Dictionary<string, string?> { [nameof(BlogOptions.BaseUrl)] = siteUrl });
        return await new DevSession(settings, options).RunAsync(cancellationToken);
    }

    private async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var script = await AzuriteInstallation.LocateOrInstallAsync(Console.Out, cancellationToken);
        await using var azurite = await AzuriteProcess.StartAsync(script, _settings.AzuritePort, cancellationToken);
        Console.WriteLine($"blog dev: Azurite on {azurite.BlobEndpoint} (in memory)");
        if (azurite.BlobEndpoint.Port != AzuriteAccount.DefaultBlobPort)
        {
            // blog status, publish and rebuild look for Azurite on its default ports unless told otherwise.
            Console.WriteLine($"blog dev: for blog status, publish and rebuild, set AzureWebJobsStorage=\"{azurite.ConnectionString}\"");
        }

        using var host = LocalHostBuilder.Build(HostArguments.For(_options, azurite.ConnectionString, _settings.Verbose), services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IHostLifetime, ManualLifetime>());
            services.Replace(ServiceDescriptor.Singleton<IPostPublisher>(provider =>
                new NotifyingPublisher(ActivatorUtilities.CreateInstance<SitePublisher>(provider), Report)));
        });
        await LocalHostBuilder.PrepareAsync(host, cancellationToken);
        await host.StartAsync(cancellationToken);
        try
        {
            var storage = new BlogStorage(new BlobServiceClient(azurite.ConnectionString, BlobServiceClientFactory.CreateClientOptions()), _options);
            _uploader = new ContentUploader(storage.Containers.Posts);
            _handler = host.Services.GetRequiredService<PostBlobHandler>();
            using var watcher = new ContentWatcher(_root, SyncAsync, TimeProvider.System);

            await PublishAllAsync(storage, started, cancellationToken);
            await using var server = await PreviewServer.StartAsync(storage.Containers.Site, _live, _settings.Port, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ServingPrefix}{_options.BaseUrl} (ready in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; watching {_settings.Content}; Ctrl+C to stop)"));
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ExitCodes.Success;
        }
        finally
        {
            using var timeout = new CancellationTokenSource(HostStopTimeout);
            await host.StopAsync(timeout.Token);
            Console.WriteLine("blog dev: stopped");
        }
    }

    private async Task PublishAllAsync(BlogStorage storage, long started, CancellationToken cancellationToken)
    {
        var uploads = await _uploader!.UploadAsync(ContentFiles.Resolve([_settings.Content]), null, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"blog dev: uploaded {uploads.Count} files from {_settings.Content}; publishing"));
        var records = await new PublishWaiter(new PublishingStatusReader(storage.State), TimeProvider.System).WaitAsync(uploads, FirstPublishTimeout, cancellationToken);
        int Count(PublishOutcome outcome) => records.Values.Count(record => record?.Outcome == outcome && !record.IsAsset);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"blog dev: {Count(PublishOutcome.Published)} posts published, {Count(PublishOutcome.Pending)} pending, {Count(PublishOutcome.Rejected)} failed in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        if (records.Values.Any(record => record is null))
        {
            await Console.Error.WriteLineAsync($"blog dev: some files were not published within {FirstPublishTimeout.TotalSeconds} s; serving what there is");
        }
    }

    /// <summary>Brings the posts container in line with what changed on disk: a saved file is uploaded, a deleted one unpublished.</summary>
    private async Task SyncAsync(IReadOnlyCollection<string> paths)
    {
        // Deletions first: a renamed file's new name then finds its slug free, rather than refused for a moment.
        foreach (var path in paths.OrderBy(path => File.Exists(Path.Combine(_root, path)) || Directory.Exists(Path.Combine(_root, path)) ? 1 : 0))
        {
            try
            {
                await SyncAsync(path);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One file that cannot be synced must not end the loop: say why and go on watching.
                await Console.Error.WriteLineAsync($"blog dev: {path}: {FailureMessages.Describe(ex, null)}");
            }
        }
    }

    private async Task SyncAsync(string path)
    {
        var local = Path.Combine(_root, path);
        if (path == ContentPaths.SiteConfiguration)
        {
            Console.WriteLine($"blog dev: {path} changed: restart blog dev to apply it");
            return;
        }

        // Editors' backup files (name~) are not content; hidden files are never published.
        if (path.Length > 0 && (!ContentPaths.IsUploaded(path) || path.EndsWith('~')))
        {
            return;
        }

        // The scan trigger lists the container only every 10 s: publish a save at once, as a delete is. When the trigger
        // comes to the same bytes, the publisher finds them published and does nothing.
        if (File.Exists(local))
        {
            var uploaded = await _uploader!.UploadAsync(new LocalContentFile(local, path), CancellationToken.None);
            await _handler!.PublishAsync(uploaded.Path, CancellationToken.None);
        }
        else if (Directory.Exists(local))
        {
            var files = ContentFiles.Resolve([new DirectoryInfo(local)]).Select(file => file with { Path = ContentFiles.PathUnder(_root, file.LocalPath) }).ToList();
            foreach (var uploaded in await _uploader!.UploadAsync(files, null, CancellationToken.None))
            {
                await _handler!.PublishAsync(uploaded.Path, CancellationToken.None);
            }

            // A rescan (the watcher lost events in a burst) also finds what was deleted meanwhile.
            foreach (var deleted in await _uploader.DeleteMissingAsync(path, files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal), CancellationToken.None))
            {
                await _handler!.UnpublishAsync(deleted, CancellationToken.None);
            }
        }
        else
        {
            // The scan trigger never sees a delete: unpublish at once rather than at the next reconcile.
            foreach (var deleted in await _uploader!.DeleteAsync(path, CancellationToken.None))
            {
                await _handler!.UnpublishAsync(deleted, CancellationToken.None);
            }
        }
    }

    private void Report(PublishResult result)
    {
        var line = result.Outcome switch
        {
            PublishOutcome.Published when result.SourcePath == ContentPaths.ThemeFolder => $"applied {ContentPaths.ThemeFolder} to every page",
            PublishOutcome.Published when result.Slug is not null => $"published {result.SourcePath} -> {_lines.PostUrl(result.Slug)}",
            PublishOutcome.Published => $"copied {result.SourcePath}",
            PublishOutcome.Rejected => $"failed {result.SourcePath}:{result.Reason}",
            PublishOutcome.Pending => $"pending {result.SourcePath}: {result.Reason}",
            _ => $"unpublished {result.SourcePath}",
        };
        Console.WriteLine($"blog dev: {line}");
        _live.Reload(result.SourcePath);
    }
}

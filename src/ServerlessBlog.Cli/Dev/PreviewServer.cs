using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessBlog.Cli.CommandLine;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Cli.Dev;

/// <summary>
/// Serves the site container of Azurite (which has no static website endpoint) as a static website would: a folder URL
/// serves its <c>index.html</c>, a miss serves <c>404.html</c> with status 404, each file with its stored content type.
/// HTML gets the live-reload script; nothing is cached, so a reload always shows the latest publish.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private const string HtmlMediaType = "text/html";
    private const string NoStore = "no-store";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly BlobContainerClient _site;

    private PreviewServer(WebApplication app, BlobContainerClient site)
    {
        _app = app;
        _site = site;
    }

    public static async Task<PreviewServer> StartAsync(BlobContainerClient site, LiveReload live, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        var app = builder.Build();
        var server = new PreviewServer(app, site);
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        app.Run(context => context.Request.Path == LiveReload.EventsPath ? live.StreamAsync(context, stopping) : server.ServeAsync(context));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new CommandFailure($"cannot serve on http://127.0.0.1:{port}/: {ex.Message}; choose another port with --port", ex);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = NoStore;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var name = StaticWebsitePath.BlobNameOf(context.Request.Path.Value ?? "/");
        if (name is not null && await DownloadAsync(name, context.RequestAborted) is { } found)
        {
            await WriteAsync(context, found, StatusCodes.Status200OK);
            return;
        }

        if (name is not null && StaticWebsitePath.FolderPageOf(name) is { } folderPage && await ExistsAsync(folderPage, context.RequestAborted))
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = context.Request.PathBase + context.Request.Path + "/" + context.Request.QueryString;
            return;
        }

        if (await DownloadAsync(SitePaths.NotFound, context.RequestAborted) is { } notFound)
        {
            await WriteAsync(context, notFound, StatusCodes.Status404NotFound);
            return;
        }

        response.StatusCode = StatusCodes.Status404NotFound;
    }

    private static async Task WriteAsync(HttpContext context, BlobDownloadResult blob, int status)
    {
        var contentType = blob.Details.ContentType ?? "application/octet-stream";
        var body = contentType.StartsWith(HtmlMediaType, StringComparison.OrdinalIgnoreCase) ? LiveReload.Inject(blob.Content.ToMemory().Span) : blob.Content.ToArray();
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private async Task<BlobDownloadResult?> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await _site.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    private async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        (await _site.GetBlobClient(name).ExistsAsync(cancellationToken)).Value;
}

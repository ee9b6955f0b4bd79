using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace ServerlessBlog.Cli.Dev;

/// <summary>
/// Tells open pages of the preview to reload when a publish finished: a server-sent events stream, and a script the
/// preview server adds to the HTML it serves. Published pages never hold the script.
/// </summary>
internal sealed class LiveReload
{
    public const string EventsPath = "/_blog/live";

    private const string EventName = "reload";
    private const string ClosingBodyTag = "</body>";

    private static readonly byte[] Script = Encoding.UTF8.GetBytes(
        $"<script>new EventSource(\"{EventsPath}\").addEventListener(\"{EventName}\", () => location.reload());</script>\n");

    private readonly ConcurrentDictionary<Guid, Channel<string>> _clients = new();

    public int Clients => _clients.Count;

    /// <summary>Asks every open page to reload.</summary>
    public void Reload(string reason)
    {
        foreach (var client in _clients.Values)
        {
            client.Writer.TryWrite(reason);
        }
    }

    /// <summary>Streams reload events to one page until it goes away or the server stops.</summary>
    public async Task StreamAsync(HttpContext context, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var id = Guid.NewGuid();
        var events = Channel.CreateUnbounded<string>();
        _clients[id] = events;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await context.Response.WriteAsync(": connected\n\n", done.Token);
            await context.Response.Body.FlushAsync(done.Token);
            await foreach (var reason in events.Reader.ReadAllAsync(done.Token))
            {
                await context.Response.WriteAsync($"event: {EventName}\ndata: {reason}\n\n", done.Token);
                await context.Response.Body.FlushAsync(done.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed or the server is stopping.
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    }

    /// <summary>The page with the reload script added before its closing body tag (at the end when it has none).</summary>
    public static byte[] Inject(ReadOnlySpan<byte> html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf(ClosingBodyTag, StringComparison.OrdinalIgnoreCase);
        var script = Encoding.UTF8.GetString(Script);
        return Encoding.UTF8.GetBytes(at < 0 ? text + script : text.Insert(at, script));
    }
}

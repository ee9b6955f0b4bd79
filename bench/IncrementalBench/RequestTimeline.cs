using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessBlog.Bench.Incremental;

/// <summary>
/// Records when each storage request of a publish started and ended, so that the critical path of a publish
/// (which requests wait on which) can be read off one timeline. Off unless a recording is started.
/// </summary>
internal sealed class RequestTimeline : HttpPipelinePolicy
{
    private ConcurrentQueue<(double Start, double End, string Method, string Path, int Status)>? _entries;
    private long _origin;

    public void Start()
    {
        _origin = Stopwatch.GetTimestamp();
        _entries = new();
    }

    public string Stop()
    {
        var entries = _entries?.OrderBy(entry => entry.Start).ToList() ?? [];
        _entries = null;
        var text = new StringBuilder();
        foreach (var (start, end, method, path, status) in entries)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{start,7:0.0} {end,7:0.0} {end - start,6:0.0} {method,-6} {status} {path}"));
        }

        return text.ToString();
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entries = _entries;
        var start = Stopwatch.GetElapsedTime(_origin).TotalMilliseconds;
        await ProcessNextAsync(message, pipeline);
        if (entries is not null)
        {
            var end = Stopwatch.GetElapsedTime(_origin).TotalMilliseconds;
            var path = message.Request.Uri.Path;
            entries.Enqueue((start, end, message.Request.Method.Method, path[(path.IndexOf('/', 1) + 1)..], message.Response.Status));
        }
    }
}

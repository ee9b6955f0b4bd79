using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessBlog.Bench.Incremental;

/// <summary>Counts the storage requests a publish makes, by kind, and the bytes sent and received.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private const int Reads = 0, Writes = 1, Heads = 2, Lists = 3, Deletes = 4, Bytes = 5;
    private readonly long[] _counts = new long[6];

    public (long Reads, long Writes, long Heads, long Lists, long Deletes, long Bytes) Snapshot() =>
        (Read(Reads), Read(Writes), Read(Heads), Read(Lists), Read(Deletes), Read(Bytes));

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Request;
        var kind = request.Method.Method switch
        {
            "GET" when request.Uri.Query.Contains("comp=list", StringComparison.Ordinal) => Lists,
            "HEAD" => Heads,
            "PUT" => Writes,
            "DELETE" => Deletes,
            _ => Reads,
        };
        Interlocked.Increment(ref _counts[kind]);
        var sent = request.Content is not null && request.Content.TryComputeLength(out var length) ? length : 0;
        var received = request.Method == RequestMethod.Head ? 0 : message.Response.Headers.ContentLength ?? 0;
        Interlocked.Add(ref _counts[Bytes], sent + received);
    }

    private long Read(int kind) => Interlocked.Read(ref _counts[kind]);
}

using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessBlog.Integration.Tests;

/// <summary>Counts the responses with one status code that a client received.</summary>
internal sealed class StatusCounter(int status) : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Response.Status == status)
        {
            Interlocked.Increment(ref _count);
        }
    }
}

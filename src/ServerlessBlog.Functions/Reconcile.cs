using Microsoft.Azure.Functions.Worker;
using ServerlessBlog.Hosting;

namespace ServerlessBlog.Functions;

/// <summary>
/// On a schedule, publishes posts whose date has come and heals any drift between the posts container and the site
/// (a missed event, a deleted blob, a half-finished publish).
/// </summary>
public sealed class Reconcile(PostBlobHandler handler)
{
    [Function(nameof(Reconcile))]
    public Task RunAsync([TimerTrigger("%Blog:ReconcileSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return handler.ReconcileAsync(cancellationToken);
    }
}

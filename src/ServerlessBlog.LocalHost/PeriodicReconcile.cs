using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessBlog.Hosting;

namespace ServerlessBlog.LocalHost;

/// <summary>Reconciles the site with the posts container at start and then every <see cref="LocalHostOptions.ReconcileInterval"/>.</summary>
internal sealed partial class PeriodicReconcile(PostBlobHandler handler, IOptions<LocalHostOptions> options, TimeProvider time, ILogger<PeriodicReconcile> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, time);
        do
        {
            try
            {
                await handler.ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next round tries again; a failed round must not stop the host.
                LogReconcileFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile failed; trying again at the next interval")]
    private partial void LogReconcileFailed(Exception exception);
}

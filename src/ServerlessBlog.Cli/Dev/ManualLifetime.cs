using Microsoft.Extensions.Hosting;

namespace ServerlessBlog.Cli.Dev;

/// <summary>
/// A host lifetime that listens to no signal: <c>blog dev</c> owns Ctrl+C and stops its hosts itself, in order,
/// instead of each host's console lifetime racing to stop on its own.
/// </summary>
internal sealed class ManualLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Cli.Dev;

/// <summary>The trigger host's publisher, reporting each change it made once its pages are written: what reloads the open pages.</summary>
internal sealed class NotifyingPublisher(IPostPublisher inner, Action<PublishResult> changed) : IPostPublisher
{
    public async Task<PublishResult> PublishAsync(ContentFile file, CancellationToken cancellationToken = default) =>
        Report(await inner.PublishAsync(file, cancellationToken));

    public async Task<PublishResult> UnpublishAsync(string sourcePath, CancellationToken cancellationToken = default) =>
        Report(await inner.UnpublishAsync(sourcePath, cancellationToken));

    public async Task<ReconcileReport> ReconcileAsync(IContentSource content, CancellationToken cancellationToken = default)
    {
        var report = await inner.ReconcileAsync(content, cancellationToken);
        foreach (var change in report.Changes)
        {
            Report(change);
        }

        return report;
    }

    public async Task<PublishResult> ApplyThemeAsync(IContentSource content, CancellationToken cancellationToken = default) =>
        Report(await inner.ApplyThemeAsync(content, cancellationToken));

    private PublishResult Report(PublishResult result)
    {
        if (result.Outcome != PublishOutcome.Unchanged)
        {
            changed(result);
        }

        return result;
    }
}

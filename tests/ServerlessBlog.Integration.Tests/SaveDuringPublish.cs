using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Integration.Tests;

/// <summary>A publisher that lets the author save again while its first publish runs, after the trigger downloaded the file.</summary>
internal sealed class SaveDuringPublish(IPostPublisher inner, Func<Task> save) : IPostPublisher
{
    private int _saved;

    public async Task<PublishResult> PublishAsync(ContentFile file, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _saved, 1) == 0)
        {
            await save();
        }

        return await inner.PublishAsync(file, cancellationToken);
    }

    public Task<PublishResult> UnpublishAsync(string sourcePath, CancellationToken cancellationToken = default) => inner.UnpublishAsync(sourcePath, cancellationToken);

    public Task<ReconcileReport> ReconcileAsync(IContentSource content, CancellationToken cancellationToken = default) => inner.ReconcileAsync(content, cancellationToken);

    public Task<PublishResult> ApplyThemeAsync(IContentSource content, CancellationToken cancellationToken = default) => inner.ApplyThemeAsync(content, cancellationToken);
}

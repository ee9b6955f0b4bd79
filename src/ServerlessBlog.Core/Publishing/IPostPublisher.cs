using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Publishes one uploaded file at a time into a live site: what every host (the Functions app, the local
/// trigger host, the CLI) calls. Publishing a post re-renders only the pages it changes.
/// </summary>
public interface IPostPublisher
{
    /// <summary>Publishes a post, or copies an asset, uploaded at <see cref="ContentFile.Path"/>.</summary>
    Task<PublishResult> PublishAsync(ContentFile file, CancellationToken cancellationToken = default);

    /// <summary>Takes the post (or asset) uploaded at <paramref name="sourcePath"/> off the site.</summary>
    Task<PublishResult> UnpublishAsync(string sourcePath, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings the site in line with the content: publishes what is new, changed or whose date has come,
    /// unpublishes what was deleted. Running it twice changes nothing the second time.
    /// </summary>
    Task<ReconcileReport> ReconcileAsync(IContentSource content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the theme files of the content's <c>_theme/</c> folder the site's theme and renders every page with it,
    /// unless the site has that theme already; a theme that does not load is rejected and the site keeps its theme.
    /// A reconcile does this first.
    /// </summary>
    Task<PublishResult> ApplyThemeAsync(IContentSource content, CancellationToken cancellationToken = default);
}

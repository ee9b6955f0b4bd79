using ServerlessBlog.Core.Generation;

namespace ServerlessBlog.Core.Publishing;

/// <summary>The pages of one theme: made once a theme version, used by every publish while the site keeps that theme.</summary>
/// <param name="ThemeVersion">The version of the theme document these were made from; null when there is none.</param>
/// <param name="ThemeFingerprint">The fingerprint of the theme files: a new version of the same files renders the same pages.</param>
/// <param name="Pages">The page generator with that theme.</param>
/// <param name="Refresher">The page refresher that renders with it.</param>
/// <param name="Renderer">What renders every page with it.</param>
internal sealed record SiteRendering(string? ThemeVersion, string ThemeFingerprint, PageGenerator Pages, PageRefresher Refresher, WholeSiteRenderer Renderer);

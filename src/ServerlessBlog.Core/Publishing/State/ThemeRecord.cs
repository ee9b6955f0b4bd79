namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// The theme files the live site is rendered with, as last applied from the content's <c>_theme/</c> folder: every
/// publisher renders with these, so that all pages of the site agree whichever host made them and whenever it started.
/// No document means the default theme.
/// </summary>
public sealed record ThemeRecord
{
    /// <summary>The <see cref="Theming.ThemeFiles.Fingerprint"/> of <see cref="Files"/>.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>File name (<c>post.liquid</c>) to its text; none for the default theme, after a theme was deleted.</summary>
    public required SortedDictionary<string, string> Files { get; init; }

    /// <summary>
    /// Whether every page was rendered with these files since they were recorded. Until then, applying the same files
    /// again renders the site again: an apply that stopped half-way is finished by its retry or the next reconcile.
    /// </summary>
    public bool Rendered { get; init; }
}

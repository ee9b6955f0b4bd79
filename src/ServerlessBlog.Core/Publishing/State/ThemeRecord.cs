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

    /// <summary>File name (<c>post.liquid</c>) to its text.</summary>
    public required SortedDictionary<string, string> Files { get; init; }
}

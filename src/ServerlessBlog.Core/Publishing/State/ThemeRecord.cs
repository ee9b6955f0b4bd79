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
    /// Whether every page is known to be rendered with these files: set by a whole rendering that the index and the
    /// theme did not change under; cleared by anything that may have written pages in another theme since, or from an
    /// older index without writing them again (an attempt that stopped). Until it is set, applying the same files again
    /// (a reconcile does) renders every page again.
    /// </summary>
    public bool Rendered { get; init; }

    /// <summary>
    /// The version of the index catalog (empty when there was none) on which the whole rendering of these files last
    /// failed on a page: they are tried again only once the index has changed. Cleared by a mark.
    /// </summary>
    public string? FailedOnIndex { get; init; }

    /// <summary>Why the files failed then, as <c>line: reason</c>, for the status of files uploaded again unchanged.</summary>
    public string? FailedReason { get; init; }

    /// <summary>The fingerprint of the theme files last refused (they do not load), so that they are refused once.</summary>
    public string? Refused { get; init; }

    /// <summary>Why they were refused, as <c>line: reason</c>.</summary>
    public string? RefusedReason { get; init; }

    /// <summary>
    /// How many times the theme was recorded or marked not rendered: each time changes the record (some stores version
    /// a document by its bytes), so that a claim made over the record as it was before fails.
    /// </summary>
    public int Marks { get; init; }

    /// <summary>How many times theme files were recorded: more than none means pages may be in more than one theme.</summary>
    public int Changes { get; init; }
}

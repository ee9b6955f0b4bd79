using System.Globalization;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// The layout of the publisher's private state. The post index is partitioned by month and by tag and year,
/// so that one publish reads and writes a bounded number of small documents, however many posts the site has.
/// </summary>
public static class StatePaths
{
    /// <summary>The months and tags of the site, with counts: one small document every publish updates.</summary>
    public const string Catalog = "index/catalog.json";

    public const string SourcesFolder = "sources/";

    /// <summary>The claims of redirect pages (<see cref="Redirect"/>).</summary>
    public const string RedirectsFolder = "index/redirects/";

    /// <summary>The theme files the site is rendered with (<see cref="ThemeRecord"/>).</summary>
    public const string Theme = "theme.json";

    /// <summary>A rendered post: what its page and the feeds need, so that nothing is rendered twice.</summary>
    public static string Post(string slug) => $"posts/{slug}.json";

    /// <summary>The status of one uploaded file: published, pending, rejected and why.</summary>
    public static string Source(string sourcePath) => $"{SourcesFolder}{sourcePath}.json";

    /// <summary>The summaries of one month's posts, newest first.</summary>
    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"index/months/{year:D4}-{month:D2}.json");

    /// <summary>The summaries of one tag's posts of one year, newest first.</summary>
    public static string TagYear(string tagSlug, int year) => string.Create(CultureInfo.InvariantCulture, $"index/tags/{tagSlug}/{year:D4}.json");

    /// <summary>
    /// The summaries of the posts that claim one redirect page (<paramref name="pagePath"/>, the page of an alias) by
    /// their aliases, in the order of their source paths: the first has it, unless the site makes a page there anyway.
    /// A path no post claims any more keeps an empty list, so that a rendering of every page can find a redirect page
    /// written there late (a write that timed out) and delete it.
    /// </summary>
    public static string Redirect(string pagePath) => $"{RedirectsFolder}{pagePath}.json";

    /// <summary>The page a claims document of <see cref="Redirect"/> is about.</summary>
    public static string RedirectPageOf(string statePath) => statePath[RedirectsFolder.Length..^".json".Length];

    /// <summary>The files whose posts link to the post of one source file.</summary>
    public static string LinksTo(string sourcePath) => $"links/{sourcePath}.json";

    /// <summary>The files refused because another file's post holds <paramref name="slug"/>: published again when it is freed.</summary>
    public static string WaitingFor(string slug) => $"waiting/{slug}.json";

    /// <summary>The source path a status document is about.</summary>
    public static string SourcePathOf(string statePath) => statePath[SourcesFolder.Length..^".json".Length];
}

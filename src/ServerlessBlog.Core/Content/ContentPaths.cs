namespace ServerlessBlog.Core.Content;

/// <summary>What a path under the content root is: a post, an asset, or something the site ignores.</summary>
public static class ContentPaths
{
    /// <summary>The optional site configuration file at the content root.</summary>
    public const string SiteConfiguration = "site.yaml";

    /// <summary>The folder whose templates override the default theme's.</summary>
    public const string ThemeFolder = "_theme/";

    /// <summary>
    /// Whether <paramref name="path"/> belongs in the posts container: what the site publishes, and the theme files the
    /// site is rendered with (<see cref="Theming.ThemeFiles.IsThemeFile"/>).
    /// </summary>
    public static bool IsUploaded(string path) => !IsIgnored(path) || Theming.ThemeFiles.IsThemeFile(path);

    /// <summary>Whether <paramref name="path"/> is in the theme folder (<see cref="ThemeFolder"/>), a theme file or not.</summary>
    public static bool IsInThemeFolder(string path) => path.StartsWith(ThemeFolder, StringComparison.Ordinal);

    public static bool IsPost(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the site ignores <paramref name="path"/>: hidden files and folders, the theme folder,
    /// the site configuration, and names made only of dots.
    /// </summary>
    public static bool IsIgnored(string path)
    {
        if (IsInThemeFolder(path) || string.Equals(path, SiteConfiguration, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.')
            {
                return true;
            }
        }

        return false;
    }
}

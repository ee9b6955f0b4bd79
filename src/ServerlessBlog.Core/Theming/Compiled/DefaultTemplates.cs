namespace ServerlessBlog.Core.Theming.Compiled;

/// <summary>
/// The default theme's templates compiled to code: each writes what the Liquid file of the same name
/// (<c>Theme/Default/*.liquid</c>) writes, byte for byte, without the template engine's member lookups, value wrapping
/// and asynchronous statements, which cost more than the rest of a page. The Liquid files stay the theme's source:
/// they are what a theme author copies into <c>_theme/</c> to change, and tests render every page both ways and
/// compare. A change to one must be made to the other.
/// </summary>
internal static class DefaultTemplates
{
    /// <summary>The compiled template of each template name.</summary>
    public static IReadOnlyDictionary<string, ThemeTemplate> ByName { get; } =
        new ThemeTemplate[]
        {
            new DefaultLayout(), new DefaultPost(), new DefaultList(), new DefaultTags(), new DefaultArchive(),
            new DefaultNotFound(), new DefaultRedirect(),
        }.ToDictionary(template => template.Name, StringComparer.Ordinal);
}

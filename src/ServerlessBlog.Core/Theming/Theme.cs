using Fluid;
using ServerlessBlog.Core.Theming.Compiled;

namespace ServerlessBlog.Core.Theming;

/// <summary>
/// The Liquid templates and stylesheet the site is rendered with: the default theme embedded in the core,
/// where any file can be replaced by one of the same name in the content root's <c>_theme/</c> folder.
/// A template not replaced is rendered by its compiled form (<see cref="Compiled.DefaultTemplates"/>), which writes
/// the same bytes as its Liquid file; a replaced one is parsed once. A theme is immutable and thread-safe.
/// </summary>
public sealed class Theme
{
    public const string Layout = "layout";
    public const string Post = "post";
    public const string List = "list";
    public const string Tags = "tags";
    public const string Archive = "archive";
    public const string NotFound = "404";
    public const string Redirect = "redirect";
    public const string StylesheetFile = "style.css";
    public const string IconFile = "favicon.svg";
    public const string TemplateExtension = ".liquid";

    /// <summary>Every template a theme has.</summary>
    public static readonly IReadOnlyList<string> TemplateNames = [Layout, Post, List, Tags, Archive, NotFound, Redirect];

    private static readonly FluidParser Parser = new();
    private readonly Dictionary<string, ThemeTemplate> _templates;

    private Theme(Dictionary<string, ThemeTemplate> templates, string stylesheet, string icon)
    {
        _templates = templates;
        Stylesheet = stylesheet;
        Icon = icon;
    }

    /// <summary>The default theme.</summary>
    public static Theme Default { get; } = Load(new Dictionary<string, string>());

    /// <summary>The CSS file of the theme.</summary>
    public string Stylesheet { get; }

    /// <summary>The site's icon, an SVG file: pages link it, so browsers do not ask for a missing <c>/favicon.ico</c>.</summary>
    public string Icon { get; }

    internal ThemeTemplate this[string name] => _templates[name];

    /// <summary>
    /// The default theme with some files replaced.
    /// </summary>
    /// <param name="overrides">File name (<c>post.liquid</c>, <c>style.css</c>, <c>favicon.svg</c>) to its text.</param>
    /// <exception cref="ThemeException">A template does not parse.</exception>
    public static Theme Load(IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var templates = new Dictionary<string, ThemeTemplate>(StringComparer.Ordinal);
        foreach (var name in TemplateNames)
        {
            var file = name + TemplateExtension;
            if (overrides.GetValueOrDefault(file) is not { } source)
            {
                templates[name] = DefaultTemplates.ByName[name];
                continue;
            }

            if (!Parser.TryParse(source, out var template, out var error))
            {
                // The parser's first line says what and where, (line:column); the rest repeats the source.
                throw new ThemeException($"{file}: {error.AsSpan().TrimStart().ToString().Split('\n')[0].TrimEnd()}");
            }

            templates[name] = new LiquidTemplate(name, template);
        }

        return new Theme(
            templates,
            overrides.GetValueOrDefault(StylesheetFile) ?? DefaultFile(StylesheetFile),
            overrides.GetValueOrDefault(IconFile) ?? DefaultFile(IconFile));
    }

    /// <summary>Whether a file of <c>_theme/</c> replaces a file of the theme.</summary>
    public static bool IsThemeFile(string fileName) =>
        fileName is StylesheetFile or IconFile || TemplateNames.Any(name => fileName == name + TemplateExtension);

    /// <summary>The text of a file of the default theme, such as <c>post.liquid</c>.</summary>
    /// <exception cref="ThemeException">The default theme has no such file.</exception>
    public static string DefaultFile(string file)
    {
        using var stream = typeof(Theme).Assembly.GetManifestResourceStream($"Theme/{file}")
            ?? throw new ThemeException($"The default theme has no file '{file}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

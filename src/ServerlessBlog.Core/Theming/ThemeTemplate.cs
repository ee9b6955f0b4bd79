using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ServerlessBlog.Core.Theming;

/// <summary>
/// One template of a theme: a Liquid file (<see cref="LiquidTemplate"/>) or a template of the default theme compiled to
/// code (<see cref="Compiled.DefaultTemplates"/>). Thread-safe.
/// </summary>
internal abstract class ThemeTemplate
{
    /// <summary>How every template encodes text into HTML: what HTML needs encoded, and no letter of any script.</summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    protected ThemeTemplate(string name) => Name = name;

    /// <summary>The template's name, such as <c>post</c>.</summary>
    public string Name { get; }

    /// <summary>Writes the template's output for <paramref name="model"/>.</summary>
    /// <exception cref="ThemeException">The template fails on this model.</exception>
    public abstract void Render(TextWriter output, TemplateModel model);
}

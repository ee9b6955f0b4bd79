using System.Globalization;
using System.Text;
using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Theming;

/// <summary>
/// Renders a page with a theme: the page's own template, then the layout around it. Thread-safe.
/// </summary>
public sealed class PageRenderer
{
    // Encoding.UTF8 without its byte order mark; invalid text is replaced as Encoding.UTF8.GetBytes replaces it.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private const int LayoutBytes = 6 * 1024;
    private const int ContentBytes = 4 * 1024;

    private readonly Theme _theme;
    private readonly TemplateSite _site;

    public PageRenderer(Theme theme, SiteView site)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(site);
        _theme = theme;
        _site = new TemplateSite(site);
    }

    /// <summary>
    /// Renders <paramref name="template"/> with <paramref name="model"/> as <paramref name="modelName"/>, inside the
    /// layout, as the UTF-8 bytes of the page: written straight to bytes, without first becoming a string of twice their size.
    /// </summary>
    public ReadOnlyMemory<byte> RenderPageUtf8(string template, PageView page, string modelName, object model)
    {
        // The layout adds a few kilobytes of markup around the content, which is mostly a post's body.
        var contentBytes = model is PostView post ? post.Content.Length : ContentBytes;
        using var writer = new Utf8PageWriter(Utf8, contentBytes + LayoutBytes);
        RenderPage(writer, template, page, modelName, model);
        return writer.WrittenMemory;
    }

    /// <summary>Renders a template that is a whole document by itself, such as a redirect.</summary>
    public string RenderDocument(string template, string modelName, object model)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        _theme[template].Render(writer, new TemplateModel(_site, Page: null, modelName, model));
        return writer.ToString();
    }

    private void RenderPage(TextWriter output, string template, PageView page, string modelName, object model)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(model);
        var content = _theme[template];
        _theme[Theme.Layout].Render(output, new TemplateModel(_site, page, modelName, model) { Content = content });
    }
}

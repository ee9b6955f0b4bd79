using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Theming;

/// <summary>
/// What one template is given: the <c>site</c> and <c>page</c> objects, the template's own object under its name
/// (<c>post</c>, <c>list</c>, ...) and, for the layout, the template that renders the page's content.
/// </summary>
internal sealed record TemplateModel(TemplateSite Site, PageView? Page, string Name, object Model)
{
    /// <summary>The page's own template, rendered where the layout puts <c>content</c>; null outside the layout.</summary>
    public ThemeTemplate? Content { get; init; }

    /// <summary>Writes the page's content: <see cref="Content"/> with this model, as a template that holds no content of its own.</summary>
    public void RenderContent(TextWriter output) => Content?.Render(output, this with { Content = null });
}

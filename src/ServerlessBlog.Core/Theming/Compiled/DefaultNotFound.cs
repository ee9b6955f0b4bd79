namespace ServerlessBlog.Core.Theming.Compiled;

/// <summary>The page for an address with nothing at it: <c>404.liquid</c>.</summary>
internal sealed class DefaultNotFound() : ThemeTemplate(Theme.NotFound)
{
    public override void Render(TextWriter output, TemplateModel model)
    {
        var site = model.Site.View;
        output.Write("<h1>Page not found</h1>\n<p>There is nothing at this address. Try the <a href=\"");
        HtmlOutput.Text(output, site.HomeUrl);
        output.Write("\">home page</a>, the <a href=\"");
        HtmlOutput.Text(output, site.ArchiveUrl);
        output.Write("\">archive</a> or the <a href=\"");
        HtmlOutput.Text(output, site.TagsUrl);
        output.Write("\">tags</a>.</p>\n");
    }
}

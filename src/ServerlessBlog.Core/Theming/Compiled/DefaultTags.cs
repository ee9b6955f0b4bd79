using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Theming.Compiled;

/// <summary>The list of tags: <c>tags.liquid</c>.</summary>
internal sealed class DefaultTags() : ThemeTemplate(Theme.Tags)
{
    public override void Render(TextWriter output, TemplateModel model)
    {
        var tags = (IReadOnlyList<TagView>)model.Model;
        output.Write("<h1>Tags</h1>\n<ul class=\"tag-list\">\n");
        foreach (var tag in tags)
        {
            output.Write("<li><a href=\"");
            HtmlOutput.Text(output, tag.Url);
            output.Write("\">");
            HtmlOutput.Text(output, tag.Name);
            output.Write("</a> <span class=\"count\">");
            HtmlOutput.Number(output, tag.Count);
            output.Write("</span></li>\n");
        }

        output.Write("</ul>\n");
    }
}

using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Theming.Compiled;

/// <summary>The archive of months: <c>archive.liquid</c>.</summary>
internal sealed class DefaultArchive() : ThemeTemplate(Theme.Archive)
{
    public override void Render(TextWriter output, TemplateModel model)
    {
        var archive = (ArchiveView)model.Model;
        output.Write("<h1>Archive</h1>\n");
        foreach (var year in archive.Years)
        {
            output.Write("<section class=\"archive-year\" aria-labelledby=\"year-");
            HtmlOutput.Number(output, year.Year);
            output.Write("\">\n<h2 id=\"year-");
            HtmlOutput.Number(output, year.Year);
            output.Write("\">");
            HtmlOutput.Number(output, year.Year);
            output.Write("</h2>\n<ul class=\"archive-months\">\n");
            foreach (var month in year.Months)
            {
                output.Write("<li><a href=\"");
                HtmlOutput.Text(output, month.Url);
                output.Write("\">");
                HtmlOutput.Text(output, month.Name);
                output.Write("</a> <span class=\"count\">");
                HtmlOutput.Number(output, month.Count);
                output.Write("</span></li>\n");
            }

            output.Write("</ul>\n</section>\n");
        }

        output.Write("\n");
    }
}

using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Theming.Compiled;

/// <summary>The page at a post's old address: <c>redirect.liquid</c>, a whole document.</summary>
internal sealed class DefaultRedirect() : ThemeTemplate(Theme.Redirect)
{
    public override void Render(TextWriter output, TemplateModel model)
    {
        var site = model.Site.View;
        var redirect = (RedirectView)model.Model;
        output.Write("<!DOCTYPE html>\n<html lang=\"");
        HtmlOutput.Text(output, site.Language);
        output.Write("\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        HtmlOutput.Text(output, redirect.Title);
        output.Write("</title>\n<link rel=\"canonical\" href=\"");
        HtmlOutput.Text(output, redirect.Url);
        output.Write("\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url=");
        HtmlOutput.Text(output, redirect.Url);
        output.Write("\">\n</head>\n<body>\n<p>This page has moved to <a href=\"");
        HtmlOutput.Text(output, redirect.Url);
        output.Write("\">");
        HtmlOutput.Text(output, redirect.Title);
        output.Write("</a>.</p>\n</body>\n</html>\n");
    }
}

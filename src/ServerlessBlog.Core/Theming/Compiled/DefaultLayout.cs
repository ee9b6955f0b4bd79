namespace ServerlessBlog.Core.Theming.Compiled;

/// <summary>The layout around every page: <c>layout.liquid</c>.</summary>
internal sealed class DefaultLayout() : ThemeTemplate(Theme.Layout)
{
    public override void Render(TextWriter output, TemplateModel model)
    {
        var site = model.Site.View;
        var page = model.Page ?? throw new InvalidOperationException("The layout needs a page.");
        output.Write("<!DOCTYPE html>\n<html lang=\"");
        HtmlOutput.Text(output, site.Language);
        output.Write("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        if (page.Title == site.Title)
        {
            HtmlOutput.Text(output, site.Title);
        }
        else
        {
            HtmlOutput.Text(output, page.Title);
            output.Write(" · ");
            HtmlOutput.Text(output, site.Title);
        }

        output.Write("</title>\n<meta name=\"description\" content=\"");
        HtmlOutput.Text(output, page.Description);
        output.Write("\">\n");
        if (page.Noindex)
        {
            output.Write("<meta name=\"robots\" content=\"noindex\">\n");
        }

        output.Write("<meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"canonical\" href=\"");
        HtmlOutput.Text(output, page.CanonicalUrl);
        output.Write("\">\n<meta property=\"og:type\" content=\"");
        HtmlOutput.Text(output, page.OgType);
        output.Write("\">\n<meta property=\"og:title\" content=\"");
        HtmlOutput.Text(output, page.Title);
        output.Write("\">\n<meta property=\"og:description\" content=\"");
        HtmlOutput.Text(output, page.Description);
        output.Write("\">\n<meta property=\"og:url\" content=\"");
        HtmlOutput.Text(output, page.CanonicalUrl);
        output.Write("\">\n<meta property=\"og:site_name\" content=\"");
        HtmlOutput.Text(output, site.Title);
        output.Write("\">\n<meta property=\"og:locale\" content=\"");
        HtmlOutput.Text(output, site.Locale);
        output.Write("\">\n");
        if (page.Image is not null)
        {
            output.Write("<meta property=\"og:image\" content=\"");
            HtmlOutput.Text(output, page.Image);
            output.Write("\">\n");
        }

        if (page.PublishedIso is not null)
        {
            output.Write("<meta property=\"article:published_time\" content=\"");
            HtmlOutput.Text(output, page.PublishedIso);
            output.Write("\">\n<meta property=\"article:modified_time\" content=\"");
            HtmlOutput.Text(output, page.ModifiedIso);
            output.Write("\">\n");
        }

        output.Write("<link rel=\"stylesheet\" href=\"");
        HtmlOutput.Text(output, site.StyleUrl);
        output.Write("\">\n<link rel=\"icon\" type=\"image/svg+xml\" href=\"");
        HtmlOutput.Text(output, site.IconUrl);
        output.Write("\">\n<link rel=\"alternate\" type=\"application/rss+xml\" title=\"");
        HtmlOutput.Text(output, site.Title);
        output.Write(" (RSS)\" href=\"");
        HtmlOutput.Text(output, site.RssUrl);
        output.Write("\">\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"");
        HtmlOutput.Text(output, site.Title);
        output.Write(" (Atom)\" href=\"");
        HtmlOutput.Text(output, site.AtomUrl);
        output.Write("\">\n<link rel=\"alternate\" type=\"application/feed+json\" title=\"");
        HtmlOutput.Text(output, site.Title);
        output.Write(" (JSON Feed)\" href=\"");
        HtmlOutput.Text(output, site.JsonFeedUrl);
        output.Write("\">\n");
        foreach (var feed in page.Feeds)
        {
            output.Write("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"");
            HtmlOutput.Text(output, feed.Title);
            output.Write("\" href=\"");
            HtmlOutput.Text(output, feed.Url);
            output.Write("\">\n");
        }

        output.Write("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\">\n<a class=\"site-title\" href=\"");
        HtmlOutput.Text(output, site.HomeUrl);
        output.Write("\">");
        HtmlOutput.Text(output, site.Title);
        output.Write("</a>\n<nav aria-label=\"Site\">\n<ul>\n<li><a href=\"");
        HtmlOutput.Text(output, site.HomeUrl);
        output.Write("\">Home</a></li>\n<li><a href=\"");
        HtmlOutput.Text(output, site.ArchiveUrl);
        output.Write("\">Archive</a></li>\n<li><a href=\"");
        HtmlOutput.Text(output, site.TagsUrl);
        output.Write("\">Tags</a></li>\n<li><a href=\"");
        HtmlOutput.Text(output, site.RssUrl);
        output.Write("\">RSS</a></li>\n</ul>\n</nav>\n</header>\n<main id=\"main\">\n");
        model.RenderContent(output);
        output.Write("\n</main>\n<footer class=\"site-footer\">\n<p>");
        if (site.Description.Length > 0)
        {
            HtmlOutput.Text(output, site.Description);
            output.Write(" · ");
        }

        output.Write("Subscribe: <a href=\"");
        HtmlOutput.Text(output, site.RssUrl);
        output.Write("\">RSS</a> · <a href=\"");
        HtmlOutput.Text(output, site.AtomUrl);
        output.Write("\">Atom</a> · <a href=\"");
        HtmlOutput.Text(output, site.JsonFeedUrl);
        output.Write("\">JSON Feed</a></p>\n</footer>\n</body>\n</html>\n");
    }
}

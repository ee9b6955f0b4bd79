using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Theming.Compiled;

/// <summary>A listing of posts (home, tag, tag-year and month pages): <c>list.liquid</c>.</summary>
internal sealed class DefaultList() : ThemeTemplate(Theme.List)
{
    public override void Render(TextWriter output, TemplateModel model)
    {
        var list = (ListView)model.Model;
        output.Write("<h1>");
        HtmlOutput.Text(output, list.Heading);
        output.Write("</h1>\n");
        if (list.Intro.Length > 0)
        {
            output.Write("<p class=\"intro\">");
            HtmlOutput.Text(output, list.Intro);
            output.Write("</p>\n");
        }

        foreach (var group in list.Groups)
        {
            if (group.Label.Length > 0)
            {
                output.Write("<h2>");
                HtmlOutput.Text(output, group.Label);
                output.Write("</h2>\n");
            }

            output.Write("<ul class=\"post-list\">\n");
            foreach (var post in group.Posts)
            {
                output.Write("<li class=\"post-card\">\n<h");
                HtmlOutput.Number(output, list.TitleLevel);
                output.Write(" class=\"post-card-title\"><a href=\"");
                HtmlOutput.Text(output, post.Url);
                output.Write("\">");
                HtmlOutput.Text(output, post.Title);
                output.Write("</a></h");
                HtmlOutput.Number(output, list.TitleLevel);
                output.Write(">\n<p class=\"meta\"><time datetime=\"");
                HtmlOutput.Text(output, post.DateIso);
                output.Write("\">");
                HtmlOutput.Text(output, post.DateText);
                output.Write("</time> · ");
                HtmlOutput.Number(output, post.ReadingMinutes);
                output.Write(" min read</p>\n");
                if (list.ShowExcerpts && post.Excerpt.Length > 0)
                {
                    output.Write("<p class=\"excerpt\">");
                    HtmlOutput.Text(output, post.Excerpt);
                    output.Write("</p>\n");
                }

                output.Write("</li>\n");
            }

            output.Write("</ul>\n");
        }

        if (list.Links.Count > 0)
        {
            output.Write("<h2>");
            HtmlOutput.Text(output, list.LinksHeading);
            output.Write("</h2>\n<ul class=\"link-list\">\n");
            foreach (var link in list.Links)
            {
                output.Write("<li><a href=\"");
                HtmlOutput.Text(output, link.Url);
                output.Write("\">");
                HtmlOutput.Text(output, link.Title);
                output.Write("</a></li>\n");
            }

            output.Write("</ul>\n");
        }

        if (list.MoreUrl is not null)
        {
            output.Write("<p class=\"more\"><a href=\"");
            HtmlOutput.Text(output, list.MoreUrl);
            output.Write("\">");
            HtmlOutput.Text(output, list.MoreLabel);
            output.Write("</a></p>\n");
        }

        if (list.FeedUrl is not null)
        {
            output.Write("<p class=\"feed\"><a href=\"");
            HtmlOutput.Text(output, list.FeedUrl);
            output.Write("\">Subscribe to ");
            HtmlOutput.Text(output, list.Heading);
            output.Write(" (RSS)</a></p>\n");
        }

        output.Write("\n");
    }
}

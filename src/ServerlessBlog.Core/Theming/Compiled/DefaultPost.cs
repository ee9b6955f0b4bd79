using ServerlessBlog.Core.Theming.Views;

namespace ServerlessBlog.Core.Theming.Compiled;

/// <summary>A post: <c>post.liquid</c>.</summary>
internal sealed class DefaultPost() : ThemeTemplate(Theme.Post)
{
    public override void Render(TextWriter output, TemplateModel model)
    {
        var post = (PostView)model.Model;
        output.Write("<article class=\"post\">\n<header class=\"post-header\">\n<h1>");
        HtmlOutput.Text(output, post.Title);
        output.Write("</h1>\n<p class=\"meta\"><time datetime=\"");
        HtmlOutput.Text(output, post.DateIso);
        output.Write("\">");
        HtmlOutput.Text(output, post.DateText);
        output.Write("</time>");
        if (post.UpdatedIso is not null)
        {
            output.Write(" · Updated <time datetime=\"");
            HtmlOutput.Text(output, post.UpdatedIso);
            output.Write("\">");
            HtmlOutput.Text(output, post.UpdatedText);
            output.Write("</time>");
        }

        output.Write(" · ");
        HtmlOutput.Number(output, post.ReadingMinutes);
        output.Write(" min read");
        if (post.Authors.Count > 0)
        {
            output.Write(" · ");
            HtmlOutput.Text(output, string.Join(", ", post.Authors));
        }

        output.Write("</p>\n</header>\n<div class=\"post-content\">\n");
        output.Write(post.Content);
        output.Write("\n</div>\n<footer class=\"post-footer\">\n");
        if (post.Tags.Count > 0)
        {
            output.Write("<ul class=\"tags\" aria-label=\"Tags\">\n");
            foreach (var tag in post.Tags)
            {
                output.Write("<li><a href=\"");
                HtmlOutput.Text(output, tag.Url);
                output.Write("\" rel=\"tag\">");
                HtmlOutput.Text(output, tag.Name);
                output.Write("</a></li>\n");
            }

            output.Write("</ul>\n");
        }

        if (post.Older is not null || post.Newer is not null)
        {
            output.Write("<nav class=\"post-nav\" aria-label=\"More posts\">\n");
            if (post.Older is not null)
            {
                output.Write("<a class=\"older\" href=\"");
                HtmlOutput.Text(output, post.Older.Url);
                output.Write("\" rel=\"prev\">← Previous: ");
                HtmlOutput.Text(output, post.Older.Title);
                output.Write("</a>\n");
            }

            if (post.Newer is not null)
            {
                output.Write("<a class=\"newer\" href=\"");
                HtmlOutput.Text(output, post.Newer.Url);
                output.Write("\" rel=\"next\">Next: ");
                HtmlOutput.Text(output, post.Newer.Title);
                output.Write(" →</a>\n");
            }

            output.Write("</nav>\n");
        }

        output.Write("</footer>\n</article>\n");
    }
}

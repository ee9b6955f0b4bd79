using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Tests;

/// <summary>What a post renders to is safe to publish: Markdown in, HTML out, with the real sanitizer.</summary>
public sealed class SafeHtmlTests
{
    private static readonly SiteUrls Urls = new("https://blog.example/");
    private readonly PostRenderer _renderer = new(Urls);

    private static Post Post(string body) => new()
    {
        SourcePath = "posts/safe.md",
        Slug = "safe",
        Title = "Safe",
        Date = DateTimeOffset.UnixEpoch,
        Body = body,
    };

    private string Render(string body) => _renderer.Render(Post(body), DictionaryLinkResolver.Empty).ContentHtml;

    [Theory]
    [InlineData("[click](javascript:alert(1))", "<p>click</p>")]
    [InlineData("[click](JavaScript:alert(1))", "<p>click</p>")]
    [InlineData("[click](<java\tscript:alert(1)>)", "<p>click</p>")]
    [InlineData("[click](jav&#x09;ascript:alert(1))", "<p>click</p>")]
    [InlineData("[click](vbscript:msgbox(1))", "<p>click</p>")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<p>click</p>")]
    [InlineData("![a *pic*](data:image/png;base64,iVBORw0KGgo=)", "<p>a <em>pic</em></p>")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("[ref]\n\n[ref]: javascript:alert(1)", "<p>ref</p>")]
    [InlineData("[a ![i](vbscript:x) b](javascript:x) c", "<p>a i b c</p>")]
    [InlineData("![x ![i](javascript:y) *z*](data:text/html,x) after", "<p>x i <em>z</em> after</p>")]
    [InlineData("<javascript:alert(1)> [a](javascript:x)![b](javascript:y)", "<p>javascript:alert(1) ab</p>")]
    public void Links_and_images_with_a_scheme_that_runs_script_keep_only_their_text(string markdown, string expected)
    {
        Assert.Equal(expected, Render(markdown).Trim());
    }

    [Theory]
    [InlineData("[web](https://other.example/x)", "href=\"https://other.example/x\"")]
    [InlineData("[mail](mailto:a@b.example)", "href=\"mailto:a@b.example\"")]
    [InlineData("[call](tel:+441234)", "href=\"tel:+441234\"")]
    [InlineData("[top](#top)", "href=\"#top\"")]
    [InlineData("<https://auto.example/>", "href=\"https://auto.example/\"")]
    public void Links_of_the_schemes_a_blog_needs_are_kept(string markdown, string expected)
    {
        Assert.Contains(expected, Render(markdown), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Text <script>alert(1)</script> inline")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>")]
    [InlineData("<img src=x onerror=\"alert(1)\">")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"  JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<svg onload=alert(1)><circle r=1 /></svg>")]
    [InlineData("<details open ontoggle=alert(1)><summary>s</summary>x</details>")]
    [InlineData("<!-- x --><script>alert(1)</script>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<form action=\"https://evil.example/\"><button formaction=\"javascript:alert(1)\">go</button></form>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>")]
    public void Raw_html_is_sanitized_by_default(string markdown)
    {
        var html = Render(markdown);

        HtmlAssert.Safe(html);
    }

    [Fact]
    public void Harmless_raw_html_is_kept()
    {
        var html = Render("Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <mark>this</mark>.\n\n<details><summary>More</summary>\n\nHidden <abbr title=\"HyperText\">HTML</abbr>.\n\n</details>\n");

        Assert.Contains("<kbd>Ctrl</kbd>", html, StringComparison.Ordinal);
        Assert.Contains("<sub>2</sub>", html, StringComparison.Ordinal);
        Assert.Contains("<sup>2</sup>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>this</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<details><summary>More</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<abbr title=\"HyperText\">HTML</abbr>", html, StringComparison.Ordinal);
    }

    /// <summary>The post's HTML also goes into the feeds, where a reader has no page to resolve a relative URL against.</summary>
    [Theory]
    [InlineData("<img src=\"../../images/cover.svg\" width=\"200\">", "src=\"https://blog.example/images/cover.svg\"")]
    [InlineData("<img src=\"cover.svg\">", "src=\"https://blog.example/posts/safe/cover.svg\"")]
    [InlineData("<a href=\"#details\">jump</a>", "href=\"https://blog.example/posts/safe/#details\"")]
    [InlineData("<a href=\"https://other.example/x\">out</a>", "href=\"https://other.example/x\"")]
    public void Relative_urls_in_raw_html_are_made_absolute_against_the_post_page(string markdown, string expected)
    {
        Assert.Contains(expected, Render(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sanitizer_keeps_everything_the_markdown_pipeline_emits()
    {
        const string Markdown = """
            ## A heading

            | left | right |
            |:-----|------:|
            | a    | b     |

            Text with a footnote[^1] and ~~strike~~ and *HTML*.

            *[HTML]: HyperText Markup Language

            - [x] done
            - [ ] todo

            Term
            :   Definition

            ^^^ Figure caption

            ```csharp
            var x = "s"; // c
            ```

            [^1]: The note.
            """;
        var trusted = new PostRenderer(Urls, allowRawHtml: true).Render(Post(Markdown + "\n<br>\n"), DictionaryLinkResolver.Empty).ContentHtml;

        var sanitized = Render(Markdown + "\n<br>\n");

        Assert.Equal(Normalize(trusted), Normalize(sanitized));
    }

    [Fact]
    public void A_site_that_allows_raw_html_publishes_it_as_written()
    {
        var html = new PostRenderer(Urls, allowRawHtml: true).Render(Post("<div onclick=\"go()\">x</div>"), DictionaryLinkResolver.Empty).ContentHtml;

        Assert.Contains("onclick=\"go()\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_without_raw_html_is_not_changed_by_the_sanitizer()
    {
        const string Markdown = "Plain *text* with a [link](https://x.example/) and `code`.";

        Assert.Equal(new PostRenderer(Urls, allowRawHtml: true).Render(Post(Markdown), DictionaryLinkResolver.Empty).ContentHtml, Render(Markdown));
    }

    // The sanitizer writes the same elements and attributes in HTML5's own serialization, and CSS without the last ';'.
    private static string Normalize(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!.InnerHtml
            .Replace("\n", string.Empty, StringComparison.Ordinal)
            .Replace(";\"", "\"", StringComparison.Ordinal);
}

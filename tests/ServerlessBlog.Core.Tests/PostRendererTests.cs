using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Tests;

public sealed class PostRendererTests
{
    private readonly PostRenderer _renderer = new(new SiteUrls("https://blog.example/"));

    private static Post Post(string body, string path = "posts/2024/current.md", string? summary = null, bool titleFromHeading = false) => new()
    {
        SourcePath = path,
        Slug = "current",
        Title = "Current",
        Date = DateTimeOffset.UnixEpoch,
        Body = body,
        Summary = summary,
        TitleFromHeading = titleFromHeading,
    };

    [Fact]
    public void Relative_links_to_posts_point_to_their_published_url()
    {
        var links = new DictionaryLinkResolver(new Dictionary<string, string> { ["posts/other.md"] = "renamed-by-slug" });

        var html = _renderer.Render(Post("[known](../other.md#part) and [unknown](2024-01-01-new-one.md)"), links).ContentHtml;

        Assert.Contains("href=\"https://blog.example/posts/renamed-by-slug/#part\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://blog.example/posts/new-one/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_asset_links_become_absolute_and_external_links_are_kept()
    {
        var html = _renderer.Render(Post("![pic](img/a.png) [ext](https://other.example/x) [anchor](#top) [mail](mailto:a@b.c)"), DictionaryLinkResolver.Empty).ContentHtml;

        Assert.Contains("src=\"https://blog.example/posts/2024/img/a.png\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://other.example/x\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#top\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:a@b.c\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_rewritten_wherever_they_are_nested()
    {
        const string body = """
            > - a list in a quote with *[emphasised](a.md)* and **[strong [image ![pic](a.png)](b.md)]**

            | Column |
            |---|
            | [in a cell](c.md) and <https://auto.example/> |

            Text with a note.[^1] Unsafe: [run](javascript:alert(1)) and *[nested](javascript:x)*.

            [^1]: A note with [a link](d.md).

            ### Deep <b>raw</b>
            """;

        var html = _renderer.Render(Post(body), DictionaryLinkResolver.Empty).ContentHtml;

        foreach (var expected in new[] { "posts/a/", "posts/b/", "posts/c/", "posts/d/", "posts/2024/a.png" })
        {
            Assert.Contains($"\"https://blog.example/{expected}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("Unsafe: run and <em>nested</em>.", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"deep-raw\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_stay_below_the_page_title()
    {
        var html = _renderer.Render(Post("# Big\n\n## Smaller"), DictionaryLinkResolver.Empty).ContentHtml;

        Assert.Contains("<h2 id=\"big\">Big</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"smaller\">Smaller</h3>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_that_became_the_title_is_not_repeated_in_the_body()
    {
        var html = _renderer.Render(Post("# Current\n\nText\n\n## Part", titleFromHeading: true), DictionaryLinkResolver.Empty).ContentHtml;

        Assert.DoesNotContain(">Current<", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"part\">Part</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_excerpt_is_the_text_before_the_more_marker_then_the_summary_then_the_first_paragraph()
    {
        var beforeMore = _renderer.Render(Post("First *part*.\n\nSecond part.\n\n<!--more-->\n\nRest.", summary: "Ignored"), DictionaryLinkResolver.Empty);
        var fromSummary = _renderer.Render(Post("Paragraph.", summary: "The summary."), DictionaryLinkResolver.Empty);
        var fromParagraph = _renderer.Render(Post("## Heading\n\nThe `first` paragraph\nwith a [link](x.md).\n\nSecond."), DictionaryLinkResolver.Empty);

        Assert.Equal("First part. Second part.", beforeMore.Excerpt);
        Assert.Equal("The summary.", fromSummary.Excerpt);
        Assert.Equal("The first paragraph with a link.", fromParagraph.Excerpt);
    }

    [Fact]
    public void Long_excerpts_are_cut_at_a_word()
    {
        var excerpt = _renderer.Render(Post(string.Join(' ', Enumerable.Repeat("word", 200))), DictionaryLinkResolver.Empty).Excerpt;

        Assert.True(excerpt.Length <= 300);
        Assert.EndsWith("word…", excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fine.\n\nA bell &#7; rings.", 7, "U+0007")]
    [InlineData("Fine.\n\n## A &#X1f; heading", 7, "U+001F")]
    [InlineData("An &#65; is fine.\n\nFine.\n\n> A bell &#0000007; rings.", 9, "U+0007")]
    public void A_character_reference_to_a_control_character_is_refused_at_its_line(string body, int line, string character)
    {
        var post = Post(body) with { BodyLine = 5 };

        var refused = Assert.Throws<ContentException>(() => _renderer.Render(post, DictionaryLinkResolver.Empty));

        Assert.Equal(line, refused.Line);
        Assert.Contains(character, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Character_references_to_a_tab_a_letter_or_nothing_valid_are_published()
    {
        var html = _renderer.Render(Post("A&#9;tab, an &#65;, a &#0; and a &#xD800;."), DictionaryLinkResolver.Empty).ContentHtml;

        Assert.Equal("<p>A\ttab, an A, a \uFFFD and a \uFFFD.</p>\n", html);
    }

    [Fact]
    public void Reading_time_counts_words()
    {
        Assert.Equal(1, _renderer.Render(Post("few words"), DictionaryLinkResolver.Empty).ReadingMinutes);
        Assert.Equal(3, _renderer.Render(Post(string.Join(' ', Enumerable.Repeat("w", 600))), DictionaryLinkResolver.Empty).ReadingMinutes);
    }

    [Fact]
    public void Known_languages_are_highlighted_and_unknown_ones_escaped()
    {
        var html = _renderer.Render(Post("```csharp\nvar s = \"<b>\"; // note\n```\n\n```brainfuck\n<+>\n```"), DictionaryLinkResolver.Empty).ContentHtml;

        Assert.Contains("<pre class=\"highlight\"><code class=\"language-csharp\"><span class=\"k\">var</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"s\">&quot;&lt;b&gt;&quot;</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"c\">// note</span>", html, StringComparison.Ordinal);
        Assert.Contains("<code class=\"language-brainfuck\">&lt;+&gt;", html, StringComparison.Ordinal);
    }
}

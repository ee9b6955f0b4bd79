using System.Text;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Tests;

public sealed class PostParserTests
{
    private static readonly DateTimeOffset FileTime = new(2024, 2, 3, 4, 5, 6, TimeSpan.Zero);
    private readonly PostParser _parser = new();

    private Post Parse(string path, string text) => _parser.Parse(new ContentFile(path, Encoding.UTF8.GetBytes(text), FileTime));

    [Fact]
    public void Hugo_yaml_fields_are_read()
    {
        var post = Parse("posts/a.md", """
            ---
            title: A Hugo post
            date: 2024-01-15T10:30:00+01:00
            lastmod: 2024-01-20
            tags: [Go, Hugo]
            categories: [Web]
            summary: Short.
            slug: custom-slug
            author: Ann
            images: [/img/a.png]
            aliases: [/old/a/]
            layout: wide
            ---
            Body
            """);

        Assert.Equal("A Hugo post", post.Title);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.FromHours(1)), post.Date);
        Assert.Equal(new DateTimeOffset(2024, 1, 20, 0, 0, 0, TimeSpan.Zero), post.Updated);
        Assert.Equal(["Go", "Hugo"], post.Tags);
        Assert.Equal(["Web"], post.Categories);
        Assert.Equal("Short.", post.Summary);
        Assert.Equal("custom-slug", post.Slug);
        Assert.Equal(["Ann"], post.Authors);
        Assert.Equal("/img/a.png", post.Image);
        Assert.Equal(["old/a/"], post.Aliases);
        Assert.Equal("wide", post.Params["layout"]);
        Assert.False(post.Params.ContainsKey("title"));
    }

    [Fact]
    public void Jekyll_file_names_give_date_and_slug_and_its_date_format_is_read()
    {
        var fromName = Parse("_posts/2023-07-04-independence-day.md", "---\ntitle: X\n---\n");
        var withOffset = Parse("_posts/2023-07-04-x.md", "---\ndate: 2023-07-05 10:00:00 +0200\nlast_modified_at: 2023-07-06\n---\n");

        Assert.Equal("independence-day", fromName.Slug);
        Assert.Equal(new DateTimeOffset(2023, 7, 4, 0, 0, 0, TimeSpan.Zero), fromName.Date);
        Assert.Equal(new DateTimeOffset(2023, 7, 5, 10, 0, 0, TimeSpan.FromHours(2)), withOffset.Date);
        Assert.NotNull(withOffset.Updated);
    }

    [Fact]
    public void Zola_toml_taxonomies_and_updated_are_read()
    {
        var post = Parse("content/zola.md", "+++\ntitle = \"Zola\"\ndate = 2022-02-02\nupdated = 2022-03-03\ndescription = \"Desc\"\n[taxonomies]\ntags = [\"rust\", \"ssg\"]\n[extra]\nmood = \"happy\"\n+++\nText");

        Assert.Equal(["rust", "ssg"], post.Tags);
        Assert.Equal(new DateTimeOffset(2022, 3, 3, 0, 0, 0, TimeSpan.Zero), post.Updated);
        Assert.Equal("Desc", post.Summary);
        Assert.IsType<Dictionary<string, object?>>(post.Params["extra"]);
    }

    [Fact]
    public void Without_front_matter_the_title_comes_from_the_first_heading_and_the_date_from_the_file()
    {
        var post = Parse("notes/plain.md", "Intro line\n\n# The *real* title\n\nText");

        Assert.Equal("The real title", post.Title);
        Assert.True(post.TitleFromHeading);
        Assert.Equal(FileTime, post.Date);
        Assert.Equal("plain", post.Slug);
    }

    [Fact]
    public void A_heading_inside_a_code_fence_is_not_the_title()
    {
        var post = Parse("notes/fenced.md", "```\n# not a title\n```\n\nSetext title\n============\n");

        Assert.Equal("Setext title", post.Title);
    }

    [Fact]
    public void Without_heading_the_title_comes_from_the_file_name()
    {
        var post = Parse("my-first_post.md", "Just text.");

        Assert.Equal("My first post", post.Title);
        Assert.False(post.TitleFromHeading);
    }

    [Fact]
    public void A_hugo_page_bundle_is_named_by_its_folder()
    {
        Assert.Equal("bundle-post", Parse("posts/bundle-post/index.md", "x").Slug);
    }

    [Theory]
    [InlineData("---\ndraft: true\n---\n", "a.md")]
    [InlineData("---\npublished: false\n---\n", "a.md")]
    [InlineData("text", "_drafts/a.md")]
    [InlineData("---\ndraft: yes\n---\n", "a.md")]
    [InlineData("---\ndraft: On\n---\n", "a.md")]
    [InlineData("---\npublished: no\n---\n", "a.md")]
    [InlineData("---\npublished: \"false\"\n---\n", "a.md")]
    [InlineData("+++\ndraft = true\n+++\n", "a.md")]
    public void Drafts_are_recognised(string text, string path)
    {
        Assert.True(Parse(path, text).Draft);
    }

    [Theory]
    [InlineData("---\ndraft: no\n---\n")]
    [InlineData("---\ndraft: false\npublished: yes\n---\n")]
    [InlineData("---\ntitle: x\n---\n")]
    public void Posts_not_held_back_are_not_drafts(string text)
    {
        Assert.False(Parse("a.md", text).Draft);
    }

    [Theory]
    [InlineData("---\ntitle: x\ndraft: maybe\n---\n", "'draft' must be true or false, not 'maybe'", 3)]
    [InlineData("---\npublished: later\n---\n", "'published' must be true or false, not 'later'", 2)]
    public void A_draft_flag_that_is_neither_yes_nor_no_is_refused_on_its_line(string text, string message, int line)
    {
        var error = Assert.Throws<ContentException>(() => Parse("a.md", text));

        Assert.Equal(message, error.Message);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Tags_may_be_a_comma_separated_string_and_duplicates_by_slug_are_dropped()
    {
        var post = Parse("a.md", "---\ntags: \"azure, Azure , functions,,\"\n---\n");

        Assert.Equal(["azure", "functions"], post.Tags);
    }

    [Fact]
    public void An_invalid_date_is_reported_on_its_line()
    {
        var error = Assert.Throws<ContentException>(() => Parse("a.md", "---\ntitle: x\ndate: yesterday\n---\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("'date' is not a date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_over_the_size_limit_is_refused()
    {
        var parser = new PostParser(maxPostBytes: 10);

        var error = Assert.Throws<ContentException>(() => parser.Parse(new ContentFile("a.md", new byte[11], FileTime)));

        Assert.Contains("more than the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_and_binary_data_are_refused_and_utf16_is_decoded()
    {
        Assert.Throws<ContentException>(() => _parser.Parse(new ContentFile("a.md", new byte[] { 0x41, 0xC3, 0x28 }, FileTime)));
        Assert.Throws<ContentException>(() => _parser.Parse(new ContentFile("a.md", new byte[] { 0x41, 0x00, 0x42 }, FileTime)));

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("---\ntitle: Wide\n---\n")).ToArray();
        Assert.Equal("Wide", _parser.Parse(new ContentFile("a.md", utf16, FileTime)).Title);
    }

    [Fact]
    public void A_slug_without_letters_is_refused()
    {
        var error = Assert.Throws<ContentException>(() => Parse("a.md", "---\nslug: \"///\"\n---\n"));

        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("/robots.txt/")]
    [InlineData("/feed.xml")]
    [InlineData("/2019/old.HTML/")]
    [InlineData("/posts/x/index.html/more/")]
    public void An_alias_inside_a_folder_named_like_a_file_is_refused(string alias)
    {
        var error = Assert.Throws<ContentException>(() => Parse("a.md", $"---\ntitle: A\naliases: [{alias}]\n---\n"));

        Assert.Contains("a name the site gives files", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("/2019/old.html", "2019/old.html")]
    [InlineData("/v1.2/notes/", "v1.2/notes/")]
    [InlineData("/files/report.pdf/", "files/report.pdf/")]
    [InlineData("/old.htm", "old.htm")]
    [InlineData("/2009/03/post.htm", "2009/03/post.htm")]
    [InlineData("/tags/node.js/", "tags/node.js/")]
    [InlineData("/old.php", "old.php")]
    [InlineData("/blog/feed/", "blog/feed/")]
    public void An_alias_ending_in_a_page_or_with_other_dots_is_kept(string alias, string expected)
    {
        Assert.Equal([expected], Parse("a.md", $"---\ntitle: A\naliases: [{alias}]\n---\n").Aliases);
    }

    [Fact]
    public void An_alias_refused_names_the_line_of_redirect_from_when_aliases_is_empty()
    {
        var error = Assert.Throws<ContentException>(() => Parse("a.md", "---\ntitle: A\naliases:\nredirect_from: [/feed.xml/]\n---\n"));

        Assert.Contains("a name the site gives files", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void An_alias_outside_the_site_is_refused()
    {
        Assert.Throws<ContentException>(() => Parse("a.md", "---\naliases: [../../etc]\n---\n"));
    }
}

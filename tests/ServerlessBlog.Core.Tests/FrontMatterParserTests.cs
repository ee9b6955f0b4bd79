using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Tests;

public sealed class FrontMatterParserTests
{
    [Fact]
    public void Yaml_values_are_typed_by_the_core_schema_and_quoted_values_stay_strings()
    {
        var document = FrontMatterParser.Parse("---\ntitle: Hello\ndraft: true\nquoted: \"true\"\ncount: 3\nratio: 1.5\nnothing: ~\ntags: [a, b]\n---\nBody\n");

        Assert.Equal(FrontMatterFormat.Yaml, document.FrontMatter.Format);
        Assert.Equal("Hello", document.FrontMatter.Values["title"]);
        Assert.Equal(true, document.FrontMatter.Values["draft"]);
        Assert.Equal("true", document.FrontMatter.Values["quoted"]);
        Assert.Equal(3L, document.FrontMatter.Values["count"]);
        Assert.Equal(1.5, document.FrontMatter.Values["ratio"]);
        Assert.Null(document.FrontMatter.Values["nothing"]);
        Assert.Equal(new List<object?> { "a", "b" }, document.FrontMatter.Values["tags"]);
        Assert.Equal("Body\n", document.Body);
        Assert.Equal(10, document.BodyLine);
    }

    [Fact]
    public void Toml_values_keep_their_types_and_dates_become_offsets()
    {
        var document = FrontMatterParser.Parse("+++\ntitle = \"Zola\"\ndate = 2024-05-06T07:08:09Z\n[taxonomies]\ntags = [\"x\"]\n+++\nText");

        Assert.Equal(FrontMatterFormat.Toml, document.FrontMatter.Format);
        Assert.Equal("Zola", document.FrontMatter.Values["title"]);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), document.FrontMatter.Values["date"]);
        var taxonomies = Assert.IsType<Dictionary<string, object?>>(document.FrontMatter.Values["taxonomies"]);
        Assert.Equal(new List<object?> { "x" }, taxonomies["tags"]);
        Assert.Equal("Text", document.Body);
    }

    [Fact]
    public void Keys_are_case_insensitive()
    {
        var document = FrontMatterParser.Parse("---\nTitle: Upper\n---\n");

        Assert.Equal("Upper", document.FrontMatter.Find("title"));
    }

    [Fact]
    public void Windows_line_endings_are_read()
    {
        var document = FrontMatterParser.Parse("---\r\ntitle: CRLF\r\n---\r\nBody\r\n");

        Assert.Equal("CRLF", document.FrontMatter.Values["title"]);
        Assert.Equal("Body\r\n", document.Body);
    }

    [Fact]
    public void A_source_without_front_matter_is_all_body()
    {
        var document = FrontMatterParser.Parse("# Title\n\nText");

        Assert.Same(FrontMatter.Empty, document.FrontMatter);
        Assert.Equal("# Title\n\nText", document.Body);
        Assert.Equal(1, document.BodyLine);
    }

    [Fact]
    public void Unterminated_front_matter_is_reported_on_line_one()
    {
        var error = Assert.Throws<ContentException>(() => FrontMatterParser.Parse("---\ntitle: x\nbody without end"));

        Assert.Equal(1, error.Line);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_reported_on_its_line()
    {
        var error = Assert.Throws<ContentException>(() => FrontMatterParser.Parse("---\ntitle: ok\nsummary: a: b\ndate: 2024-01-01\n---\n"));
        var unclosed = Assert.Throws<ContentException>(() => FrontMatterParser.Parse("---\ntitle: ok\ntags: [a, b\ndate: 2024-01-01\n---\n"));

        Assert.StartsWith("invalid YAML front matter", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("invalid YAML front matter", unclosed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: !<K:> x")]
    [InlineData("title: ok\ntags: [!<K:> a]")]
    [InlineData("title: !<> x")]
    public void A_yaml_tag_the_reader_refuses_is_invalid_yaml(string yaml)
    {
        var error = Assert.Throws<ContentException>(() => FrontMatterParser.Parse($"---\n{yaml}\n---\nBody.\n"));

        Assert.StartsWith("invalid YAML front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_toml_is_reported_on_its_line()
    {
        var error = Assert.Throws<ContentException>(() => FrontMatterParser.Parse("+++\ntitle = \"ok\"\ntags = [\"a\"\n+++\n"));

        Assert.StartsWith("invalid TOML front matter", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 3, 4);
    }

    [Fact]
    public void A_yaml_alias_bomb_is_refused_instead_of_expanded()
    {
        var bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n";

        var error = Assert.Throws<ContentException>(() => FrontMatterParser.Parse(bomb));

        Assert.Contains("expands to more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_front_matter_that_is_not_a_mapping_is_refused()
    {
        Assert.Throws<ContentException>(() => FrontMatterParser.Parse("---\n- a\n- b\n---\n"));
    }
}

using System.Diagnostics;
using System.Text;
using CsCheck;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Generation;
using ServerlessBlog.Core.Feeds;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Theming;
using ServerlessBlog.Testing.Hostile;

namespace ServerlessBlog.Core.Tests;

/// <summary>
/// Properties that hold for any input: a post either parses and renders or fails with <see cref="ContentException"/>,
/// in bounded time; whatever is published is well-formed and safe; slugs are always valid URL segments.
/// </summary>
public sealed class PropertyTests
{
    private const long Iterations = 1_500;
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(10);
    private static readonly BlogOptions Options = new() { BaseUrl = "https://property.example/", Title = "Properties" };
    private static readonly PostParser Parser = new(Options);
    private static readonly PostRenderer Renderer = new(new SiteUrls(Options.BaseUrl));
    private static readonly PageGenerator Pages = new(Options, Theme.Default);
    private static readonly FeedGenerator Feeds = new(Options);

    // Pieces that steer random text towards the parser's and renderer's edges.
    private static readonly string[] Fragments =
    [
        "---\n", "+++\n", "...\n", "title: ", "date: ", "tags: ", "slug: ", "aliases: ", "draft: true\n", "&a ", "*a ", "[", "]", "{", "}",
        "\"", "'", "\n", "\r\n", "\r", "\t", "  ", "- ", "> ", "# ", "```", "~~~", "|", "---|", "*", "_", "`", "\\", "<", ">", "&", "&#x09;", "&#0;",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">", "</a>", "<iframe>", "<svg onload=alert(1)>",
        "<details open ontoggle=alert(1)>", "<!--", "-->", "<![CDATA[", "]]>", "[x](javascript:alert(1))", "[x](data:text/html,x)", "![i](vbscript:x)",
        "<javascript:alert(1)>", "[^1]", "[^1]: note\n", "*[HTML]: x\n", "^^^ ", "- [x] ", ":   ", "2024-01-01", "9999-99-99", "é", "🎉", "\u202E", "\u0000",
    ];

    private static readonly Gen<string> Text =
        Gen.OneOf(Gen.OneOf(Fragments), Gen.String[0, 12], Gen.Char.Select(c => c.ToString())).Array[0, 60].Select(string.Concat);

    private static readonly Gen<byte[]> Bytes = Gen.OneOf(
        Gen.Byte.Array[0, 400],
        Text.Select(Encoding.UTF8.GetBytes),
        Text.Select(text => (byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]),
        Text.Select(text => Encoding.UTF8.GetBytes("---\ntitle: " + text + "\ndate: 2024-01-01\n---\n" + text)),
        Text.Select(text => Encoding.UTF8.GetBytes("+++\ntitle = \"" + text + "\"\n+++\n" + text)));

    [Fact]
    public void Any_bytes_parse_to_a_post_or_fail_with_a_content_exception_in_bounded_time()
    {
        Bytes.Sample(bytes => Within(() => TryParse(bytes)), iter: Iterations, threads: 1);
    }

    [Fact]
    public void Whatever_is_published_is_well_formed_and_runs_no_script_in_pages_and_feeds()
    {
        Bytes.Sample(bytes => Within(() =>
        {
            if (TryParse(bytes) is not { } post)
            {
                return;
            }

            RenderedPost rendered;
            try
            {
                rendered = Renderer.Render(post, DictionaryLinkResolver.Empty);
            }
            catch (ContentException)
            {
                return;
            }

            var page = Pages.PostPage(rendered, null, null);
            var problems = SiteSafety.Problems(page.Path, page.Content.ToArray()).ToList();
            foreach (var feed in Feeds.SiteFeeds([rendered.ToSummary()], _ => new FeedContent(rendered.ContentHtml)))
            {
                problems.AddRange(SiteSafety.Problems(feed.Path, feed.Content.ToArray()));
            }

            Assert.True(problems.Count == 0, string.Join('\n', problems) + "\nfrom the body: " + System.Text.Json.JsonSerializer.Serialize(post.Body));
        }), iter: Iterations, threads: 1);
    }

    [Fact]
    public void A_slug_is_empty_or_a_valid_lower_case_url_segment_that_is_its_own_slug()
    {
        Gen.OneOf(Text, Gen.String).Sample(text =>
        {
            var slug = Slug.From(text);

            Assert.True(slug.Length <= Slug.MaxLength, slug);
            Assert.True(slug.Length == 0 || Slug.IsValid(slug), slug);
            Assert.False(slug.StartsWith('-') || slug.EndsWith('-') || slug.Contains("--", StringComparison.Ordinal), slug);
            Assert.DoesNotContain(slug, c => c is '/' or '\\' or '.' or '%' or '#' or '?' or '<' or '>' or '"' or '\'' or '&' || char.IsWhiteSpace(c) || char.IsUpper(c));
        }, iter: 5_000);
    }

    [Fact]
    public void Safe_url_reads_the_scheme_a_browser_reads()
    {
        Gen.OneOf(Text, Gen.String).Sample(text =>
        {
            var url = "java" + text.Replace(":", string.Empty, StringComparison.Ordinal).Where(c => c is '\t' or '\n' or '\r').Aggregate(string.Empty, (s, c) => s + c) + "script:alert(1)";

            Assert.False(SafeUrl.IsSafe(url), url);
            Assert.False(SafeUrl.IsSafe(" \u0001" + url.ToUpperInvariant()), url);
        }, iter: 2_000);
    }

    private static Post? TryParse(byte[] bytes)
    {
        try
        {
            return Parser.Parse(new ContentFile("posts/property.md", bytes, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        }
        catch (ContentException)
        {
            return null;
        }
    }

    /// <summary>Runs <paramref name="action"/> and fails if it takes longer than a post may.</summary>
    private static void Within(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        Assert.True(clock.Elapsed < PerInputLimit, $"took {clock.Elapsed}");
    }
}

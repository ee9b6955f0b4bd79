using System.Text.Json;
using System.Xml;
using CsCheck;
using ServerlessBlog.Core.Feeds;

namespace ServerlessBlog.Core.Tests;

/// <summary>
/// A post's content is escaped once and its bytes copied into every feed: the copy must give the bytes the feeds'
/// writers give when they are handed the string, whatever the HTML holds.
/// </summary>
public sealed class FeedContentTests
{
    private static readonly string[] Fragments =
    [
        "&", "<", ">", "\"", "'", "]]>", "<![CDATA[", "&amp;", "&lt;", "\r\n", "\r", "\n", "\t", " ", "<p>a</p>",
        "<pre><code class=\"language-cs\">var x = 1 &lt; 2;</code></pre>", "é", "日本語", "😀", "\u00A0", "\u2028", "\u0085",
        "\uFFFD", "\uD800", "\uDC00", "<a href=\"https://example.org/?a=1&b=2\">x</a>",
    ];

    private static readonly Gen<string> Html =
        Gen.OneOf(Gen.OneOf(Fragments), Gen.String[0, 8]).Array[0, 40].Select(string.Concat);

    // What rendered posts hold: no carriage return, control character or surrogate, so the escaping takes its own path
    // rather than the XmlWriter's.
    private static readonly Gen<string> CommonHtml =
        Gen.OneOf(
            Gen.OneOf(Fragments.Where(fragment => !fragment.Any(c => c == '\r' || char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\t')))).ToArray()),
            Gen.Char['\u0020', '\uD7FF'].Array[0, 8].Select(chars => new string(chars)))
        .Array[0, 40].Select(string.Concat);

    [Fact]
    public void Copied_xml_text_is_what_the_writer_gives_for_the_string()
    {
        Gen.OneOf(Html, CommonHtml).Sample(html =>
        {
            var expected = TryXml(writer => WriteText(writer, html), out var expectedError);
            var actual = TryXml(writer => { }, out var actualError, new FeedContent(html));

            Assert.Equal(expectedError is null, actualError is null);
            if (expected is not null)
            {
                Assert.Equal(Text(expected), Text(actual!));
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Empty_content_leaves_an_empty_element()
    {
        var expected = TryXml(writer => WriteText(writer, string.Empty), out _);
        var actual = TryXml(writer => { }, out _, FeedContent.Empty);

        Assert.Equal(Text(expected!), Text(actual!));
        Assert.Contains("<encoded />", Text(actual!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bell \u0007 in text")]
    [InlineData("not a character \uFFFE")]
    public void Text_xml_cannot_hold_is_refused_as_the_writer_refuses_it(string html)
    {
        var content = new FeedContent(html);

        Assert.Throws<ArgumentException>(() => content.XmlText.Length);
        Assert.Null(TryXml(writer => writer.WriteString(html), out var error));
        Assert.IsType<ArgumentException>(error, exactMatch: false);
    }

    [Fact]
    public void Copied_json_text_is_what_the_json_writer_gives_for_the_string()
    {
        Html.Sample(html =>
        {
            var expected = TryJson(json => json.WriteString("content_html", html));
            var actual = TryJson(json =>
            {
                json.WritePropertyName("content_html");
                json.WriteRawValue(new FeedContent(html).JsonValue, skipInputValidation: true);
            });
            Assert.Equal(expected, actual);
        }, iter: 3_000);
    }

    [Fact]
    public void Feeds_written_in_parallel_from_one_instance_are_identical()
    {
        var content = new FeedContent(string.Concat(Enumerable.Repeat("<p>a & b < c</p>\n", 2_000)));
        var feeds = new ReadOnlyMemory<byte>[16];

        Parallel.For(0, feeds.Length, i => feeds[i] = RssFeedWriter.Write(FeedOf(content)));

        Assert.All(feeds, feed => Assert.True(feed.Span.SequenceEqual(feeds[0].Span)));
        Assert.Contains("a &amp; b &lt; c", System.Text.Encoding.UTF8.GetString(feeds[0].Span), StringComparison.Ordinal);
    }

    /// <summary>
    /// An element between siblings, written as the feeds write their content: either its text through the writer
    /// (<paramref name="content"/> null) or <paramref name="content"/>'s escaped bytes copied after the start tag.
    /// </summary>
    private static byte[]? TryXml(Action<XmlWriter> writeText, out Exception? error, FeedContent? content = null)
    {
        error = null;
        try
        {
            var stream = new MemoryStream();
            using (var writer = XmlWriter.Create(stream, FeedFormats.Xml))
            {
                writer.WriteStartElement("item");
                writer.WriteElementString("title", "before");
                writer.WriteStartElement("encoded");
                if (content is null)
                {
                    writeText(writer);
                }
                else
                {
                    FeedFormats.WriteEscapedText(writer, stream, content.XmlText);
                }

                writer.WriteEndElement();
                writer.WriteElementString("after", "x");
                writer.WriteEndElement();
            }

            return stream.ToArray();
        }
        catch (ArgumentException ex)
        {
            error = ex;
            return null;
        }
    }

    /// <summary>As <see cref="XmlWriter.WriteElementString(string, string?)"/> writes its value: an empty one writes nothing, and the element closes itself.</summary>
    private static void WriteText(XmlWriter writer, string text)
    {
        if (text.Length > 0)
        {
            writer.WriteString(text);
        }
    }

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    /// <returns>The JSON written, or the type of the exception that stopped it.</returns>
    private static string TryJson(Action<Utf8JsonWriter> write)
    {
        try
        {
            var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, JsonFeedWriter.Options))
            {
                json.WriteStartObject();
                write(json);
                json.WriteEndObject();
            }

            return Text(stream.ToArray());
        }
        catch (ArgumentException ex)
        {
            return ex.GetType().Name;
        }
    }

    private static Feed FeedOf(FeedContent content) => new()
    {
        Title = "T",
        Description = "D",
        Language = "en",
        HomeUrl = "https://feeds.example/",
        SelfUrl = "https://feeds.example/feed.xml",
        Updated = DateTimeOffset.UnixEpoch,
        Items = Enumerable.Range(0, 20).Select(i => new FeedItem
        {
            Id = $"https://feeds.example/posts/{i}/",
            Url = $"https://feeds.example/posts/{i}/",
            Title = $"Post {i}",
            Published = DateTimeOffset.UnixEpoch,
            Updated = DateTimeOffset.UnixEpoch,
            Content = content,
        }).ToList(),
    };
}

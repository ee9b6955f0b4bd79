using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace ServerlessBlog.Core.Feeds;

/// <summary>
/// A post's full HTML as the feeds carry it. A post is in the site's RSS, Atom and JSON feeds and in the feed of each
/// of its tags: its HTML is escaped once for XML and once for JSON, the first time a feed needs it, and the escaped
/// bytes are copied into every feed after that. Thread-safe; feeds written in parallel may share one instance.
/// </summary>
public sealed class FeedContent
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly SearchValues<byte> XmlEscapedBytes = SearchValues.Create("&<>"u8);

    // What the writer itself must handle: '\r' (newlines are normalised), characters XML cannot hold, and surrogates
    // (whose pairing the writer checks).
    private static readonly SearchValues<char> ForTheWriter = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\r\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private readonly Lazy<byte[]> _xmlText;
    private readonly Lazy<byte[]> _jsonValue;

    public FeedContent(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        Html = html;
        _xmlText = new Lazy<byte[]>(() => EscapeForXml(html), LazyThreadSafetyMode.PublicationOnly);
        _jsonValue = new Lazy<byte[]>(() => EscapeForJson(html), LazyThreadSafetyMode.PublicationOnly);
    }

    public static FeedContent Empty { get; } = new(string.Empty);

    /// <summary>The post's HTML, with absolute URLs.</summary>
    public string Html { get; }

    /// <summary>The HTML as the UTF-8 text content of an XML element, escaped exactly as the feeds' <see cref="XmlWriter"/> escapes it.</summary>
    internal ReadOnlySpan<byte> XmlText => _xmlText.Value;

    /// <summary>The HTML as a JSON string value, quotes included, escaped exactly as the JSON feed's writer escapes it.</summary>
    internal ReadOnlySpan<byte> JsonValue => _jsonValue.Value;

    // Rendered HTML nearly always holds only characters that need no more than '&', '<' and '>' escaped, which is
    // done here on its UTF-8 bytes: one transcoding of the whole text, then the runs between markup characters copied
    // as they are (those characters are ASCII, so they cannot be part of a multi-byte sequence). Anything else goes
    // through an XmlWriter with the feeds' own settings, so the copied bytes cannot differ from what writing the string
    // into each feed would give (FeedContentTests compares both).
    private static byte[] EscapeForXml(string html)
    {
        var text = html.AsSpan();
        if (text.ContainsAny(ForTheWriter) || text.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return EscapeWithXmlWriter(html);
        }

        var ampersands = text.Count('&');
        var angleBrackets = text.Count('<') + text.Count('>');
        var utf8Length = Utf8.GetByteCount(text);
        if (ampersands + angleBrackets == 0)
        {
            return Utf8.GetBytes(html);
        }

        var rented = ArrayPool<byte>.Shared.Rent(utf8Length);
        try
        {
            var source = rented.AsSpan(0, Utf8.GetBytes(text, rented));
            var bytes = new byte[utf8Length + (4 * ampersands) + (3 * angleBrackets)];
            var written = 0;
            while (true)
            {
                var special = source.IndexOfAny(XmlEscapedBytes);
                if (special < 0)
                {
                    source.CopyTo(bytes.AsSpan(written));
                    return bytes;
                }

                source[..special].CopyTo(bytes.AsSpan(written));
                written += special;
                var entity = source[special] switch
                {
                    (byte)'&' => "&amp;"u8,
                    (byte)'<' => "&lt;"u8,
                    _ => "&gt;"u8,
                };
                entity.CopyTo(bytes.AsSpan(written));
                written += entity.Length;
                source = source[(special + 1)..];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static byte[] EscapeWithXmlWriter(string html)
    {
        using var stream = new MemoryStream(html.Length + html.Length / 8 + 16);
        using (var writer = XmlWriter.Create(stream, FeedFormats.XmlFragment))
        {
            writer.WriteString(html);
        }

        return stream.ToArray();
    }

    // The same writer options as the feed, so that what a string would become in it (escapes, and the replacement of
    // a lone surrogate, which JsonEncodedText would refuse instead) is what is copied.
    private static byte[] EscapeForJson(string html)
    {
        using var stream = new MemoryStream(html.Length + html.Length / 8 + 16);
        using (var json = new Utf8JsonWriter(stream, JsonFeedWriter.Options))
        {
            json.WriteStringValue(html);
        }

        return stream.ToArray();
    }
}

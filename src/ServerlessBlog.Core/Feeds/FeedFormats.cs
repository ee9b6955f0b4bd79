using System.Globalization;
using System.Text;
using System.Xml;

namespace ServerlessBlog.Core.Feeds;

/// <summary>The date formats and writer settings the feed and sitemap writers share.</summary>
internal static class FeedFormats
{
    public static readonly XmlWriterSettings Xml = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>The settings of <see cref="Xml"/> for a fragment: text escaped as the feeds escape it, without a document around it.</summary>
    public static readonly XmlWriterSettings XmlFragment = FragmentOf(Xml);

    /// <summary>RFC 822 (RFC 1123) as RSS wants it: <c>Mon, 15 Jan 2024 10:00:00 GMT</c>.</summary>
    public static string Rfc822(DateTimeOffset date) => date.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC as Atom, JSON Feed and sitemaps want it: <c>2024-01-15T10:00:00Z</c>.</summary>
    public static string Rfc3339(DateTimeOffset date)
    {
        // The sortable standard format ("s") is written without parsing a pattern, and is this less the 'Z'.
        Span<char> text = stackalloc char[20];
        date.UtcDateTime.TryFormat(text, out var length, "s", CultureInfo.InvariantCulture);
        text[length] = 'Z';
        return new string(text[..(length + 1)]);
    }

    /// <summary>Writes an XML document with <paramref name="write"/> into a buffer of about <paramref name="capacity"/> bytes.</summary>
    /// <returns>The document's bytes, in the buffer it was written to: no copy is made.</returns>
    public static ReadOnlyMemory<byte> WriteXml(int capacity, Action<XmlWriter, Stream> write)
    {
        var stream = new MemoryStream(capacity);
        using (var writer = XmlWriter.Create(stream, Xml))
        {
            write(writer, stream);
        }

        stream.WriteByte((byte)'\n');
        return new ReadOnlyMemory<byte>(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>
    /// Writes already escaped text as the content of the element just started, straight from the bytes: the writer
    /// closes the start tag and hands what it holds to <paramref name="stream"/>, and the bytes follow it.
    /// </summary>
    public static void WriteEscapedText(XmlWriter writer, Stream stream, ReadOnlySpan<byte> escapedUtf8)
    {
        if (escapedUtf8.IsEmpty)
        {
            // As WriteElementString with an empty value: nothing is written, and the element closes itself.
            return;
        }

        // Empty text moves the writer into the element's content, which writes the start tag's '>' and tells the
        // indenting writer that the element has mixed content, so nothing is added around the copied bytes.
        writer.WriteString(string.Empty);
        writer.Flush();
        stream.Write(escapedUtf8);
    }

    /// <summary>About how many bytes a feed of <paramref name="items"/> takes: its escaped content and a kilobyte an item around it.</summary>
    public static int Capacity(IReadOnlyList<FeedItem> items, Func<FeedContent, int> contentBytes)
    {
        var bytes = 2048;
        foreach (var item in items)
        {
            bytes += contentBytes(item.Content) + 1024;
        }

        return bytes;
    }

    private static XmlWriterSettings FragmentOf(XmlWriterSettings settings)
    {
        var fragment = settings.Clone();
        fragment.ConformanceLevel = ConformanceLevel.Fragment;
        return fragment;
    }

    /// <summary>Plain text as HTML, for fields readers render as HTML: only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are escaped.</summary>
    public static string HtmlText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }
}

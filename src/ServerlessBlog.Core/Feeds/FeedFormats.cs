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

    /// <summary>RFC 822 (RFC 1123) as RSS wants it: <c>Mon, 15 Jan 2024 10:00:00 GMT</c>.</summary>
    public static string Rfc822(DateTimeOffset date) => date.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC as Atom, JSON Feed and sitemaps want it: <c>2024-01-15T10:00:00Z</c>.</summary>
    public static string Rfc3339(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static byte[] WriteXml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Xml))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Plain text as HTML, for fields readers render as HTML: only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are escaped.</summary>
    public static string HtmlText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }
}

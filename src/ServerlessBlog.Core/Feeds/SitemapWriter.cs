using System.Xml;

namespace ServerlessBlog.Core.Feeds;

/// <summary>Writes sitemaps.org 0.9 URL sets and sitemap indexes.</summary>
public static class SitemapWriter
{
    public const string ContentType = "application/xml; charset=utf-8";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    // A month's sitemap of a busy blog fits; larger ones grow the buffer.
    private const int SitemapCapacity = 8 * 1024;

    /// <summary>A URL set: each absolute URL with the time it last changed.</summary>
    public static ReadOnlyMemory<byte> WriteUrlSet(IEnumerable<(string Url, DateTimeOffset LastModified)> urls) =>
        Write("urlset", "url", urls);

    /// <summary>A sitemap index: each child sitemap's absolute URL with the time its newest entry changed.</summary>
    public static ReadOnlyMemory<byte> WriteIndex(IEnumerable<(string Url, DateTimeOffset LastModified)> sitemaps) =>
        Write("sitemapindex", "sitemap", sitemaps);

    private static ReadOnlyMemory<byte> Write(string root, string entry, IEnumerable<(string Url, DateTimeOffset LastModified)> items) =>
        FeedFormats.WriteXml(SitemapCapacity, (writer, _) =>
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root, Namespace);
            foreach (var (url, lastModified) in items)
            {
                writer.WriteStartElement(entry, Namespace);
                writer.WriteElementString("loc", Namespace, url);
                writer.WriteElementString("lastmod", Namespace, FeedFormats.Rfc3339(lastModified));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
}

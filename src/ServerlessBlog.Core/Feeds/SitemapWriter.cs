using System.Xml;

namespace ServerlessBlog.Core.Feeds;

/// <summary>Writes sitemaps.org 0.9 URL sets and sitemap indexes.</summary>
public static class SitemapWriter
{
    public const string ContentType = "application/xml; charset=utf-8";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    // The document around the entries, and an entry around its URL (a sitemap's URLs are short: a site path and a slug).
    private const int DocumentBytes = 256;
    private const int EntryBytes = 192;

    // When the number of entries is not known: a month's sitemap of a busy blog fits; larger ones grow the buffer.
    private const int UnknownCapacity = 8 * 1024;

    /// <summary>A URL set: each absolute URL with the time it last changed.</summary>
    public static ReadOnlyMemory<byte> WriteUrlSet(IEnumerable<(string Url, DateTimeOffset LastModified)> urls) =>
        Write("urlset", "url", urls);

    /// <summary>A sitemap index: each child sitemap's absolute URL with the time its newest entry changed.</summary>
    public static ReadOnlyMemory<byte> WriteIndex(IEnumerable<(string Url, DateTimeOffset LastModified)> sitemaps) =>
        Write("sitemapindex", "sitemap", sitemaps);

    private static ReadOnlyMemory<byte> Write(string root, string entry, IEnumerable<(string Url, DateTimeOffset LastModified)> items) =>
        FeedFormats.WriteXml(items.TryGetNonEnumeratedCount(out var count) ? DocumentBytes + (count * EntryBytes) : UnknownCapacity, (writer, _) =>
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

using System.Xml;

namespace ServerlessBlog.Core.Feeds;

/// <summary>
/// Writes RSS 2.0 with <c>atom:link rel="self"</c>, permalink <c>guid</c>s, RFC 822 dates and the full post
/// in <c>content:encoded</c>.
/// </summary>
public static class RssFeedWriter
{
    public const string ContentType = "application/rss+xml; charset=utf-8";
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    public static ReadOnlyMemory<byte> Write(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return FeedFormats.WriteXml(FeedFormats.Capacity(feed.Items, content => content.XmlText.Length), (writer, stream) =>
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            writer.WriteAttributeString("xmlns", "content", null, ContentNamespace);
            writer.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", feed.Title);
            writer.WriteElementString("link", feed.HomeUrl);
            // Readers render an RSS description as HTML: plain text goes in encoded, so that '<' stays a character.
            writer.WriteElementString("description", FeedFormats.HtmlText(feed.Description));
            writer.WriteElementString("language", feed.Language);
            writer.WriteElementString("lastBuildDate", FeedFormats.Rfc822(feed.Updated));
            writer.WriteElementString("generator", "ServerlessBlog");
            writer.WriteStartElement("atom", "link", AtomNamespace);
            writer.WriteAttributeString("href", feed.SelfUrl);
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/rss+xml");
            writer.WriteEndElement();

            foreach (var item in feed.Items)
            {
                WriteItem(writer, stream, item);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
    }

    private static void WriteItem(XmlWriter writer, Stream stream, FeedItem item)
    {
        writer.WriteStartElement("item");
        writer.WriteElementString("title", item.Title);
        writer.WriteElementString("link", item.Url);
        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", "true");
        writer.WriteString(item.Id);
        writer.WriteEndElement();
        writer.WriteElementString("pubDate", FeedFormats.Rfc822(item.Published));
        foreach (var author in item.Authors)
        {
            writer.WriteElementString("creator", DublinCoreNamespace, author);
        }

        foreach (var tag in item.Tags)
        {
            writer.WriteElementString("category", tag);
        }

        writer.WriteElementString("description", FeedFormats.HtmlText(item.Summary));
        writer.WriteStartElement("encoded", ContentNamespace);
        FeedFormats.WriteEscapedText(writer, stream, item.Content.XmlText);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}

using System.Xml;

namespace ServerlessBlog.Core.Feeds;

/// <summary>Writes Atom 1.0 (RFC 4287): permalink ids, RFC 3339 dates, the full post as HTML content.</summary>
public static class AtomFeedWriter
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static ReadOnlyMemory<byte> Write(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return FeedFormats.WriteXml(FeedFormats.Capacity(feed.Items, content => content.XmlText.Length), (writer, stream) =>
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteAttributeString("xml", "lang", null, feed.Language);
            writer.WriteElementString("title", AtomNamespace, feed.Title);
            if (feed.Description.Length > 0)
            {
                writer.WriteElementString("subtitle", AtomNamespace, feed.Description);
            }

            WriteLink(writer, "alternate", "text/html", feed.HomeUrl);
            WriteLink(writer, "self", "application/atom+xml", feed.SelfUrl);
            writer.WriteElementString("id", AtomNamespace, feed.SelfUrl);
            writer.WriteElementString("updated", AtomNamespace, FeedFormats.Rfc3339(feed.Updated));

            // Atom requires an author on every entry or on the feed: the feed's stands in for entries without one.
            WriteAuthor(writer, string.IsNullOrWhiteSpace(feed.Author) ? feed.Title : feed.Author);
            writer.WriteElementString("generator", AtomNamespace, "ServerlessBlog");

            foreach (var item in feed.Items)
            {
                WriteEntry(writer, stream, item);
            }

            writer.WriteEndElement();
        });
    }

    private static void WriteEntry(XmlWriter writer, Stream stream, FeedItem item)
    {
        writer.WriteStartElement("entry", AtomNamespace);

        // The post's own links to itself (#fragments, footnotes) are relative: a reader resolves them against this,
        // the post's page, instead of against the feed (RFC 4287 section 2).
        writer.WriteAttributeString("xml", "base", XmlNamespace, item.Url);
        writer.WriteElementString("title", AtomNamespace, item.Title);
        WriteLink(writer, "alternate", "text/html", item.Url);
        writer.WriteElementString("id", AtomNamespace, item.Id);
        writer.WriteElementString("published", AtomNamespace, FeedFormats.Rfc3339(item.Published));
        writer.WriteElementString("updated", AtomNamespace, FeedFormats.Rfc3339(item.Updated));
        foreach (var author in item.Authors)
        {
            WriteAuthor(writer, author);
        }

        foreach (var tag in item.Tags)
        {
            writer.WriteStartElement("category", AtomNamespace);
            writer.WriteAttributeString("term", tag);
            writer.WriteEndElement();
        }

        if (item.Summary.Length > 0)
        {
            writer.WriteElementString("summary", AtomNamespace, item.Summary);
        }

        writer.WriteStartElement("content", AtomNamespace);
        writer.WriteAttributeString("type", "html");
        FeedFormats.WriteEscapedText(writer, stream, item.Content.XmlText);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteLink(XmlWriter writer, string rel, string type, string href)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static void WriteAuthor(XmlWriter writer, string name)
    {
        writer.WriteStartElement("author", AtomNamespace);
        writer.WriteElementString("name", AtomNamespace, name);
        writer.WriteEndElement();
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServerlessBlog.Core.Feeds;

/// <summary>Writes JSON Feed 1.1 with <see cref="Utf8JsonWriter"/>.</summary>
public static class JsonFeedWriter
{
    public const string ContentType = "application/feed+json; charset=utf-8";
    public const string Version = "https://jsonfeed.org/version/1.1";

    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // The feed is a file of its own, never inlined in a page: HTML characters need no escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ReadOnlyMemory<byte> Write(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var stream = new MemoryStream(FeedFormats.Capacity(feed.Items, content => content.JsonValue.Length));
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", feed.Title);
            json.WriteString("home_page_url", feed.HomeUrl);
            json.WriteString("feed_url", feed.SelfUrl);
            if (feed.Description.Length > 0)
            {
                json.WriteString("description", feed.Description);
            }

            json.WriteString("language", feed.Language);
            if (!string.IsNullOrWhiteSpace(feed.Author))
            {
                WriteAuthors(json, [feed.Author]);
            }

            json.WriteStartArray("items");
            foreach (var item in feed.Items)
            {
                WriteItem(json, item);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return new ReadOnlyMemory<byte>(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteItem(Utf8JsonWriter json, FeedItem item)
    {
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        json.WriteString("url", item.Url);
        json.WriteString("title", item.Title);
        json.WritePropertyName("content_html");
        json.WriteRawValue(item.Content.JsonValue, skipInputValidation: true);
        if (item.Summary.Length > 0)
        {
            json.WriteString("summary", item.Summary);
        }

        if (item.ImageUrl is not null)
        {
            json.WriteString("image", item.ImageUrl);
        }

        json.WriteString("date_published", FeedFormats.Rfc3339(item.Published));
        json.WriteString("date_modified", FeedFormats.Rfc3339(item.Updated));
        if (item.Authors.Count > 0)
        {
            WriteAuthors(json, item.Authors);
        }

        if (item.Tags.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var tag in item.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteAuthors(Utf8JsonWriter json, IReadOnlyList<string> names)
    {
        json.WriteStartArray("authors");
        foreach (var name in names)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}

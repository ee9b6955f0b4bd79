using System.Text;
using System.Text.Json;

namespace ServerlessBlog.Hosting;

/// <summary>
/// Reads the blob name out of an Event Grid storage event delivered to a storage queue, in the Event Grid or the
/// CloudEvents schema, whether the queue message holds the JSON itself or its Base64.
/// </summary>
public static class BlobEventMessage
{
    public const string BlobDeleted = "Microsoft.Storage.BlobDeleted";
    private const string BlobsMarker = "/blobs/";

    /// <summary>The event's type and the name of the blob in <paramref name="container"/> it is about.</summary>
    /// <returns><see langword="false"/> when the message is not a blob event for that container.</returns>
    public static bool TryRead(string message, string container, out string eventType, out string blobName)
    {
        ArgumentNullException.ThrowIfNull(message);
        eventType = string.Empty;
        blobName = string.Empty;
        if (Parse(message) is not { } json)
        {
            return false;
        }

        using (json)
        {
            var root = json.RootElement.ValueKind == JsonValueKind.Array && json.RootElement.GetArrayLength() > 0 ? json.RootElement[0] : json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var type = Text(root, "eventType") ?? Text(root, "type");
            var subject = Text(root, "subject");
            var prefix = $"/containers/{container}{BlobsMarker}";
            var start = subject?.IndexOf(prefix, StringComparison.Ordinal) ?? -1;
            if (type is null || start < 0)
            {
                return false;
            }

            eventType = type;
            blobName = subject![(start + prefix.Length)..];
            return blobName.Length > 0;
        }
    }

    private static JsonDocument? Parse(string message)
    {
        var trimmed = message.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return TryParse(trimmed);
        }

        var buffer = new byte[trimmed.Length];
        return Convert.TryFromBase64String(trimmed, buffer, out var length) ? TryParse(Encoding.UTF8.GetString(buffer, 0, length)) : null;
    }

    private static JsonDocument? TryParse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

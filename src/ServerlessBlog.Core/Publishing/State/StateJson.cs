using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>How state documents are written: compact camel-case JSON, front matter values kept as plain values.</summary>
public static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new PlainValueConverter(), new JsonStringEnumConverter() },
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(ReadOnlyMemory<byte> json) =>
        JsonSerializer.Deserialize<T>(json.Span, Options) ?? throw new JsonException($"The state document is empty where a {typeof(T).Name} was expected.");
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// Reads untyped JSON values back as the plain values front matter gives templates (strings, numbers, booleans,
/// lists, maps) rather than <see cref="JsonElement"/>s, which templates cannot walk.
/// </summary>
internal sealed class PlainValueConverter : JsonConverter<object?>
{
    public override bool HandleNull => true;

    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ToPlain(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }

    private static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(property => property.Name, property => ToPlain(property.Value), StringComparer.OrdinalIgnoreCase),
        _ => null,
    };

}

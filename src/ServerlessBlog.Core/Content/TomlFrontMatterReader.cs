using Tomlyn;
using Tomlyn.Model;

namespace ServerlessBlog.Core.Content;

/// <summary>Reads TOML front matter into plain values.</summary>
internal static class TomlFrontMatterReader
{
    public static IReadOnlyDictionary<string, object?> Read(string toml)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(toml) ?? [];
        }
        catch (TomlException ex)
        {
            // The block starts on line 2 of the file, after the opening '+++'.
            throw new ContentException($"invalid TOML front matter: {ex.Message}", (ex.Line ?? 0) + 1, ex);
        }

        return ReadTable(table);
    }

    private static Dictionary<string, object?> ReadTable(TomlTable table)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in table)
        {
            values[key] = ReadValue(value);
        }

        return values;
    }

    private static object? ReadValue(object? value) => value switch
    {
        TomlTable table => ReadTable(table),
        TomlTableArray tables => tables.Select(t => (object?)ReadTable(t)).ToList(),
        TomlArray array => array.Select(ReadValue).ToList(),
        TomlDateTime dateTime => dateTime.DateTime,
        int or long or short or byte => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        float or double => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}

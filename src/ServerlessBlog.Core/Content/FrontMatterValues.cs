using System.Globalization;

namespace ServerlessBlog.Core.Content;

/// <summary>Reads front matter values the lenient way Hugo and Jekyll do: a list or a comma-separated string, a number or a string.</summary>
internal static class FrontMatterValues
{
    public static string? AsText(object? value) => value switch
    {
        null => null,
        string text => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A list of strings from a YAML/TOML list or a comma-separated string, trimmed, without blanks.</summary>
    public static List<string> AsList(object? value)
    {
        switch (value)
        {
            case null:
                return [];
            case string text:
                return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            case IEnumerable<object?> list:
                var items = new List<string>();
                foreach (var item in list)
                {
                    if (AsText(item) is { } itemText)
                    {
                        items.Add(itemText);
                    }
                }

                return items;
            default:
                return AsText(value) is { } single ? [single] : [];
        }
    }

    /// <summary>The names in an <c>author</c>/<c>authors</c> value: strings, or maps with a <c>name</c>.</summary>
    public static List<string> AsNames(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => AsText(map.GetValueOrDefault("name")) is { } name ? [name] : [],
        IEnumerable<object?> list => list.SelectMany(AsNames).ToList(),
        _ => AsList(value),
    };

    /// <summary>
    /// A boolean from <c>true</c>/<c>false</c>, a number, or the words YAML 1.1 reads as booleans (<c>yes</c>, <c>no</c>,
    /// <c>on</c>, <c>off</c>), as Jekyll reads them; null for anything else.
    /// </summary>
    public static bool? AsBool(object? value) => value switch
    {
        bool flag => flag,
        string text => text.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "ON" => true,
            "FALSE" or "NO" or "OFF" => false,
            _ => null,
        },
        long number => number != 0,
        _ => null,
    };
}

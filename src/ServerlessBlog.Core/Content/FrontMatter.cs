namespace ServerlessBlog.Core.Content;

/// <summary>
/// The front matter of a post as plain values: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="bool"/>, <see cref="DateTimeOffset"/>, lists and nested maps. Keys are case-insensitive.
/// </summary>
public sealed class FrontMatter
{
    public static readonly FrontMatter Empty = new(FrontMatterFormat.None, new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase));

    private readonly string _block;
    private readonly int _firstLine;

    /// <param name="format">How the block was written.</param>
    /// <param name="values">The parsed values.</param>
    /// <param name="block">The block's text, to find the line a key is on.</param>
    /// <param name="firstLine">The 1-based line of the file the block starts on.</param>
    public FrontMatter(FrontMatterFormat format, IReadOnlyDictionary<string, object?> values, string block = "", int firstLine = 1)
    {
        Format = format;
        Values = values;
        _block = block;
        _firstLine = firstLine;
    }

    public FrontMatterFormat Format { get; }

    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>The first of <paramref name="keys"/> present with a non-null value.</summary>
    public object? Find(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (Values.TryGetValue(key, out var value) && value is not null)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The 1-based line of the file that <paramref name="key"/> is written on, for error messages.</summary>
    public int LineOf(string key)
    {
        var line = _firstLine;
        foreach (var text in _block.AsSpan().EnumerateLines())
        {
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith(key, StringComparison.OrdinalIgnoreCase)
                && trimmed[key.Length..].TrimStart() is [':' or '=', ..])
            {
                return line;
            }

            line++;
        }

        return Math.Max(1, _firstLine - 1);
    }
}

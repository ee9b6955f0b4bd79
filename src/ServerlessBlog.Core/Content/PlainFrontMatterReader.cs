using System.Buffers;

namespace ServerlessBlog.Core.Content;

/// <summary>
/// Reads the plain YAML front matter nearly every post has without YamlDotNet, whose representation model cost more
/// than Markdig's whole render of a short post: flat <c>key: value</c> lines whose value is a one-line plain, single-
/// or double-quoted scalar (no escapes), a one-line flow list of such scalars (<c>[a, "b"]</c>), or a block list of
/// them (<c>- item</c> lines under an empty <c>key:</c>); blank lines and whole-line comments at the margin; comments
/// after a value. It gives up on anything else (anchors, tags, block scalars, folded lines, nested maps, escapes,
/// duplicate keys, control characters, ...) and <see cref="YamlFrontMatterReader"/> then reads the block with
/// YamlDotNet, which also reports every error: this reader never fails, it only declines. What it accepts it must read
/// exactly as YamlDotNet would; the tests compare the two on many inputs.
/// </summary>
internal static class PlainFrontMatterReader
{
    // YamlDotNet refuses implicit keys longer than 1024 characters; a key this long is left to it.
    private const int MaxKeyLength = 128;

    // What a plain scalar may not start with: YAML's indicators.
    private static readonly SearchValues<char> Indicators = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");

    // What a plain item of a flow list may not contain here: flow indicators, quotes, comments and map colons.
    private static readonly SearchValues<char> NotInFlowItems = SearchValues.Create("[]{}#:,\"'");

    /// <returns><see langword="false"/> when the block is not of the plain kind: read it with YamlDotNet then.</returns>
    public static bool TryRead(string yaml, out Dictionary<string, object?> values)
    {
        values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (!IsPlainText(yaml))
        {
            return false;
        }

        var nodes = 0;
        string? listKey = null;
        List<object?>? list = null;
        var listIndent = -1;
        foreach (var raw in yaml.AsSpan().EnumerateLines())
        {
            var line = raw;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            var indent = line.Length - line.TrimStart(' ').Length;
            var content = line[indent..];
            if (content[0] == '-' && (content.Length == 1 || content[1] == ' '))
            {
                // A block list item: only under a key whose value was left empty, all at one indentation.
                if (listKey is null || (list is not null && indent != listIndent) || content.Length == 1)
                {
                    return false;
                }

                if (!TryReadScalar(content[2..].TrimStart(' '), flow: false, out var item))
                {
                    return false;
                }

                if (list is null)
                {
                    list = [];
                    listIndent = indent;
                    values[listKey] = list;
                }

                list.Add(item);
                nodes++;
                continue;
            }

            if (indent > 0)
            {
                // A continuation line, an indented comment or a nested map: YamlDotNet's business.
                return false;
            }

            listKey = null;
            list = null;
            if (content[0] == '#')
            {
                continue;
            }

            var colon = KeyLength(content);
            if (colon <= 0 || (colon + 1 < content.Length && content[colon + 1] != ' '))
            {
                return false;
            }

            var key = content[..colon].ToString();
            if (values.ContainsKey(key))
            {
                // YamlDotNet refuses a duplicate key, and reads keys differing only in case one way of its own.
                return false;
            }

            var value = content[(colon + 1)..].Trim(' ');
            nodes++;
            if (value.IsEmpty || value[0] == '#')
            {
                values[key] = null;
                listKey = key;
                continue;
            }

            if (value[0] == '[')
            {
                if (!TryReadFlowList(value, out var items))
                {
                    return false;
                }

                values[key] = items;
                nodes += items.Count;
                continue;
            }

            if (!TryReadScalar(value, flow: false, out var scalar))
            {
                return false;
            }

            values[key] = scalar;
        }

        // Past YamlDotNet's node budget: let it report the error.
        return nodes <= YamlFrontMatterReader.MaxNodes;
    }

    /// <summary>The length of a key of letters, digits, '_' and '-' followed by ':', or 0.</summary>
    private static int KeyLength(ReadOnlySpan<char> content)
    {
        if (!char.IsAsciiLetterOrDigit(content[0]) && content[0] != '_')
        {
            return 0;
        }

        for (var i = 1; i < content.Length && i <= MaxKeyLength; i++)
        {
            var c = content[i];
            if (c == ':')
            {
                return i;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary><c>[a, "b", 'c']</c> on one line, maybe followed by a comment; no empty item, no nesting.</summary>
    private static bool TryReadFlowList(ReadOnlySpan<char> value, out List<object?> items)
    {
        items = [];
        var close = value.IndexOf(']');
        if (close < 0 || !IsEndOfLine(value[(close + 1)..]))
        {
            return false;
        }

        var inner = value[1..close];
        if (inner.IsWhiteSpace())
        {
            return true;
        }

        foreach (var range in inner.Split(','))
        {
            if (!TryReadScalar(inner[range].Trim(' '), flow: true, out var item))
            {
                return false;
            }

            items.Add(item);
        }

        return true;
    }

    /// <summary>A one-line scalar, plain or quoted, maybe followed by a comment.</summary>
    private static bool TryReadScalar(ReadOnlySpan<char> value, bool flow, out object? scalar)
    {
        scalar = null;
        if (value.IsEmpty)
        {
            return false;
        }

        switch (value[0])
        {
            case '"':
                var closeDouble = value[1..].IndexOf('"') + 1;
                if (closeDouble <= 0 || value[1..closeDouble].Contains('\\') || !IsEnd(value[(closeDouble + 1)..], flow))
                {
                    return false;
                }

                scalar = value[1..closeDouble].ToString();
                return true;
            case '\'':
                return TryReadSingleQuoted(value, flow, out scalar);
        }

        // A plain scalar may not start with an indicator, and stops at " #"; ": " or a final ':' would make a map.
        if (Indicators.Contains(value[0]))
        {
            return false;
        }

        // In a flow list a comment would swallow the closing bracket: no '#' there at all.
        if (flow && value.ContainsAny(NotInFlowItems))
        {
            return false;
        }

        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        var text = (comment < 0 ? value : value[..comment]).TrimEnd(' ');
        if (text.Contains(": ", StringComparison.Ordinal) || text[^1] == ':')
        {
            return false;
        }

        scalar = YamlFrontMatterReader.ResolvePlain(text.ToString());
        return true;
    }

    /// <summary><c>'it''s'</c>: a doubled quote is one quote.</summary>
    private static bool TryReadSingleQuoted(ReadOnlySpan<char> value, bool flow, out object? scalar)
    {
        scalar = null;
        var text = new System.Text.StringBuilder(value.Length);
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] != '\'')
            {
                text.Append(value[i]);
            }
            else if (i + 1 < value.Length && value[i + 1] == '\'')
            {
                text.Append('\'');
                i++;
            }
            else
            {
                if (!IsEnd(value[(i + 1)..], flow))
                {
                    return false;
                }

                scalar = text.ToString();
                return true;
            }
        }

        return false;
    }

    /// <summary>What may follow a quoted scalar: in a flow list item only spaces, elsewhere a comment too.</summary>
    private static bool IsEnd(ReadOnlySpan<char> rest, bool flow) => flow ? rest.IsWhiteSpace() : IsEndOfLine(rest);

    /// <summary>Nothing but spaces, or spaces then a comment.</summary>
    private static bool IsEndOfLine(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimStart(' ');
        return trimmed.IsEmpty || (trimmed[0] == '#' && trimmed.Length < rest.Length);
    }

    /// <summary>
    /// Only printable characters YAML allows everywhere, and no tab or lone carriage return, whose handling this
    /// reader does not repeat.
    /// </summary>
    private static bool IsPlainText(string yaml)
    {
        for (var i = 0; i < yaml.Length; i++)
        {
            var c = yaml[i];
            if (c is >= ' ' and <= '~' or '\n')
            {
                continue;
            }

            if (c == '\r' && i + 1 < yaml.Length && yaml[i + 1] == '\n')
            {
                continue;
            }

            // Not U+2028 and U+2029, which YamlDotNet may take for line breaks, nor a byte order mark.
            if (c is (>= '\u00A0' and < '\u2028') or (> '\u2029' and < '\uD800') or (>= '\uE000' and <= '\uFFFD') && c != '\uFEFF')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < yaml.Length && char.IsLowSurrogate(yaml[i + 1]))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }
}

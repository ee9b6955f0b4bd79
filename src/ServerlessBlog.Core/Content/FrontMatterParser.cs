namespace ServerlessBlog.Core.Content;

/// <summary>
/// Splits a post's source into front matter and body and parses the front matter:
/// YAML between <c>---</c> lines, TOML between <c>+++</c> lines.
/// </summary>
public static class FrontMatterParser
{
    /// <exception cref="ContentException">The front matter is unterminated or invalid.</exception>
    public static SourceDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var firstLineEnd = LineEnd(text, 0, out var next);
        var firstLine = text.AsSpan(0, firstLineEnd).TrimEnd();
        var format = firstLine switch
        {
            "---" => FrontMatterFormat.Yaml,
            "+++" => FrontMatterFormat.Toml,
            _ => FrontMatterFormat.None,
        };

        if (format == FrontMatterFormat.None)
        {
            return new SourceDocument(FrontMatter.Empty, text, 1);
        }

        var delimiter = firstLine.ToString();
        var blockStart = next;
        var line = 2;
        var position = next;
        while (position < text.Length)
        {
            var end = LineEnd(text, position, out next);
            var candidate = text.AsSpan(position, end - position).TrimEnd();
            if (candidate.SequenceEqual(delimiter) || (format == FrontMatterFormat.Yaml && candidate.SequenceEqual("...")))
            {
                var block = text[blockStart..position];
                var values = format == FrontMatterFormat.Yaml ? YamlFrontMatterReader.Read(block) : TomlFrontMatterReader.Read(block);
                return new SourceDocument(new FrontMatter(format, values, block, 2), text[next..], line + 1);
            }

            position = next;
            line++;
        }

        throw new ContentException($"the front matter opened with '{delimiter}' on line 1 is never closed", 1);
    }

    private static int LineEnd(string text, int start, out int next)
    {
        var newline = text.IndexOf('\n', start);
        if (newline < 0)
        {
            next = text.Length;
            return text.Length;
        }

        next = newline + 1;
        return newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
    }
}

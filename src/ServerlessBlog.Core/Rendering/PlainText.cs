using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ServerlessBlog.Core.Rendering;

/// <summary>Flattens parsed Markdown to plain text, for excerpts and descriptions.</summary>
internal static class PlainText
{
    public static void AppendBlock(Block block, StringBuilder text)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline } and not CodeBlock:
                Separate(text);
                AppendInlines(inline, text);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(child, text);
                }

                break;
        }
    }

    /// <summary>Cuts <paramref name="text"/> at a word boundary to at most <paramref name="maxLength"/> characters, adding an ellipsis.</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxLength - 1);
        return string.Concat(text.AsSpan(0, cut > maxLength / 2 ? cut : maxLength - 1).TrimEnd(), "…");
    }

    private static void AppendInlines(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case ContainerInline nested:
                    AppendInlines(nested, text);
                    break;
            }
        }
    }

    private static void Separate(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != ' ')
        {
            text.Append(' ');
        }
    }
}

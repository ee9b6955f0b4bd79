using Markdig;

namespace ServerlessBlog.Core.Content;

/// <summary>Finds the first level-1 heading of a Markdown body (ATX or Setext, outside code fences) as plain text.</summary>
internal static class LeadingHeading
{
    public static string? Find(string markdown)
    {
        string? previous = null;
        string? fence = null;
        foreach (var rawLine in markdown.AsSpan().EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;
            if (indent < 4 && (trimmed.StartsWith("```") || trimmed.StartsWith("~~~")))
            {
                var marker = trimmed[..3].ToString();
                fence = fence is null ? marker : (fence == marker ? null : fence);
                previous = null;
                continue;
            }

            if (fence is not null)
            {
                continue;
            }

            if (indent < 4 && (trimmed.StartsWith("# ") || trimmed.SequenceEqual("#")))
            {
                var text = trimmed[1..].Trim().TrimEnd('#').TrimEnd();
                return ToPlainText(text.ToString());
            }

            if (indent < 4 && trimmed.Length > 0 && trimmed.TrimStart('=').IsEmpty && previous is not null)
            {
                return ToPlainText(previous);
            }

            previous = trimmed.IsEmpty ? null : trimmed.ToString();
        }

        return null;
    }

    private static string? ToPlainText(string markdown)
    {
        var text = Markdown.ToPlainText(markdown).Trim();
        return text.Length == 0 ? null : text;
    }
}

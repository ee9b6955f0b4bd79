using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessBlog.Core.Content;

/// <summary>What a post's path says: Jekyll's date prefix, the stem a slug is made of, a title to fall back to.</summary>
internal sealed partial record FileNameParts(string Stem, DateTimeOffset? Date, string Title, bool InDraftsFolder)
{
    public static FileNameParts From(string path)
    {
        var segments = path.Split('/');
        var name = System.IO.Path.GetFileNameWithoutExtension(segments[^1]);

        // A Hugo page bundle (posts/hello/index.md) is named by its folder.
        if (name is "index" or "_index" && segments.Length > 1)
        {
            name = segments[^2];
        }

        DateTimeOffset? date = null;
        // The pattern needs a digit first and a '-' fifth: most names are not dated, and skip it.
        var match = name.Length > 11 && char.IsDigit(name[0]) && name[4] == '-' ? JekyllName().Match(name) : Match.Empty;
        if (match.Success && DateTimeOffset.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            date = parsed;
            name = match.Groups["rest"].Value;
        }

        var words = name.Replace('-', ' ').Replace('_', ' ').Trim();
        var title = words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
        var inDrafts = Array.IndexOf(segments, "_drafts", 0, segments.Length - 1) >= 0;
        return new FileNameParts(name, date, title, inDrafts);
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})-(?<rest>.+)$")]
    private static partial Regex JekyllName();
}

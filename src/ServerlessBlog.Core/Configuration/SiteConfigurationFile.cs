using System.Globalization;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Configuration;

/// <summary>
/// Reads the content root's optional <c>site.yaml</c> into configuration keys of the <c>Blog</c> section
/// (<c>baseUrl: https://example.org/</c> becomes <c>Blog:baseUrl</c>), for hosts to layer under the environment and command line.
/// </summary>
public static class SiteConfigurationFile
{
    /// <exception cref="ContentException">The file is not a YAML mapping.</exception>
    public static IReadOnlyDictionary<string, string?> Read(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        IReadOnlyDictionary<string, object?> values;
        try
        {
            values = YamlFrontMatterReader.Read(yaml);
        }
        catch (ContentException ex)
        {
            // The reader counts lines from 2, as in a post's front matter; this file starts on line 1.
            throw new ContentException(ex.Message.Replace(YamlFrontMatterReader.Subject, "YAML", StringComparison.Ordinal), Math.Max(1, ex.Line - 1), ex);
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            if (value is string or bool or long or double or DateTimeOffset)
            {
                settings[$"{BlogOptions.SectionName}:{key}"] = Convert.ToString(value, CultureInfo.InvariantCulture) is { } text && value is bool ? text.ToLowerInvariant() : Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        return settings;
    }
}

using System.Text.Json;
using System.Xml;
using AngleSharp.Html.Parser;
using ServerlessBlog.Core.Rendering;

namespace ServerlessBlog.Testing.Hostile;

/// <summary>
/// Finds what in a published file could run script, the way a browser reads it: pages parsed by a real HTML5 parser,
/// feeds by a real XML reader and JSON parser, and the HTML they carry parsed again. Returns problems, not throws,
/// so each test framework reports them its own way.
/// </summary>
public static class SiteSafety
{
    private static readonly HashSet<string> ActiveElements =
        new(["script", "iframe", "frame", "object", "embed", "form", "base", "svg", "math", "style", "template"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> UrlAttributes =
        new(["href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background", "ping", "content"], StringComparer.OrdinalIgnoreCase);

    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>The problems of one published file, by its path; empty when it is safe.</summary>
    public static IReadOnlyList<string> Problems(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = System.Text.Encoding.UTF8.GetString(content);
        return Path.GetExtension(path) switch
        {
            ".html" => PageProblems(path, text),
            ".xml" => FeedProblems(path, text),
            ".json" => JsonFeedProblems(path, text),
            _ => [],
        };
    }

    /// <summary>The problems of every file of a site folder.</summary>
    public static IReadOnlyList<string> FolderProblems(string siteFolder) =>
        Directory.EnumerateFiles(siteFolder, "*", SearchOption.AllDirectories)
            .SelectMany(file => Problems(Path.GetRelativePath(siteFolder, file).Replace('\\', '/'), File.ReadAllBytes(file)))
            .ToList();

    /// <summary>The problems of HTML: a whole page, or a fragment carried by a feed.</summary>
    public static IReadOnlyList<string> HtmlProblems(string where, string html, bool wholePage = false)
    {
        var problems = new List<string>();
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            // The theme's own <head> holds <meta> and <link> that no post writes.
            var inThemeHead = wholePage && element.Closest("head") is not null;
            if (ActiveElements.Contains(element.LocalName) || (!inThemeHead && element.LocalName is "meta" or "link"))
            {
                problems.Add($"{where}: <{element.LocalName}> element");
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{where}: {attribute.Name} on <{element.LocalName}>");
                }
                else if (UrlAttributes.Contains(attribute.Name) && !(element.LocalName == "meta" && attribute.Name == "content" && element.GetAttribute("property") is not ("og:image" or "og:url")) && !SafeUrl.IsSafe(attribute.Value))
                {
                    problems.Add($"{where}: {attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>");
                }
                else if (attribute.Name == "style" && attribute.Value.Contains("url(", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{where}: style with a URL on <{element.LocalName}>");
                }
            }
        }

        return problems;
    }

    private static List<string> PageProblems(string path, string html) => [.. HtmlProblems(path, html, wholePage: true)];

    private static List<string> FeedProblems(string path, string xml)
    {
        var problems = new List<string>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), XmlSettings);
            while (reader.Read())
            {
                // RSS description and content:encoded are HTML as escaped text; Atom content and summary when typed html.
                if (reader.NodeType == XmlNodeType.Element
                    && (reader.LocalName is "description" or "encoded" || (reader.LocalName is "content" or "summary" && reader.GetAttribute("type") is "html" or "xhtml")))
                {
                    var name = reader.LocalName;
                    problems.AddRange(HtmlProblems($"{path} <{name}>", reader.ReadElementContentAsString()));
                }
            }
        }
        catch (XmlException ex)
        {
            problems.Add($"{path}: not well-formed XML: {ex.Message}");
        }

        return problems;
    }

    private static List<string> JsonFeedProblems(string path, string json)
    {
        var problems = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("items", out var items))
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (item.TryGetProperty("content_html", out var html))
                    {
                        problems.AddRange(HtmlProblems($"{path} content_html", html.GetString() ?? string.Empty));
                    }

                    foreach (var url in new[] { "url", "image", "external_url" })
                    {
                        if (item.TryGetProperty(url, out var value) && !SafeUrl.IsSafe(value.GetString()))
                        {
                            problems.Add($"{path}: {url} \"{value.GetString()}\"");
                        }
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            problems.Add($"{path}: not valid JSON: {ex.Message}");
        }

        return problems;
    }
}

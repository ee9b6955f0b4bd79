using Ganss.Xss;

namespace ServerlessBlog.Core.Rendering;

/// <summary>
/// Cleans the HTML of a post that contains raw HTML: an allow-list of the tags and attributes our own Markdown
/// pipeline emits (headings with ids, tables, footnotes, task lists, highlighted code, figures, definition lists,
/// abbreviations) and a few harmless ones authors write by hand (<c>details</c>, <c>kbd</c>, <c>sup</c>, <c>mark</c>).
/// Scripts, event handlers, frames, forms, comments and URLs of other schemes than <see cref="SafeUrl.AllowedSchemes"/> go.
/// </summary>
internal static class RawHtmlSanitizer
{
    private static readonly string[] Tags =
    [
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
        "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input",
        "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    ];

    private static readonly string[] Attributes =
    [
        "id", "class", "title", "lang", "dir", "href", "src", "alt", "width", "height", "style", "cite", "datetime",
        "colspan", "rowspan", "scope", "align", "start", "reversed", "open", "type", "checked", "disabled",
    ];

    // Elements whose content is code or another document, not text of the post: removed with what they hold.
    private static readonly HashSet<string> DroppedWithContent = new(
        ["script", "style", "template", "textarea", "iframe", "noscript", "noembed", "noframes", "object", "embed", "select", "title", "xmp", "svg", "math"],
        StringComparer.OrdinalIgnoreCase);

    // Configured once and never changed afterwards: Sanitize makes its own parser per call, so one instance serves every thread.
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <param name="html">The post's HTML.</param>
    /// <param name="baseUrl">The absolute URL relative URLs are resolved against.</param>
    public static string Sanitize(string html, string baseUrl) => Sanitizer.Sanitize(html, baseUrl);

    private static HtmlSanitizer Create()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase);
        options.AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase);
        options.AllowedSchemes = new HashSet<string>(SafeUrl.AllowedSchemes, StringComparer.OrdinalIgnoreCase);
        options.UriAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriAttributes, StringComparer.OrdinalIgnoreCase);
        options.UriListAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriListAttributes, StringComparer.OrdinalIgnoreCase);

        // Table cells aligned by the Markdown table syntax carry text-align; nothing else needs inline style.
        options.AllowedCssProperties = new HashSet<string>(["text-align"], StringComparer.OrdinalIgnoreCase);
        // The text of an element that is not allowed (<center>, <font>) stays; code and embedded documents do not.
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, removing) =>
        {
            if (DroppedWithContent.Contains(removing.Tag.LocalName))
            {
                removing.Tag.InnerHtml = string.Empty;
            }
        };
        return sanitizer;
    }
}

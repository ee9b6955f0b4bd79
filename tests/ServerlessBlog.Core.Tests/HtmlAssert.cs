using AngleSharp.Html.Parser;
using ServerlessBlog.Core.Rendering;

namespace ServerlessBlog.Core.Tests;

/// <summary>Checks HTML the way a browser reads it: parsed by a real HTML5 parser, not searched as text.</summary>
internal static class HtmlAssert
{
    private static readonly HashSet<string> ActiveElements = new(["script", "iframe", "frame", "object", "embed", "form", "base", "meta", "link", "style", "svg", "math"], StringComparer.OrdinalIgnoreCase);

    /// <summary>No element that runs or embeds anything, no event handler, no URL of a scheme that runs script.</summary>
    public static void Safe(string html, bool wholePage = false)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html);
        foreach (var element in document.All)
        {
            var inHead = wholePage && element.Closest("head") is not null;
            Assert.False(ActiveElements.Contains(element.LocalName) && !inHead, $"<{element.LocalName}> in:\n{html}");
            Assert.False(element.LocalName == "script", $"<script> in:\n{html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on <{element.LocalName}> in:\n{html}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "srcset" or "poster" or "data")
                {
                    Assert.True(SafeUrl.IsSafe(attribute.Value), $"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}> in:\n{html}");
                }

                if (attribute.Name == "style")
                {
                    Assert.DoesNotContain("url(", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }
}

using System.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ServerlessBlog.Core.Rendering;

/// <summary>Renders fenced code blocks of a known language with build-time highlighting; the rest as Markdig does.</summary>
internal sealed class HighlightedCodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
{
    private readonly CodeBlockRenderer _fallback;

    public HighlightedCodeBlockRenderer(CodeBlockRenderer fallback)
    {
        _fallback = fallback;
    }

    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (obj is not FencedCodeBlock fenced || !CodeHighlighter.TryFindLanguage(fenced.Info, out var language))
        {
            _fallback.Write(renderer, obj);
            return;
        }

        var code = fenced.Lines.ToString();
        var html = new StringBuilder(code.Length * 2);
        html.Append("<pre class=\"highlight\"><code class=\"language-");
        html.Append(System.Net.WebUtility.HtmlEncode(fenced.Info!.ToLowerInvariant()));
        html.Append("\">");
        CodeHighlighter.Highlight(code, language, html);
        html.Append("</code></pre>\n");
        renderer.EnsureLine();
        renderer.Write(html.ToString());
    }
}

using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ServerlessBlog.Core.Rendering;

/// <summary>Switches on build-time highlighting of fenced code blocks.</summary>
internal sealed class HighlightingExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && html.ObjectRenderers.FindExact<CodeBlockRenderer>() is { } codeBlocks)
        {
            html.ObjectRenderers.ReplaceOrAdd<CodeBlockRenderer>(new HighlightedCodeBlockRenderer(codeBlocks));
        }
    }
}

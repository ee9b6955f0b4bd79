using Markdig;
using ServerlessBlog.Core.Rendering;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// <see cref="BlogMarkdown.Pipeline"/> without the highlighting extension, to tell what highlighting costs from what
/// Markdig's extensions cost.
/// </summary>
public static class PipelineWithoutHighlighting
{
    public static MarkdownPipeline Pipeline { get; } = BlogMarkdown.ExtensionsWithoutHighlighting().Build();
}

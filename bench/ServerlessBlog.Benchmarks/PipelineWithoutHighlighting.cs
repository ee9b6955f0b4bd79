using Markdig;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// <see cref="ServerlessBlog.Core.Rendering.BlogMarkdown.Pipeline"/> without the highlighting extension, to tell
/// what highlighting costs from what Markdig's extensions cost. Keep its list in step with BlogMarkdown.
/// </summary>
public static class PipelineWithoutHighlighting
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseTaskLists()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseDefinitionLists()
        .UseAbbreviations()
        .UseListExtras()
        .UseFigures()
        .Build();
}

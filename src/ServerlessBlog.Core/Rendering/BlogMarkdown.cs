using Markdig;

namespace ServerlessBlog.Core.Rendering;

/// <summary>The one Markdown pipeline of the site: built once, immutable, thread-safe.</summary>
public static class BlogMarkdown
{
    /// <summary>
    /// CommonMark plus the extensions Hugo and Jekyll authors expect (tables, footnotes, task lists,
    /// strikethrough, autolinks, heading ids, definition lists), and build-time code highlighting.
    /// Generic attributes are off: they would let a post add event handlers to elements.
    /// </summary>
    public static MarkdownPipeline Pipeline { get; } = Build();

    /// <summary>
    /// The Markdown extensions of <see cref="Pipeline"/>, without code highlighting: for measuring what highlighting
    /// costs apart from what the extensions cost.
    /// </summary>
    public static MarkdownPipelineBuilder ExtensionsWithoutHighlighting() =>
        new MarkdownPipelineBuilder()
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
            .UseFigures();

    private static MarkdownPipeline Build()
    {
        var builder = ExtensionsWithoutHighlighting();
        builder.Extensions.Add(new HighlightingExtension());
        return builder.Build();
    }
}

namespace ServerlessBlog.Core.Content;

/// <summary>A post's source split into its front matter and its Markdown body.</summary>
/// <param name="FrontMatter">The parsed front matter, <see cref="FrontMatter.Empty"/> when there is none.</param>
/// <param name="Body">The Markdown after the front matter.</param>
/// <param name="BodyLine">The 1-based line of the source the body starts on.</param>
public sealed record SourceDocument(FrontMatter FrontMatter, string Body, int BodyLine);

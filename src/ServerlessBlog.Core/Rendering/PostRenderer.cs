using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Rendering;

/// <summary>
/// Renders a post's Markdown to HTML: links between posts and to assets made absolute,
/// headings kept below the page's own <c>h1</c>, code highlighted; and finds its excerpt and reading time.
/// What it renders is safe to publish: links and images whose URL a browser would run (<see cref="SafeUrl"/>)
/// are reduced to their text, and the HTML of a post with raw HTML in it is sanitized unless the site allows raw HTML.
/// Thread-safe.
/// </summary>
public sealed class PostRenderer
{
    /// <summary>The marker that ends a hand-written excerpt, as in Hugo and Jekyll.</summary>
    public const string MoreMarker = "<!--more-->";

    /// <summary>
    /// The most raw HTML tags a post may have when they are sanitized: the HTML parser's time grows with the square
    /// of their nesting, and no hand-written post has this many.
    /// </summary>
    public const int MaxRawHtmlTags = 5_000;

    private const int ExcerptMaxLength = 300;
    private const int WordsPerMinute = 220;

    private readonly MarkdownPipeline _pipeline;
    private readonly SiteUrls _urls;
    private readonly bool _allowRawHtml;

    /// <param name="urls">The site's URLs, to make links absolute.</param>
    /// <param name="pipeline">The Markdown pipeline; <see cref="BlogMarkdown.Pipeline"/> when null.</param>
    /// <param name="allowRawHtml">Publish raw HTML as written, for a site whose authors are all trusted.</param>
    public PostRenderer(SiteUrls urls, MarkdownPipeline? pipeline = null, bool allowRawHtml = false)
    {
        _urls = urls;
        _pipeline = pipeline ?? BlogMarkdown.Pipeline;
        _allowRawHtml = allowRawHtml;
    }

    public RenderedPost Render(Post post, IPostLinkResolver links)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(links);
        return Render(post, Parse(post), links);
    }

    /// <summary>
    /// Renders a post whose links to other posts are resolved one by one, such as from a store:
    /// <paramref name="findSlug"/> gets the source path of each post the body links to.
    /// </summary>
    public async Task<RenderedPost> RenderAsync(Post post, Func<string, CancellationToken, ValueTask<string?>> findSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(findSlug);
        var document = Parse(post);
        var folder = SitePathText.DirectoryOf(post.SourcePath);
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url && PostTarget(url, folder) is { } target && !slugs.ContainsKey(target) && await findSlug(target, cancellationToken) is { } slug)
            {
                slugs[target] = slug;
            }
        }

        return Render(post, document, new DictionaryLinkResolver(slugs));
    }

    /// <exception cref="ContentException">The Markdown nests deeper than the parser follows.</exception>
    private MarkdownDocument Parse(Post post)
    {
        try
        {
            return Markdown.Parse(post.Body, _pipeline);
        }
        catch (ArgumentException ex)
        {
            // Markdig's answer to elements nested too deep to render without overflowing the stack.
            throw new ContentException("the Markdown nests quotes, lists, links or emphasis too deep to render", post.BodyLine, ex);
        }
    }

    private RenderedPost Render(Post post, MarkdownDocument document, IPostLinkResolver links)
    {
        if (post.TitleFromHeading)
        {
            RemoveTitleHeading(document);
        }

        var rawHtmlTags = RewriteLinks(document, SitePathText.DirectoryOf(post.SourcePath), links, out var hasTitleLevelHeading);
        if (hasTitleLevelHeading)
        {
            KeepHeadingsBelowTitle(document);
        }

        if (rawHtmlTags > MaxRawHtmlTags && !_allowRawHtml)
        {
            throw new ContentException($"the post has {rawHtmlTags} raw HTML tags, more than the {MaxRawHtmlTags} that are sanitized", post.BodyLine);
        }

        // Markdig lends a renderer the pipeline has already set up, instead of building and setting up one a post.
        var html = Markdown.ToHtml(document, _pipeline);

        // Only a post with raw HTML pays for the sanitizer: what Markdig emits from Markdown alone is already safe.
        // Relative URLs in raw HTML are made absolute against the page, where a browser resolved them until now (Markdown
        // links resolve against the source file's folder): the same HTML goes into the feeds, where a reader has no page.
        if (rawHtmlTags > 0 && !_allowRawHtml)
        {
            html = RawHtmlSanitizer.Sanitize(html, _urls.Absolute(SitePaths.PostFolder(post.Slug)));
        }

        var excerpt = Excerpt(document, post);
        CharacterReferences.RefuseNonXmlCharacters(post, html, excerpt);
        return new RenderedPost(post, html, excerpt, ReadingMinutes(post.Body));
    }

    private static void RemoveTitleHeading(MarkdownDocument document)
    {
        var heading = document.OfType<HeadingBlock>().FirstOrDefault(block => block.Level == 1);
        if (heading is not null)
        {
            document.Remove(heading);
        }
    }

    /// <summary>Moves every heading one level down (to at most <c>h6</c>), below the page's own <c>h1</c>.</summary>
    private static void KeepHeadingsBelowTitle(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }
    }

    /// <summary>
    /// Makes links between posts and to assets absolute and reduces links with an unsafe URL to their text,
    /// in one walk of the document, which also looks for an <c>h1</c> in the body (most posts have none).
    /// </summary>
    /// <returns>How many raw HTML tags the document has, at least: a raw HTML block counts its <c>&lt;</c>.</returns>
    private int RewriteLinks(MarkdownDocument document, string postFolder, IPostLinkResolver links, out bool hasTitleLevelHeading)
    {
        var rawHtmlTags = 0;
        hasTitleLevelHeading = false;
        List<Inline>? unsafeLinks = null;

        // Depth first, in document order, as Markdig's Descendants() visits the nodes, but with one stack instead of
        // an iterator for every level of nesting (that walk was as costly as the rewriting).
        var pending = new Stack<MarkdownObject>();
        pending.Push(document);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case LinkInline link when !SafeUrl.IsSafe(link.Url):
                case AutolinkInline autolink when !SafeUrl.IsSafe(autolink.Url):
                    (unsafeLinks ??= []).Add((Inline)node);
                    break;
                case LinkInline { Url: { } url } link when Resolve(url, postFolder, links) is { } resolved:
                    link.Url = resolved;
                    break;
                case HtmlInline:
                    rawHtmlTags++;
                    break;
                case HtmlBlock block:
                    rawHtmlTags += Math.Max(1, CountTags(block));
                    break;
                case HeadingBlock { Level: 1 }:
                    hasTitleLevelHeading = true;
                    break;
            }

            PushChildren(node, pending);
        }

        foreach (var link in unsafeLinks ?? [])
        {
            ReduceToText(link);
        }

        return rawHtmlTags;
    }

    /// <summary>Pushes a node's children last first, so that they are popped in document order.</summary>
    private static void PushChildren(MarkdownObject node, Stack<MarkdownObject> pending)
    {
        switch (node)
        {
            case ContainerBlock container:
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    pending.Push(container[i]);
                }

                break;
            case LeafBlock { Inline: { } inline }:
                pending.Push(inline);
                break;
            case ContainerInline inlines:
                for (var child = inlines.LastChild; child is not null; child = child.PreviousSibling)
                {
                    pending.Push(child);
                }

                break;
        }
    }

    private static int CountTags(HtmlBlock block)
    {
        var count = 0;
        for (var i = 0; i < block.Lines.Count; i++)
        {
            count += block.Lines.Lines[i].Slice.AsSpan().Count('<');
        }

        return count;
    }

    /// <summary>Replaces a link or image by its text (an image's alt text), keeping the text's own formatting.</summary>
    private static void ReduceToText(Inline link)
    {
        if (link is AutolinkInline autolink)
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
            return;
        }

        // Each child goes after the one moved before it. Markdig's InsertBefore leaves the inserted inline without its
        // previous sibling, and a later Remove of it (an unsafe image inside an unsafe link) then cut the paragraph short
        // and left the image in place.
        var container = (ContainerInline)link;
        Inline last = container;
        while (container.FirstChild is { } child)
        {
            child.Remove();
            last.InsertAfter(child);
            last = child;
        }

        container.Remove();
    }

    /// <summary>The source path a relative link to another post points at, or null for any other link.</summary>
    private static string? PostTarget(string url, string postFolder) =>
        SitePath(url, postFolder, out _) is { } target && ContentPaths.IsPost(target) ? target : null;

    /// <summary>The site path a relative link points at, with its <c>#fragment</c> or <c>?query</c> apart.</summary>
    private static string? SitePath(string url, string postFolder, out string suffix)
    {
        suffix = string.Empty;
        if (url.Length == 0 || url[0] is '#' or '?' || url.StartsWith("//", StringComparison.Ordinal) || HasScheme(url))
        {
            return null;
        }

        var suffixStart = url.IndexOfAny(['#', '?']);
        var path = suffixStart < 0 ? url : url[..suffixStart];
        suffix = suffixStart < 0 ? string.Empty : url[suffixStart..];
        return SitePathText.Combine(postFolder, Uri.UnescapeDataString(path));
    }

    private string? Resolve(string url, string postFolder, IPostLinkResolver links)
    {
        if (SitePath(url, postFolder, out var suffix) is not { } target)
        {
            return null;
        }

        if (ContentPaths.IsPost(target))
        {
            var slug = links.FindSlug(target) ?? UnpublishedSlug(target);
            return slug.Length == 0 ? null : _urls.Absolute(SitePaths.PostFolder(slug)) + suffix;
        }

        return _urls.Absolute(target) + suffix;
    }

    /// <summary>The slug a link to a post not published (yet) takes: the one its file name gives, as a whole build gives it.</summary>
    internal static string UnpublishedSlug(string sourcePath) => Slug.From(FileNameParts.From(sourcePath).Stem);

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOf('/', StringComparison.Ordinal);
        return colon > 0 && (slash < 0 || colon < slash);
    }

    private static string Excerpt(MarkdownDocument document, Post post)
    {
        var text = new StringBuilder();
        var more = -1;
        for (var i = 0; i < document.Count && more < 0; i++)
        {
            more = document[i] is HtmlBlock html && html.Lines.ToString().Contains(MoreMarker, StringComparison.Ordinal) ? i : -1;
        }

        if (more > 0)
        {
            for (var i = 0; i < more; i++)
            {
                PlainText.AppendBlock(document[i], text);
            }
        }
        else if (post.Summary is { } summary)
        {
            text.Append(summary);
        }
        else if (document.Descendants<ParagraphBlock>().FirstOrDefault() is { } paragraph)
        {
            PlainText.AppendBlock(paragraph, text);
        }

        return PlainText.Truncate(text.ToString().Trim(), ExcerptMaxLength);
    }

    private static int ReadingMinutes(string body) =>
        Math.Max(1, (WordCount.Of(body) + WordsPerMinute - 1) / WordsPerMinute);
}

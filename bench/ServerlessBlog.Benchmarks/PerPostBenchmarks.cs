using BenchmarkDotNet.Attributes;
using Markdig;
using ServerlessBlog.Core.Feeds;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// Everything the build does for one post, against Markdig alone turning the same Markdown into HTML, so the Ratio
/// column is our per-post cost as a multiple of Markdig's. Two baselines, because "Markdig alone" can mean two things:
/// the default <c>Markdown.ToHtml(text)</c> (CommonMark, no extensions: the baseline of the Ratio column), and Markdig
/// with our pipeline's extensions and highlighting (the second row), which is the Markdown work our pages need anyway.
/// </summary>
[MemoryDiagnoser]
public class PerPostBenchmarks
{
    private PostSample _sample = null!;
    private BenchmarkSite _site = null!;
    private NullSiteStore _store = null!;

    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = "typical";

    public static IEnumerable<string> Samples => PostSample.Names;

    [GlobalSetup]
    public void Setup()
    {
        _sample = PostSample.Load(Sample);
        _site = new BenchmarkSite();
        _store = new NullSiteStore();
    }

    [Benchmark(Baseline = true, Description = "Markdig alone: Markdown.ToHtml(body)")]
    public string MarkdigAlone() => Markdown.ToHtml(_sample.Body);

    [Benchmark(Description = "Markdig with our pipeline: Markdown.ToHtml(body, BlogMarkdown.Pipeline)")]
    public string MarkdigWithOurPipeline() => Markdown.ToHtml(_sample.Body, BlogMarkdown.Pipeline);

    /// <summary>
    /// Bytes in, files out: parse the post, render it, its page, and its entries in a tag feed and a month sitemap,
    /// written to a store that keeps nothing. The feed and sitemap are written with this post alone, so their
    /// headers are counted in full, not shared with other posts as in a real build: this overstates our share.
    /// </summary>
    [Benchmark(Description = "Whole post: parse + render + page + feed + sitemap + write")]
    public async Task<long> WholePost()
    {
        var post = _site.Parser.Parse(_sample.File);
        var rendered = _site.Renderer.Render(post, _site.Links);
        await _store.WriteAsync(_site.Pages.PostPage(rendered, _site.Older, _site.Newer));

        var summary = rendered.ToSummary();
        var tag = new TagSummary(Core.Content.Slug.From(post.Tags[0]), post.Tags[0], 1, summary.LastModified);
        await _store.WriteAsync(_site.Feeds.TagFeed(tag, [summary], _ => new FeedContent(rendered.ContentHtml)));
        var month = new ArchiveMonth(post.Date.Year, post.Date.Month, 1, summary.LastModified);
        await _store.WriteAsync(_site.Feeds.MonthSitemap(month, [summary]));
        return _store.Bytes;
    }
}

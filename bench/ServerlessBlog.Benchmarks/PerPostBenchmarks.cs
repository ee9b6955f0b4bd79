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
/// Two views of the post's feed and sitemap: written for the post alone (<see cref="WholePost"/>, the harsher), and
/// shared with <see cref="OtherPosts"/> other posts as in a site (<see cref="WholePostAmongOthers"/> less
/// <see cref="OthersDocuments"/> is the post's own share).
/// </summary>
[MemoryDiagnoser]
public class PerPostBenchmarks
{
    /// <summary>The other posts in the post's tag feed and month sitemap: a full feed holds 20.</summary>
    public const int OtherPosts = Core.Configuration.BlogDefaults.FeedItems - 1;

    private PostSample _sample = null!;
    private BenchmarkSite _site = null!;
    private NullSiteStore _store = null!;
    private PostSummary[] _others = null!;
    private Dictionary<string, FeedContent> _othersContent = null!;

    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = "typical";

    public static IEnumerable<string> Samples => PostSample.Names;

    [GlobalSetup]
    public void Setup()
    {
        _sample = PostSample.Load(Sample);
        _site = new BenchmarkSite();
        _store = new NullSiteStore();

        // Older posts of the same tag and month, each a short note (the small sample), escaped once as a build does.
        // Short, so that the documents without the post stay small whatever its size: documents of 19 large posts
        // would be large objects, whose collections cost out of proportion and would be counted in the post's share.
        var post = _site.Parser.Parse(_sample.File);
        var note = _site.Renderer.Render(_site.Parser.Parse(PostSample.Load("small").File), _site.Links);
        _others = Enumerable.Range(1, OtherPosts)
            .Select(i => note.ToSummary() with { Slug = $"note-{i}", Title = $"A note ({i})", Date = post.Date.AddMinutes(-i), Updated = null, Tags = post.Tags })
            .ToArray();
        _othersContent = _others.ToDictionary(other => other.Slug, _ => new FeedContent(note.ContentHtml));
        OthersDocuments().GetAwaiter().GetResult();
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
    public Task<long> WholePost() => Publish([]);

    /// <summary>As <see cref="WholePost"/>, the tag feed and month sitemap carrying <see cref="OtherPosts"/> older short posts too.</summary>
    [Benchmark(Description = "Whole post, its feed and sitemap shared with 19 other posts")]
    public Task<long> WholePostAmongOthers() => Publish(_others);

    /// <summary>The tag feed and month sitemap of the other posts without this one: what the post's share is measured from.</summary>
    [Benchmark(Description = "The 19 other posts' feed and sitemap alone")]
    public async Task<long> OthersDocuments()
    {
        var tag = new TagSummary(Core.Content.Slug.From(_others[0].Tags[0]), _others[0].Tags[0], _others.Length, _others[0].LastModified);
        await _store.WriteAsync(_site.Feeds.TagFeed(tag, _others, other => _othersContent[other.Slug]));
        var month = new ArchiveMonth(_others[0].Date.Year, _others[0].Date.Month, _others.Length, _others[0].LastModified);
        await _store.WriteAsync(_site.Feeds.MonthSitemap(month, _others));
        return _store.Bytes;
    }

    private async Task<long> Publish(PostSummary[] others)
    {
        var post = _site.Parser.Parse(_sample.File);
        var rendered = _site.Renderer.Render(post, _site.Links);
        await _store.WriteAsync(_site.Pages.PostPage(rendered, _site.Older, _site.Newer));

        var summary = rendered.ToSummary();
        var content = new FeedContent(rendered.ContentHtml);
        PostSummary[] posts = [summary, .. others];
        var tag = new TagSummary(Core.Content.Slug.From(post.Tags[0]), post.Tags[0], posts.Length, summary.LastModified);
        await _store.WriteAsync(_site.Feeds.TagFeed(tag, posts, entry => ReferenceEquals(entry, summary) ? content : _othersContent[entry.Slug]));
        var month = new ArchiveMonth(post.Date.Year, post.Date.Month, posts.Length, summary.LastModified);
        await _store.WriteAsync(_site.Feeds.MonthSitemap(month, posts));
        return _store.Bytes;
    }
}

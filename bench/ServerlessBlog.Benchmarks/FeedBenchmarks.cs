using BenchmarkDotNet.Attributes;
using ServerlessBlog.Core.Feeds;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>The site's feeds of 20 posts with full content, each format alone, as the build writes them; and a sitemap.</summary>
[MemoryDiagnoser]
public class FeedBenchmarks
{
    private const int Items = 20;
    private BenchmarkSite _site = null!;
    private Feed _feed = null!;
    private List<PostSummary> _newest = null!;
    private RenderedPost _rendered = null!;
    private ArchiveMonth _month = null!;

    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = "typical";

    public static IEnumerable<string> Samples => PostSample.Names;

    [GlobalSetup]
    public void Setup()
    {
        _site = new BenchmarkSite();
        _rendered = _site.Renderer.Render(_site.Parser.Parse(PostSample.Load(Sample).File), _site.Links);
        var summary = _rendered.ToSummary();
        _newest = Enumerable.Range(0, Items)
            .Select(i => summary with { Slug = $"{summary.Slug}-{i}", Date = summary.Date.AddDays(-i) })
            .ToList();
        _month = new ArchiveMonth(summary.Date.Year, summary.Date.Month, Items, summary.Date);

        // The writers get one feed model, as FeedGenerator hands each of them; its items' content is new in every call
        // (WithNewContent), so each writer pays for escaping it, as the first feed a post goes into does.
        _feed = new Feed
        {
            Title = _site.Options.Title,
            Description = _site.Options.Description,
            Language = _site.Options.Language,
            HomeUrl = _site.Options.BaseUrl,
            SelfUrl = _site.Options.BaseUrl + "feed.xml",
            Author = _site.Options.Author,
            Updated = summary.Date,
            Items = _newest.Select(post => new FeedItem
            {
                Id = _site.Options.BaseUrl + post.Folder,
                Url = _site.Options.BaseUrl + post.Folder,
                Title = post.Title,
                Published = post.Date,
                Updated = post.LastModified,
                Content = new FeedContent(_rendered.ContentHtml),
                Summary = post.Excerpt,
                Tags = post.Tags,
                Authors = [_site.Options.Author],
            }).ToList(),
        };
    }

    [Benchmark(Baseline = true, Description = "RSS, 20 items")]
    public ReadOnlyMemory<byte> Rss() => RssFeedWriter.Write(WithNewContent());

    [Benchmark(Description = "Atom, 20 items")]
    public ReadOnlyMemory<byte> Atom() => AtomFeedWriter.Write(WithNewContent());

    [Benchmark(Description = "JSON Feed, 20 items")]
    public ReadOnlyMemory<byte> Json() => JsonFeedWriter.Write(WithNewContent());

    [Benchmark(Description = "All three via FeedGenerator")]
    public int SiteFeeds()
    {
        var bytes = 0;
        foreach (var file in _site.Feeds.SiteFeeds(_newest, _ => new FeedContent(_rendered.ContentHtml)))
        {
            bytes += file.Content.Length;
        }

        return bytes;
    }

    [Benchmark(Description = "Month sitemap, 20 URLs")]
    public SiteFile Sitemap() => _site.Feeds.MonthSitemap(_month, _newest);

    private Feed WithNewContent() => _feed with
    {
        Items = _feed.Items.Select(item => item with { Content = new FeedContent(item.Content.Html) }).ToList(),
    };
}

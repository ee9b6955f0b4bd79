using BenchmarkDotNet.Attributes;
using ServerlessBlog.Core.Generation;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;
using ServerlessBlog.Core.Theming;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// A post's page from its rendered HTML (view, post template, layout, UTF-8 bytes) and a listing page, with the default
/// theme as sites get it (its templates compiled to code) and with its Liquid files, as a theme in <c>_theme/</c> that
/// replaces every template is rendered. Both write the same bytes.
/// </summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private BenchmarkSite _site = null!;
    private RenderedPost _rendered = null!;
    private List<PostSummary> _newest = null!;
    private PageGenerator _liquidPages = null!;

    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = "typical";

    public static IEnumerable<string> Samples => PostSample.Names;

    [GlobalSetup]
    public void Setup()
    {
        _site = new BenchmarkSite();
        _rendered = _site.Renderer.Render(_site.Parser.Parse(PostSample.Load(Sample).File), _site.Links);
        var summary = _rendered.ToSummary();
        _newest = Enumerable.Range(0, _site.Options.PostsPerPage + 1)
            .Select(i => summary with { Slug = $"{summary.Slug}-{i}", Date = summary.Date.AddDays(-i) })
            .ToList();
        var liquidFiles = Theme.TemplateNames.Select(name => name + Theme.TemplateExtension).ToDictionary(file => file, Theme.DefaultFile);
        _liquidPages = new PageGenerator(_site.Options, Theme.Load(liquidFiles));
    }

    [Benchmark(Baseline = true, Description = "Post page")]
    public SiteFile PostPage() => _site.Pages.PostPage(_rendered, _site.Older, _site.Newer);

    [Benchmark(Description = "Home page (10 cards)")]
    public SiteFile HomePage() => _site.Pages.HomePage(_newest);

    [Benchmark(Description = "Post page, Liquid files")]
    public SiteFile PostPageLiquid() => _liquidPages.PostPage(_rendered, _site.Older, _site.Newer);

    [Benchmark(Description = "Home page (10 cards), Liquid files")]
    public SiteFile HomePageLiquid() => _liquidPages.HomePage(_newest);
}

using BenchmarkDotNet.Attributes;
using Markdig;
using ServerlessBlog.Core.Building;
using ServerlessBlog.Core.Rendering;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// A whole site built as <c>blog build</c> builds it, per post: generated posts read from memory, parsed, rendered,
/// paged, then the home, tag, archive and month pages, every feed and sitemap once a site, tag or month, written to a
/// store that keeps nothing. Against Markdig turning the same bodies into HTML, with its default pipeline (the Ratio
/// column's baseline) and with ours. Every case reports time per post. <see cref="SiteBuildBenchmarks"/> builds
/// <see cref="SiteCorpus.Posts"/> posts, <see cref="LargeSiteBuildBenchmarks"/> ten times as many: the pages, feeds and
/// sitemaps a site has once a tag or month are shared by more posts there.
/// The build runs on one worker a core, so the baselines do too (<see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>
/// over the bodies): wall times then compare like with like. The processor-time probe (<c>--ratios</c>) adds up every
/// thread and is the steadier view on a shared machine.
/// </summary>
[MemoryDiagnoser]
public abstract class SiteBuildCases
{
    private SiteCorpus _corpus = null!;
    private MemoryContentSource _source = null!;
    private SiteBuilder _builder = null!;
    private NullSiteStore _store = null!;
    private ParallelOptions _parallelism = null!;

    /// <summary>How many posts the site has.</summary>
    public abstract int Posts { get; }

    /// <summary>The bodies Markdig alone is given.</summary>
    public IReadOnlyList<string> Bodies => _corpus.Bodies;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = SiteCorpus.Generate(Posts);
        _source = new MemoryContentSource(_corpus.Files);
        _builder = new SiteBuilder(new BenchmarkSite().Options, new FixedClock(SiteCorpus.Now));
        _store = new NullSiteStore();
        _parallelism = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        // A corpus that stopped building would make the build look fast: every post must be in the site.
        var report = _builder.BuildAsync(_source, _store, new BuildSettings()).GetAwaiter().GetResult();
        if (report.Posts != Posts || report.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The benchmark site built {report.Posts} of {Posts} posts with {report.Errors.Count} errors.");
        }
    }

    protected void MarkdigEach(MarkdownPipeline? pipeline) =>
        Parallel.For(0, _corpus.Bodies.Count, _parallelism, i => Markdown.ToHtml(_corpus.Bodies[i], pipeline));

    public async Task<int> BuildSite()
    {
        var report = await _builder.BuildAsync(_source, _store, new BuildSettings());
        return report.Written;
    }
}

/// <summary>A site of <see cref="SiteCorpus.Posts"/> generated posts, per post.</summary>
public class SiteBuildBenchmarks : SiteBuildCases
{
    public override int Posts => SiteCorpus.Posts;

    [Benchmark(Baseline = true, OperationsPerInvoke = SiteCorpus.Posts, Description = "Markdig alone: Markdown.ToHtml(body), per post")]
    public void MarkdigAlone() => MarkdigEach(pipeline: null);

    [Benchmark(OperationsPerInvoke = SiteCorpus.Posts, Description = "Markdig with our pipeline: Markdown.ToHtml(body, BlogMarkdown.Pipeline), per post")]
    public void MarkdigWithOurPipeline() => MarkdigEach(BlogMarkdown.Pipeline);

    [Benchmark(OperationsPerInvoke = SiteCorpus.Posts, Description = "Site build: SiteBuilder.BuildAsync, per post")]
    public Task<int> SiteBuild() => BuildSite();
}

/// <summary>A site of <see cref="SiteCorpus.LargePosts"/> generated posts, per post.</summary>
public class LargeSiteBuildBenchmarks : SiteBuildCases
{
    public override int Posts => SiteCorpus.LargePosts;

    [Benchmark(Baseline = true, OperationsPerInvoke = SiteCorpus.LargePosts, Description = "Markdig alone: Markdown.ToHtml(body), per post")]
    public void MarkdigAlone() => MarkdigEach(pipeline: null);

    [Benchmark(OperationsPerInvoke = SiteCorpus.LargePosts, Description = "Markdig with our pipeline: Markdown.ToHtml(body, BlogMarkdown.Pipeline), per post")]
    public void MarkdigWithOurPipeline() => MarkdigEach(BlogMarkdown.Pipeline);

    [Benchmark(OperationsPerInvoke = SiteCorpus.LargePosts, Description = "Site build: SiteBuilder.BuildAsync, per post")]
    public Task<int> SiteBuild() => BuildSite();
}

using BenchmarkDotNet.Attributes;
using Markdig;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Rendering;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// Markdown to HTML: Markdig's default pipeline (CommonMark, no extensions) as the baseline; the same extensions
/// as ours without and with build-time highlighting; and our renderer, which adds link rewriting, heading levels,
/// the excerpt and the reading time.
/// </summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private PostSample _sample = null!;
    private BenchmarkSite _site = null!;
    private Post _post = null!;

    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = "typical";

    public static IEnumerable<string> Samples => PostSample.Names;

    [GlobalSetup]
    public void Setup()
    {
        _sample = PostSample.Load(Sample);
        _site = new BenchmarkSite();
        _post = _site.Parser.Parse(_sample.File);
    }

    [Benchmark(Baseline = true, Description = "Markdig default")]
    public string MarkdigDefault() => Markdown.ToHtml(_sample.Body);

    [Benchmark(Description = "Markdig + our extensions, no highlighting")]
    public string MarkdigExtensions() => Markdown.ToHtml(_sample.Body, PipelineWithoutHighlighting.Pipeline);

    [Benchmark(Description = "Markdig + our extensions (BlogMarkdown.Pipeline)")]
    public string MarkdigBlogPipeline() => Markdown.ToHtml(_sample.Body, BlogMarkdown.Pipeline);

    [Benchmark(Description = "PostRenderer.Render")]
    public RenderedPost PostRenderer() => _site.Renderer.Render(_post, _site.Links);
}

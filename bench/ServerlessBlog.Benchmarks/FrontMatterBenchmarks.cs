using BenchmarkDotNet.Attributes;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>Splitting a source file into front matter and body, and reading a whole post from its bytes.</summary>
[MemoryDiagnoser]
public class FrontMatterBenchmarks
{
    private PostSample _sample = null!;
    private PostParser _parser = null!;

    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = "typical";

    public static IEnumerable<string> Samples => PostSample.Names;

    [GlobalSetup]
    public void Setup()
    {
        _sample = PostSample.Load(Sample);
        _parser = new BenchmarkSite().Parser;
    }

    /// <summary>The YAML block found and read into values.</summary>
    [Benchmark(Baseline = true)]
    public SourceDocument FrontMatter() => FrontMatterParser.Parse(_sample.Text);

    /// <summary>Bytes to <see cref="Post"/>: decoding, front matter, dates, tags, slug.</summary>
    [Benchmark]
    public Post PostFromBytes() => _parser.Parse(_sample.File);
}

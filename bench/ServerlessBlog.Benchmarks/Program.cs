using BenchmarkDotNet.Running;
using ServerlessBlog.Bench.Benchmarks;

// --ratios: the per-post ratios in processor time (see RatioProbe). Anything else goes to BenchmarkDotNet:
// pick benchmarks with --filter, a shorter job with --job short; see bench/README.md.
if (args is ["--ratios"])
{
    RatioProbe.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PostSample).Assembly).Run(args);

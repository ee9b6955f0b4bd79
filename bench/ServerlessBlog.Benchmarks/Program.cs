using BenchmarkDotNet.Running;
using ServerlessBlog.Bench.Benchmarks;

// Pick benchmarks with --filter, a shorter job with --job short; see bench/README.md.
BenchmarkSwitcher.FromAssembly(typeof(PostSample).Assembly).Run(args);

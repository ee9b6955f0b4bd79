namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>A clock stopped after the corpus's last date, so every generated post is published in every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

namespace ServerlessBlog.Core.Tests;

/// <summary>A clock stopped at one instant, so that "now" in a build is known to the test.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

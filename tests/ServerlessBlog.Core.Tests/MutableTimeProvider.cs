namespace ServerlessBlog.Core.Tests;

/// <summary>A clock a test moves by hand, to see what happens when a post's date comes.</summary>
internal sealed class MutableTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

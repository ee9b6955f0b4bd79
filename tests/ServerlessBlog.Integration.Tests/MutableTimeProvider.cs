namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// A clock whose "now" a test moves by hand, to see what happens when a post's date comes.
/// Timers still run on real time, so the host's periodic work goes on.
/// </summary>
public sealed class MutableTimeProvider(DateTimeOffset now) : TimeProvider
{
    private long _ticks = now.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}

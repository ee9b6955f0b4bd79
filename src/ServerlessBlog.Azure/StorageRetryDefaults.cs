namespace ServerlessBlog.Azure;

/// <summary>
/// The one retry policy of every storage request the blog makes. The stores themselves never retry, so a transient
/// failure of a single request is retried here and nowhere else.
/// </summary>
public static class StorageRetryDefaults
{
    /// <summary>Retries after the first attempt: enough to ride out a throttling burst or a dropped connection.</summary>
    public const int MaxRetries = 5;

    /// <summary>The first back-off; each retry doubles it, with jitter.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest back-off between two attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>How long one network operation may stall before it is abandoned and retried.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(60);
}

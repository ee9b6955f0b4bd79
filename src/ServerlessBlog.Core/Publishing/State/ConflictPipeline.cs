using Polly;
using Polly.Retry;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>The one Polly pipeline of the publisher: retry a read-change-write step when another publisher won the race.</summary>
public static class ConflictPipeline
{
    /// <summary>Enough for hundreds of publishers updating the same document at once.</summary>
    public const int MaxRetryAttempts = 50;

    public static ResiliencePipeline Create(TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<StateConflictException>(),
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(10),
                MaxDelay = TimeSpan.FromMilliseconds(500),
            })
            .Build();
}

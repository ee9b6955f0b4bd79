using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Polly;
using Polly.Simmy;

namespace ServerlessBlog.Azure;

/// <summary>
/// Injects storage failures with Polly's chaos strategies into every attempt of every request, below the Azure SDK's
/// own retry (it sits at <see cref="HttpPipelinePosition.PerRetry"/>), so that the one owner of request retries is
/// exercised as a real outage would: latency, connections dropped before sending, 503 and 500 answers, and responses
/// lost after the service carried the request out. Counts what it injects. Thread-safe; built once per client.
/// </summary>
public sealed class StorageChaosPolicy : HttpPipelinePolicy
{
    private static readonly int[] ServerErrors = [503, 500];

    private readonly ResiliencePipeline<Response> _beforeSending;
    private readonly ResiliencePipeline _afterSending;
    private long _attempts;
    private long _faults;
    private long _outcomes;
    private long _lostResponses;
    private long _latencies;

    public StorageChaosPolicy(StorageChaosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RetryDelay = options.RetryDelay;

        // Chaos strategies go last in a pipeline; here they are the whole pipeline, around one attempt.
        _beforeSending = new ResiliencePipelineBuilder<Response>()
            .AddChaosLatency(new() { InjectionRate = options.LatencyRate, Latency = options.Latency, OnLatencyInjected = _ => Count(ref _latencies) })
            .AddChaosFault(new() { InjectionRate = options.FaultRate, FaultGenerator = _ => new(new IOException("Storage chaos: the connection dropped before the request was sent.")), OnFaultInjected = _ => Count(ref _faults) })
            .AddChaosOutcome(new Polly.Simmy.Outcomes.ChaosOutcomeStrategyOptions<Response>
            {
                InjectionRate = options.OutcomeRate,
                OutcomeGenerator = _ => new(Outcome.FromResult<Response>(new ChaosResponse(ServerErrors[Random.Shared.Next(ServerErrors.Length)]))),
                OnOutcomeInjected = _ => Count(ref _outcomes),
            })
            .Build();
        _afterSending = new ResiliencePipelineBuilder()
            .AddChaosFault(new() { InjectionRate = options.LostResponseRate, FaultGenerator = _ => new(new IOException("Storage chaos: the response was lost after the request was carried out.")), OnFaultInjected = _ => Count(ref _lostResponses) })
            .Build();
    }

    /// <summary>The SDK's first retry back-off while this policy is on, when the options set one.</summary>
    public TimeSpan? RetryDelay { get; }

    /// <summary>Attempts that went through this policy, retries included.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Attempts failed before sending.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>Attempts answered with an injected server error.</summary>
    public long Outcomes => Interlocked.Read(ref _outcomes);

    /// <summary>Attempts carried out whose response was then lost.</summary>
    public long LostResponses => Interlocked.Read(ref _lostResponses);

    /// <summary>Attempts delayed.</summary>
    public long Latencies => Interlocked.Read(ref _latencies);

    /// <summary>Attempts that failed, of every kind.</summary>
    public long Failures => Faults + Outcomes + LostResponses;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _attempts);
        message.Response = await _beforeSending.ExecuteAsync(
            static async (state, _) =>
            {
                await ProcessNextAsync(state.message, state.pipeline);
                return state.message.Response;
            },
            (message, pipeline),
            message.CancellationToken);
        await _afterSending.ExecuteAsync(static _ => ValueTask.CompletedTask, message.CancellationToken);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    private static ValueTask Count(ref long counter)
    {
        Interlocked.Increment(ref counter);
        return ValueTask.CompletedTask;
    }
}

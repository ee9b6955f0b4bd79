using System.ComponentModel.DataAnnotations;

namespace ServerlessBlog.Azure;

/// <summary>
/// Fault injection on every storage request (section <c>Blog:Chaos</c>), to prove the blog rides out failing storage.
/// Off unless <see cref="Enabled"/>: a test or a deliberate setting switches it on, never a default.
/// </summary>
public sealed class StorageChaosOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Blog:Chaos";

    public bool Enabled { get; set; }

    /// <summary>The share of requests that fail before they are sent, as a dropped connection does.</summary>
    [Range(0.0, 1.0)]
    public double FaultRate { get; set; }

    /// <summary>The share of requests answered with a server error (503 or 500) instead of being sent.</summary>
    [Range(0.0, 1.0)]
    public double OutcomeRate { get; set; }

    /// <summary>
    /// The share of requests whose response is lost after the storage service carried them out: a conditional write
    /// that succeeded, retried, meets its own ETag change.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LostResponseRate { get; set; }

    /// <summary>The share of requests delayed by <see cref="Latency"/>.</summary>
    [Range(0.0, 1.0)]
    public double LatencyRate { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The first back-off of the SDK's retry while chaos is on, when set: a test injecting thousands of failures need
    /// not wait out the production back-off each time. The number of retries stays the production one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan? RetryDelay { get; set; }
}

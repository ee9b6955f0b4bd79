using System.ComponentModel.DataAnnotations;

namespace ServerlessBlog.LocalHost;

/// <summary>Settings of the local trigger host only (section <c>LocalHost</c>).</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "LocalHost";

    /// <summary>How often to reconcile: what notices deleted posts and publishes those whose date has come.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(10);
}

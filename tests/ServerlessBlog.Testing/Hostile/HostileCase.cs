namespace ServerlessBlog.Testing.Hostile;

/// <summary>One upload of the hostile corpus and what must become of it.</summary>
/// <param name="Name">A short name for test reports.</param>
/// <param name="Path">Where it is uploaded, relative to the posts container or content root.</param>
/// <param name="Content">The bytes uploaded.</param>
/// <param name="Outcome">What must happen.</param>
/// <param name="Reason">For a rejection, text the recorded reason must contain.</param>
/// <param name="Slug">For a published post, the slug its page must be at.</param>
public sealed record HostileCase(string Name, string Path, byte[] Content, HostileOutcome Outcome, string? Reason = null, string? Slug = null)
{
    /// <summary>Whether the upload is a post (Markdown), not an asset.</summary>
    public bool IsPost => Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>The site file a published case must produce.</summary>
    public string? PublishedFile => Outcome != HostileOutcome.Published ? null : IsPost ? $"posts/{Slug}/index.html" : Path;

    public override string ToString() => Name;
}

using System.Text;
using ServerlessBlog.Core.Building;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Testing.Hostile;

/// <summary>
/// Uploads that are broken by mistake or hostile on purpose, each with the outcome it must have, and a small site
/// of good posts they are published into. Shared by the offline build tests, the trigger path tests on Azurite and
/// the browser tests, which load the pages <see cref="BuildSiteAsync"/> writes.
/// </summary>
public static class HostileCorpus
{
    public const string BaseUrl = "https://hostile.example/";

    /// <summary>The slug the baseline post <c>base/owner.md</c> holds, which one case tries to take.</summary>
    public const string TakenSlug = "taken-slug";

    /// <summary>"Now" for builds and publishes: after every dated case.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The options the corpus is built and published with: the defaults, on a base URL of its own.</summary>
    public static BlogOptions Options => new() { Title = "Hostile corpus", BaseUrl = BaseUrl, FeedItems = 100 };

    /// <summary>The good site every case is published into: two posts and an image.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> Baseline { get; } =
    [
        ("base/first.md", Utf8("---\ntitle: First good post\ndate: 2024-01-05T10:00:00Z\ntags: [base]\n---\nThe first **good** post.\n")),
        ("base/owner.md", Utf8($"---\ntitle: Owner of a slug\nslug: {TakenSlug}\ndate: 2024-01-10T10:00:00Z\ntags: [base]\n---\nThis post owns its slug.\n")),
        ("base/logo.svg", Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" fill=\"#0b5cad\"/></svg>")),
    ];

    /// <summary>The pages of the baseline posts: they must stay online whatever a case does.</summary>
    public static IReadOnlyList<string> BaselinePages { get; } = ["posts/first/index.html", $"posts/{TakenSlug}/index.html", "base/logo.svg"];

    public static IReadOnlyList<HostileCase> Cases { get; } = HostileCases.All();

    public static HostileCase Find(string name) => Cases.Single(c => c.Name == name);

    /// <summary>
    /// A good version of <paramref name="hostile"/>'s file, published before it in the trigger path tests: a rejected
    /// edit must leave this version online.
    /// </summary>
    public static byte[] PriorVersion(HostileCase hostile)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        return hostile.IsPost
            ? Utf8($"---\ntitle: Prior version of {hostile.Name}\nslug: {PriorSlug(hostile)}\ndate: 2024-02-01T10:00:00Z\ntags: [prior]\n---\nThe prior, good version.\n")
            : Baseline.Single(file => file.Path == "base/logo.svg").Content;
    }

    /// <summary>Whether a good version of the case's file exists to publish before it: a post, or an SVG image.</summary>
    public static bool HasPriorVersion(HostileCase hostile)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        return hostile.Outcome != HostileOutcome.Ignored && (hostile.IsPost || hostile.Path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The slug of <see cref="PriorVersion"/> of a post.</summary>
    public static string PriorSlug(HostileCase hostile)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        return $"prior-{hostile.Name}";
    }

    /// <summary>Writes the baseline and the cases (those given, or all) into <paramref name="contentFolder"/>.</summary>
    public static void WriteContent(string contentFolder, IEnumerable<HostileCase>? cases = null)
    {
        foreach (var (path, content) in Baseline.Concat((cases ?? Cases).Select(c => (c.Path, c.Content))))
        {
            var file = System.IO.Path.Combine(contentFolder, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, content);
            File.SetLastWriteTimeUtc(file, Now.AddDays(-1).UtcDateTime);
        }
    }

    /// <summary>
    /// Builds the whole hostile site (the baseline and every case) into <paramref name="outputFolder"/> with the
    /// offline builder, for tests that load its pages, such as in a browser.
    /// </summary>
    public static async Task<BuildReport> BuildSiteAsync(string outputFolder, CancellationToken cancellationToken = default)
    {
        var content = Directory.CreateTempSubdirectory("hostile-content-").FullName;
        try
        {
            WriteContent(content);
            return await new SiteBuilder(Options, new FixedTime(Now))
                .BuildAsync(new FolderContentSource(content), new FolderSiteStore(outputFolder), new BuildSettings(), cancellationToken);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

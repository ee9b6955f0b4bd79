using System.Text;
using ServerlessBlog.Bench.CorpusGenerator;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// The posts of the generated corpus (<c>bench/CorpusGenerator</c>'s planner and composer, seed 42), held in memory:
/// the same files <c>bench/run.sh</c> builds, byte for byte, without a disk.
/// </summary>
public sealed class SiteCorpus
{
    /// <summary>How many posts the site benchmark builds: enough for shared feeds, tag and month pages.</summary>
    public const int Posts = 200;

    /// <summary>How many posts the large site benchmark builds: the site-wide pages and feeds shared by ten times as many.</summary>
    public const int LargePosts = 2_000;

    public const int Seed = 42;

    /// <summary>After the last date the planner gives (five years from 2020), so every post is published.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset FileTime = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private SiteCorpus(ContentFile[] files, string[] bodies)
    {
        Files = files;
        Bodies = bodies;
    }

    /// <summary>The post files, as a content source hands them to the build.</summary>
    public IReadOnlyList<ContentFile> Files { get; }

    /// <summary>The Markdown after each post's front matter: what Markdig alone is given.</summary>
    public IReadOnlyList<string> Bodies { get; }

    public static SiteCorpus Generate(int posts = Posts, int seed = Seed)
    {
        var plans = PostPlanner.Plan(posts, seed);
        var composer = new PostComposer(plans);
        var files = new ContentFile[plans.Length];
        var bodies = new string[plans.Length];
        for (var i = 0; i < plans.Length; i++)
        {
            var text = composer.Compose(plans[i], seed);
            files[i] = new ContentFile($"posts/{plans[i].FileName}", Encoding.UTF8.GetBytes(text), FileTime);
            bodies[i] = FrontMatterParser.Parse(text).Body;
        }

        return new SiteCorpus(files, bodies);
    }
}

using System.Text;

namespace ServerlessBlog.Bench.CorpusGenerator;

/// <summary>Writes <c>site.yaml</c> and <c>posts/*.md</c> under the output folder.</summary>
internal sealed class CorpusWriter(GeneratorOptions options)
{
    public const string BaseUrl = "https://bench.example.org/";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the corpus and returns how many bytes of posts were written.</summary>
    public long Write()
    {
        var postsDirectory = Path.Combine(options.OutputDirectory, "posts");
        Directory.CreateDirectory(postsDirectory);

        // A rerun with fewer posts must not leave the posts of the earlier run behind.
        foreach (var stale in Directory.EnumerateFiles(postsDirectory, "*.md"))
        {
            File.Delete(stale);
        }

        File.WriteAllText(
            Path.Combine(options.OutputDirectory, "site.yaml"),
            $"title: \"Bench Blog\"\ndescription: \"A generated corpus for the build benchmark.\"\nbaseUrl: {BaseUrl}\n",
            Utf8);

        var plans = PostPlanner.Plan(options.Posts, options.Seed);
        var composer = new PostComposer(plans);
        long bytes = 0;
        Parallel.ForEach(plans, plan =>
        {
            var content = Utf8.GetBytes(composer.Compose(plan, options.Seed));
            File.WriteAllBytes(Path.Combine(postsDirectory, plan.FileName), content);
            Interlocked.Add(ref bytes, content.Length);
        });

        return bytes;
    }
}

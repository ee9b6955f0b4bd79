namespace ServerlessBlog.Bench.CorpusGenerator;

/// <summary>
/// One independent random stream per post and purpose, so posts can be written in parallel
/// and the corpus stays the same whatever the order of writing.
/// </summary>
internal static class Seeds
{
    public const int PlanStream = 1;
    public const int BodyStream = 2;

    // Random(int) keeps its legacy, documented-stable sequence for a given seed.
    public static Random ForPost(int seed, int index, int stream) =>
        new(unchecked((seed * 1_000_003) + (index * 31) + stream));
}

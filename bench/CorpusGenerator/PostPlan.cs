namespace ServerlessBlog.Bench.CorpusGenerator;

/// <summary>What is decided about a post before its body is written: the parts other posts may refer to.</summary>
internal sealed class PostPlan
{
    public required int Index { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset Date { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public string FileName => Slug + ".md";
}

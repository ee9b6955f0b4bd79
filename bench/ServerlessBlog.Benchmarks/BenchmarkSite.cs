using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Generation;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Theming;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// The long-lived objects a build holds, made once as <c>blog build</c> makes them, and the neighbours a post page
/// links to.
/// </summary>
public sealed class BenchmarkSite
{
    public BenchmarkSite()
    {
        Options = new BlogOptions
        {
            Title = "Bench Blog",
            Description = "A generated blog for the benchmarks.",
            BaseUrl = "https://bench.example.org/",
            Author = "Bench Author",
        };
        Parser = new PostParser(Options.MaxPostBytes);
        Renderer = new PostRenderer(new SiteUrls(Options.BaseUrl));
        Pages = new PageGenerator(Options, Theme.Default);
        Feeds = new FeedGenerator(Options);
        Links = new DictionaryLinkResolver(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["posts/a-field-guide-to-retries-part-2.md"] = "a-field-guide-to-retries-part-2",
        });
        Older = Neighbour("older-post", "An Older Post", new DateTimeOffset(2020, 5, 1, 0, 0, 0, TimeSpan.Zero));
        Newer = Neighbour("newer-post", "A Newer Post", new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero));
    }

    public BlogOptions Options { get; }

    public PostParser Parser { get; }

    public PostRenderer Renderer { get; }

    public PageGenerator Pages { get; }

    public FeedGenerator Feeds { get; }

    public IPostLinkResolver Links { get; }

    public PostSummary Older { get; }

    public PostSummary Newer { get; }

    private static PostSummary Neighbour(string slug, string title, DateTimeOffset date) => new()
    {
        Slug = slug,
        Title = title,
        SourcePath = $"posts/{slug}.md",
        Date = date,
        Tags = ["dotnet"],
        Excerpt = "A neighbour of the post being built.",
    };
}

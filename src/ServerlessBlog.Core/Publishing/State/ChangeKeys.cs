using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// The partitions a post change touches, from the post before it (absent for a new post) and after it (absent for a
/// removed one): what the index updates and what the page refresh reads and rewrites.
/// </summary>
internal static class ChangeKeys
{
    public static HashSet<(int Year, int Month)> Months(PostSummary? previous, PostSummary? current) =>
        Posts(previous, current).Select(post => (post.Date.UtcDateTime.Year, post.Date.UtcDateTime.Month)).ToHashSet();

    public static HashSet<int> Years(PostSummary? previous, PostSummary? current) =>
        Posts(previous, current).Select(post => post.Date.UtcDateTime.Year).ToHashSet();

    /// <summary>The slugs of the tags of either side.</summary>
    public static HashSet<string> Tags(PostSummary? previous, PostSummary? current) =>
        Posts(previous, current).SelectMany(post => post.Tags).Select(Slug.From).ToHashSet(StringComparer.Ordinal);

    /// <summary>The tag-and-year partitions of either side.</summary>
    public static HashSet<(string Tag, int Year)> TagYears(PostSummary? previous, PostSummary? current) =>
        Posts(previous, current).SelectMany(post => post.Tags.Select(tag => (Slug.From(tag), post.Date.UtcDateTime.Year))).ToHashSet();

    /// <summary>The redirect pages the aliases of either side claim.</summary>
    public static HashSet<string> RedirectPages(PostSummary? previous, PostSummary? current) =>
        Posts(previous, current).SelectMany(post => post.Aliases).Select(SitePaths.RedirectPageOf).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<PostSummary> Posts(PostSummary? previous, PostSummary? current) =>
        new[] { previous, current }.OfType<PostSummary>();
}

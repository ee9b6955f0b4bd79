using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// The page refreshes of one publish or removal, made with the theme it started with and noted, so that they can be
/// made again with a theme applied while it ran (whose whole rendering may have come before these pages were written).
/// Thread-safe: the steps of one operation may refresh at the same time.
/// </summary>
internal sealed class ThemedRefresh(SiteRendering rendering)
{
    private readonly List<(PostSummary? Previous, PostSummary? Current, IReadOnlyCollection<string> AlsoRender)> _refreshes = [];

    /// <summary>The theme's pages this operation renders with.</summary>
    public SiteRendering Rendering { get; } = rendering;

    public bool IsEmpty
    {
        get
        {
            lock (_refreshes)
            {
                return _refreshes.Count == 0;
            }
        }
    }

    /// <inheritdoc cref="PageRefresher.RefreshAsync"/>
    public Task<int> RefreshAsync(PostSummary? previous, PostSummary? current, IReadOnlyCollection<string> alsoRender, IndexSnapshot? known, CancellationToken cancellationToken)
    {
        lock (_refreshes)
        {
            _refreshes.Add((previous, current, alsoRender));
        }

        return Rendering.Refresher.RefreshAsync(previous, current, alsoRender, known, cancellationToken);
    }

    /// <summary>Makes every refresh of the operation again with <paramref name="newer"/>, from the index as it is now.</summary>
    /// <returns>The refreshes as made again, and how many site files they wrote or deleted.</returns>
    public async Task<(ThemedRefresh Again, int Changed)> ReplayAsync(SiteRendering newer, CancellationToken cancellationToken)
    {
        List<(PostSummary? Previous, PostSummary? Current, IReadOnlyCollection<string> AlsoRender)> made;
        lock (_refreshes)
        {
            made = [.. _refreshes];
        }

        var again = new ThemedRefresh(newer);
        var changed = 0;
        foreach (var (previous, current, alsoRender) in made)
        {
            changed += await again.RefreshAsync(previous, current, alsoRender, null, cancellationToken);
        }

        return (again, changed);
    }
}

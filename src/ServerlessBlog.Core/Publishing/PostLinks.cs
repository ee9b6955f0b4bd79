using ServerlessBlog.Core.Publishing.State;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Which files link to which posts, and which wait for a slug another file holds, kept so that a post published under
/// a new address can have the posts that link to it rendered again (a link names the target's file, and only the
/// target's publish knows the address it gets), and a file refused for a taken slug is published once it is freed.
/// Entries are only added: a file that no longer links to a post, or waits for a slug, is at worst published once more
/// for nothing.
/// </summary>
internal sealed class PostLinks(StateDocuments documents)
{
    /// <summary>Records that <paramref name="sourcePath"/> links to <paramref name="target"/>, before it reads the target's address.</summary>
    public Task AddAsync(string sourcePath, string target, CancellationToken cancellationToken) =>
        AddToAsync(StatePaths.LinksTo(target), sourcePath, cancellationToken);

    /// <summary>Records that <paramref name="sourcePath"/> was refused because another file's post holds <paramref name="slug"/>.</summary>
    public Task AddWaiterAsync(string slug, string sourcePath, CancellationToken cancellationToken) =>
        AddToAsync(StatePaths.WaitingFor(slug), sourcePath, cancellationToken);

    /// <summary>
    /// Marks the status of every file that links to <paramref name="targetPath"/> (<see cref="SourceRecord.Stale"/>),
    /// so that it is published again whatever its bytes.
    /// </summary>
    /// <returns>The files marked.</returns>
    public Task<IReadOnlyList<string>> MarkLinkingFilesChangedAsync(string targetPath, CancellationToken cancellationToken) =>
        MarkAsync(StatePaths.LinksTo(targetPath), cancellationToken);

    /// <summary>Marks the status of every file but <paramref name="freedBy"/> that waits for <paramref name="slug"/>, now free.</summary>
    /// <returns>The files marked.</returns>
    public Task<IReadOnlyList<string>> MarkWaitersAsync(string slug, string? freedBy, CancellationToken cancellationToken) =>
        MarkAsync(StatePaths.WaitingFor(slug), cancellationToken, freedBy);

    private async Task AddToAsync(string path, string sourcePath, CancellationToken cancellationToken)
    {
        var (known, version) = await documents.ReadAsync<List<string>>(path, cancellationToken);
        if (known?.Contains(sourcePath, StringComparer.Ordinal) == true)
        {
            return;
        }

        await documents.UpdateAsync<List<string>>(
            path,
            listed => listed?.Contains(sourcePath, StringComparer.Ordinal) == true ? listed : [.. (listed ?? []).Append(sourcePath).Order(StringComparer.Ordinal)],
            cancellationToken,
            new StateSnapshot<List<string>>(known, version));
    }

    private async Task<IReadOnlyList<string>> MarkAsync(string path, CancellationToken cancellationToken, string? except = null)
    {
        var (listed, _) = await documents.ReadAsync<List<string>>(path, cancellationToken);
        if (listed is null)
        {
            return [];
        }

        var marked = new List<string>();
        foreach (var sourcePath in listed.Where(listedPath => listedPath != except))
        {
            var update = await documents.UpdateAsync<SourceRecord>(
                StatePaths.Source(sourcePath),
                // A file with no status yet is being published for the first time, perhaps with the old address: its
                // publish finds the mark when it starts or ends, and is done again.
                status => status is { Stale: true } ? status : (status ?? SourceRecord.BeingPublished(sourcePath)) with { Stale = true },
                cancellationToken);
            if (update.Written is { Stale: true })
            {
                marked.Add(sourcePath);
            }
        }

        return marked;
    }
}

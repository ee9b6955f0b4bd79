using ServerlessBlog.Core.Publishing.State;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Which files link to which posts, kept so that a post published under a new address can have the posts that link to
/// it rendered again: a link names the target's file, and only the target's publish knows the address it gets.
/// Entries are only added: a file that no longer links to a post is at worst published once more for nothing.
/// </summary>
internal sealed class PostLinks(StateDocuments documents)
{
    /// <summary>Records that <paramref name="sourcePath"/> links to <paramref name="target"/>, before it reads the target's address.</summary>
    public async Task AddAsync(string sourcePath, string target, CancellationToken cancellationToken)
    {
        var path = StatePaths.LinksTo(target);
        var (known, version) = await documents.ReadAsync<List<string>>(path, cancellationToken);
        if (known?.Contains(sourcePath, StringComparer.Ordinal) == true)
        {
            return;
        }

        await documents.UpdateAsync<List<string>>(
            path,
            linking => linking?.Contains(sourcePath, StringComparer.Ordinal) == true ? linking : [.. (linking ?? []).Append(sourcePath).Order(StringComparer.Ordinal)],
            cancellationToken,
            new StateSnapshot<List<string>>(known, version));
    }

    /// <summary>
    /// Marks the status of every file that links to <paramref name="targetPath"/> (<see cref="SourceRecord.Stale"/>),
    /// so that it is published again whatever its bytes.
    /// </summary>
    /// <returns>The files marked.</returns>
    public async Task<IReadOnlyList<string>> MarkLinkingFilesChangedAsync(string targetPath, CancellationToken cancellationToken)
    {
        var (linking, _) = await documents.ReadAsync<List<string>>(StatePaths.LinksTo(targetPath), cancellationToken);
        if (linking is null)
        {
            return [];
        }

        var marked = new List<string>();
        foreach (var sourcePath in linking)
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

using ServerlessBlog.Core.Publishing.State;

namespace ServerlessBlog.Core.Publishing;

/// <summary>
/// Which files link to which posts, kept so that a post published under a new address can have the posts that link to
/// it rendered again: a link names the target's file, and only the target's publish knows the address it gets.
/// Entries are only added: a file that no longer links to a post is at worst published once more for nothing.
/// </summary>
internal sealed class PostLinks(StateDocuments documents)
{
    /// <summary>Records that <paramref name="sourcePath"/> links to each of <paramref name="targets"/>.</summary>
    public async Task AddAsync(string sourcePath, IReadOnlyCollection<string> targets, CancellationToken cancellationToken)
    {
        await Task.WhenAll(targets.Where(target => target != sourcePath).Select(async target =>
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
        }));
    }

    /// <summary>
    /// Marks the status of every file that links to <paramref name="targetPath"/> as out of date, so that a reconcile
    /// reads and publishes it again whatever its bytes.
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
                status => status is null ? null : status with { SourceHash = string.Empty, SourceVersion = null, SourceModified = DateTimeOffset.MinValue },
                cancellationToken);
            if (update.Written is not null)
            {
                marked.Add(sourcePath);
            }
        }

        return marked;
    }
}

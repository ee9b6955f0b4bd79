using System.Runtime.CompilerServices;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>A content root held in memory: the site benchmark measures the build, not a disk.</summary>
public sealed class MemoryContentSource : IContentSource
{
    private readonly Dictionary<string, ContentFile> _files;
    private readonly ContentEntry[] _entries;

    public MemoryContentSource(IEnumerable<ContentFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files.ToDictionary(file => file.Path, StringComparer.Ordinal);
        _entries = _files.Values
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .Select(file => new ContentEntry(file.Path, file.LastModified, file.Content.Length, file.Version))
            .ToArray();
    }

    public async IAsyncEnumerable<ContentEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var entry in _entries)
        {
            yield return entry;
        }
    }

    public ValueTask<ContentFile> ReadAsync(ContentEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ValueTask.FromResult(_files[entry.Path]);
    }
}

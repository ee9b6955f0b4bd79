using System.Runtime.CompilerServices;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

/// <summary>Content files held in memory, listed in path order; a test can act just after the listing went past them.</summary>
internal sealed class MemoryContentSource : IContentSource
{
    public Dictionary<string, ContentFile> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Uploads <paramref name="text"/> as <paramref name="path"/>, stamped with the corpus's file time.</summary>
    public ContentFile Upload(string path, string text, string version)
    {
        var file = new ContentFile(path, System.Text.Encoding.UTF8.GetBytes(text), GoldenCorpus.FileTime, version);
        Files[path] = file;
        return file;
    }

    /// <summary>Runs once the last file has been listed, before the listing ends.</summary>
    public Func<Task>? AfterListing { get; set; }

    public async IAsyncEnumerable<ContentEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var file in Files.Values.OrderBy(file => file.Path, StringComparer.Ordinal).ToList())
        {
            yield return new ContentEntry(file.Path, file.LastModified, file.Content.Length, file.Version);
        }

        if (AfterListing is { } after)
        {
            await after();
        }
    }

    public ValueTask<ContentFile> ReadAsync(ContentEntry entry, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Files[entry.Path]);
}

using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Storage;

/// <summary>Reads the content root from a local folder.</summary>
public sealed class FolderContentSource : IContentSource
{
    private readonly string _root;
    private readonly string? _excluded;

    /// <param name="root">The content root.</param>
    /// <param name="excludedFolder">
    /// A folder inside the root whose files are not content: the site built into <c>public/</c> of the folder the
    /// build runs in, when that is the content root, must not be read back in as assets by the next build.
    /// </param>
    public FolderContentSource(string root, string? excludedFolder = null)
    {
        _root = Path.GetFullPath(root);
        if (!Directory.Exists(_root))
        {
            throw new DirectoryNotFoundException($"The content folder '{root}' does not exist.");
        }

        if (excludedFolder is not null)
        {
            _excluded = Path.TrimEndingDirectorySeparator(Path.GetFullPath(excludedFolder)) + Path.DirectorySeparatorChar;
        }
    }

    public async IAsyncEnumerable<ContentEntry> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = true };
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", options).OrderBy(file => file.FullName, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_excluded is not null && file.FullName.StartsWith(_excluded, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            yield return new ContentEntry(relative, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), file.Length, VersionOf(file));
        }

        await Task.CompletedTask;
    }

    public async ValueTask<ContentFile> ReadAsync(ContentEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_root, entry.Path), cancellationToken);
        return new ContentFile(entry.Path, bytes, entry.LastModified, entry.Version);
    }

    private static string VersionOf(FileInfo file) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file.LastWriteTimeUtc.Ticks}-{file.Length}");
}

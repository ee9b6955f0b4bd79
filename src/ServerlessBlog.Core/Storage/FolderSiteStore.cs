using System.Runtime.CompilerServices;

namespace ServerlessBlog.Core.Storage;

/// <summary>
/// Publishes the site to a local folder, ready for any static file server.
/// A file whose bytes are unchanged is not rewritten, so its timestamp says when it really changed.
/// </summary>
public sealed class FolderSiteStore : ISiteStore
{
    private readonly string _root;

    public FolderSiteStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public async ValueTask<bool> WriteAsync(SiteFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = Resolve(file.Path);
        var existing = new FileInfo(path);
        if (existing.Exists && existing.Length == file.Content.Length
            && (await File.ReadAllBytesAsync(path, cancellationToken)).AsSpan().SequenceEqual(file.Content.Span))
        {
            return false;
        }

        if (!existing.Exists)
        {
            // Nobody can be reading a file that is not there yet: write it in place. A deletion that emptied the
            // folder may remove it between the two steps: then make it again.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
            }

            return true;
        }

        // Write beside the target and move it into place, so a reader never sees half a file.
        var temporary = $"{path}.{Environment.CurrentManagedThreadId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, file.Content, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // A cancelled or failed write must not leave its temporary file in the site for a server to hand out.
            File.Delete(temporary);
            throw;
        }

        return true;
    }

    public async ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        return File.Exists(full) ? await File.ReadAllBytesAsync(full, cancellationToken) : null;
    }

    public ValueTask DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        try
        {
            File.Delete(full);
        }
        catch (DirectoryNotFoundException)
        {
            // Never written, as a page a publish stopped before: there is nothing to delete.
            return ValueTask.CompletedTask;
        }

        RemoveEmptyFolders(Path.GetDirectoryName(full)!);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Removes the folders a deletion left empty, up to the root: a static file server would list an empty folder
    /// where a deleted page's address should give the 404 page.
    /// </summary>
    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > _root.Length && folder.StartsWith(_root, StringComparison.Ordinal))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    return;
                }

                Directory.Delete(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone already, or filled again by a write meanwhile: either way it is not ours to remove.
                return;
            }

            folder = Path.GetDirectoryName(folder)!;
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None };
        foreach (var file in Directory.EnumerateFiles(_root, "*", options).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return relative;
            }
        }

        await Task.CompletedTask;
    }

    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"The path '{path}' is outside the site folder.", nameof(path));
    }
}

using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessBlog.Core.Storage;

/// <summary>
/// Keeps the publisher's state in a local folder. As a blob's ETag does, a document's version changes with every write,
/// even of the same bytes: each file starts with its version on a line of its own (after a NUL byte, which no JSON
/// document starts with), and is written whole and renamed into place, so bytes and version change together.
/// Compare-and-write is atomic within one process, across every instance on the same folder (a lock per path), which
/// is what a folder-backed site has: the publishers of one process.
/// </summary>
public sealed class FolderStateStore : IStateStore
{
    private const int VersionLength = 32;
    private static readonly SemaphoreSlim[] Locks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    private readonly string _root;

    public FolderStateStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public async ValueTask<StoredDocument?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        byte[] file;
        try
        {
            file = await File.ReadAllBytesAsync(full, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        // A file without the version line (written before versions were kept) is versioned by its bytes.
        return file.Length >= VersionLength + 2 && file[0] == 0 && file[VersionLength + 1] == (byte)'\n'
            ? new StoredDocument(file.AsMemory(VersionLength + 2).ToArray(), Encoding.ASCII.GetString(file, 1, VersionLength))
            : new StoredDocument(file, Convert.ToHexString(SHA256.HashData(file)));
    }

    public async ValueTask<string?> GetVersionAsync(string path, CancellationToken cancellationToken = default) =>
        (await ReadAsync(path, cancellationToken))?.Version;

    public async ValueTask<string?> TryWriteAsync(string path, ReadOnlyMemory<byte> content, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        var gate = LockFor(path);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if ((await ReadAsync(path, cancellationToken))?.Version != expectedVersion)
            {
                return null;
            }

            var full = Resolve(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var version = Guid.NewGuid().ToString("N");
            var file = new byte[VersionLength + 2 + content.Length];
            Encoding.ASCII.GetBytes(version, file.AsSpan(1));
            file[VersionLength + 1] = (byte)'\n';
            content.Span.CopyTo(file.AsSpan(VersionLength + 2));
            var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temporary, file, cancellationToken);
            File.Move(temporary, full, overwrite: true);
            return version;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask<bool> TryDeleteAsync(string path, string expectedVersion, CancellationToken cancellationToken = default)
    {
        var gate = LockFor(path);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = await ReadAsync(path, cancellationToken);
            if (current is null)
            {
                return true;
            }

            if (current.Version != expectedVersion)
            {
                return false;
            }

            File.Delete(Resolve(path));
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None };
        foreach (var file in Directory.EnumerateFiles(_root, "*", options).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith(prefix, StringComparison.Ordinal) && !relative.EndsWith(".tmp", StringComparison.Ordinal))
            {
                yield return relative;
            }
        }

        await Task.CompletedTask;
    }

    private SemaphoreSlim LockFor(string path) => Locks[(int)((uint)StringComparer.Ordinal.GetHashCode(Resolve(path)) % (uint)Locks.Length)];

    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"The path '{path}' is outside the state folder.", nameof(path));
    }
}

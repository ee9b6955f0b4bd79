using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace ServerlessBlog.Core.Storage;

/// <summary>
/// Keeps the publisher's state in a local folder. A version is the SHA-256 of a document's bytes; compare-and-write
/// is atomic within one process (a lock per path), which is what a folder-backed site has: one publisher at a time.
/// </summary>
public sealed class FolderStateStore : IStateStore
{
    private readonly string _root;
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public FolderStateStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public async ValueTask<StoredDocument?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        if (!File.Exists(full))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(full, cancellationToken);
        return new StoredDocument(bytes, VersionOf(bytes));
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
            var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            File.Move(temporary, full, overwrite: true);
            return VersionOf(content.Span);
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

    private static string VersionOf(ReadOnlySpan<byte> content) => Convert.ToHexString(SHA256.HashData(content));

    private SemaphoreSlim LockFor(string path) => _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % (uint)_locks.Length)];

    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"The path '{path}' is outside the state folder.", nameof(path));
    }
}

using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessBlog.Core.Storage;

/// <summary>
/// Keeps the publisher's state in a local folder. As a blob's ETag does, a document's version changes with every write,
/// even of the same bytes: it is kept beside the document (<c>{name}.version</c>), written after it. Compare-and-write
/// is atomic within one process, across every instance on the same folder (a lock per path), which is what a
/// folder-backed site has: the publishers of one process.
/// </summary>
public sealed class FolderStateStore : IStateStore
{
    private const string VersionSuffix = ".version";
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
        while (true)
        {
            // The version is written after the bytes: read it before and after them, and again if a write came between.
            var before = await VersionOfAsync(full, cancellationToken);
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(full, cancellationToken);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }

            var after = await VersionOfAsync(full, cancellationToken);
            if (before == after)
            {
                return new StoredDocument(bytes, after ?? Convert.ToHexString(SHA256.HashData(bytes)));
            }
        }
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
            await ReplaceAsync(full, content, cancellationToken);
            await ReplaceAsync(full + VersionSuffix, Encoding.ASCII.GetBytes(version), cancellationToken);
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
            File.Delete(Resolve(path) + VersionSuffix);
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
            if (relative.StartsWith(prefix, StringComparison.Ordinal) && !relative.EndsWith(".tmp", StringComparison.Ordinal) && !relative.EndsWith(VersionSuffix, StringComparison.Ordinal))
            {
                yield return relative;
            }
        }

        await Task.CompletedTask;
    }

    /// <summary>The version kept beside a document; null when there is none (a document written before versions were kept).</summary>
    private static async Task<string?> VersionOfAsync(string full, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(full + VersionSuffix, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task ReplaceAsync(string full, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, full, overwrite: true);
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

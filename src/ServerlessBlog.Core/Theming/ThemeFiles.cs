using System.Security.Cryptography;
using System.Text;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Theming;

/// <summary>The files of the content root's <c>_theme/</c> folder that replace files of the default theme.</summary>
public static class ThemeFiles
{
    /// <summary>Whether <paramref name="path"/> (relative to the content root) replaces a file of the theme, such as <c>_theme/post.liquid</c>.</summary>
    public static bool IsThemeFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith(ContentPaths.ThemeFolder, StringComparison.Ordinal) && Theme.IsThemeFile(path[ContentPaths.ThemeFolder.Length..]);
    }

    /// <summary>Reads the theme files among <paramref name="entries"/>: file name (<c>post.liquid</c>) to its text.</summary>
    /// <remarks>A file deleted since it was listed is left out, as if it had not been listed.</remarks>
    public static async Task<SortedDictionary<string, string>> ReadAsync(IContentSource source, IEnumerable<ContentEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(entries);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(entry => IsThemeFile(entry.Path)))
        {
            try
            {
                var file = await source.ReadAsync(entry, cancellationToken);
                files[entry.Path[ContentPaths.ThemeFolder.Length..]] = SourceText.Decode(file.Content.Span);
            }
            catch (FileNotFoundException)
            {
            }
        }

        return files;
    }

    /// <summary>Lists the content and reads its theme files.</summary>
    public static async Task<SortedDictionary<string, string>> ReadAsync(IContentSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entries = new List<ContentEntry>();
        await foreach (var entry in source.ListAsync(cancellationToken))
        {
            if (IsThemeFile(entry.Path))
            {
                entries.Add(entry);
            }
        }

        return await ReadAsync(source, entries, cancellationToken);
    }

    /// <summary>What tells one set of theme files from another: the SHA-256 of their names and texts.</summary>
    public static string Fingerprint(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, text) in files.OrderBy(file => file.Key, StringComparer.Ordinal))
        {
            // Lengths first, so that no two sets of names and texts hash the same bytes.
            hash.AppendData(Encoding.UTF8.GetBytes($"{name.Length}:{name}{text.Length}:"));
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

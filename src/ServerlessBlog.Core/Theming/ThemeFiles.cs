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
        return ContentPaths.IsInThemeFolder(path) && Theme.IsThemeFile(path[ContentPaths.ThemeFolder.Length..]);
    }

    /// <summary>Reads the theme files among <paramref name="entries"/>, in path order.</summary>
    /// <remarks>A file deleted since it was listed is left out, as if it had not been listed.</remarks>
    public static async Task<IReadOnlyList<ContentFile>> ReadAsync(IContentSource source, IEnumerable<ContentEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(entries);
        var files = new List<ContentFile>();
        foreach (var entry in entries.Where(entry => IsThemeFile(entry.Path)).OrderBy(entry => entry.Path, StringComparer.Ordinal))
        {
            try
            {
                files.Add(await source.ReadAsync(entry, cancellationToken));
            }
            catch (FileNotFoundException)
            {
            }
        }

        return files;
    }

    /// <summary>Lists the theme files of the content.</summary>
    public static async Task<IReadOnlyList<ContentEntry>> ListAsync(IContentSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entries = new List<ContentEntry>();
        await foreach (var entry in source.ListAsync(ContentPaths.ThemeFolder, cancellationToken))
        {
            if (IsThemeFile(entry.Path))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>Lists the theme files of the content and reads them.</summary>
    public static async Task<IReadOnlyList<ContentFile>> ReadAsync(IContentSource source, CancellationToken cancellationToken = default) =>
        await ReadAsync(source, await ListAsync(source, cancellationToken), cancellationToken);

    /// <summary>The files as the theme takes them: file name (<c>post.liquid</c>) to its text.</summary>
    public static SortedDictionary<string, string> Texts(IEnumerable<ContentFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            texts[file.Path[ContentPaths.ThemeFolder.Length..]] = SourceText.Decode(file.Content.Span);
        }

        return texts;
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

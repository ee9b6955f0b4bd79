using ServerlessBlog.Cli.CommandLine;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Cli.Uploading;

/// <summary>
/// Turns the files and folders an author names into content paths. A path is relative to the content root: the
/// nearest folder at or above the input that holds a <c>site.yaml</c>, else the named folder, else the file's folder.
/// So <c>blog publish blog/posts/hello.md</c> uploads <c>posts/hello.md</c>, as <c>blog publish blog</c> would.
/// </summary>
internal static class ContentFiles
{
    /// <summary>The files to upload: what the site publishes and the theme files; not hidden files or <c>site.yaml</c>.</summary>
    public static IReadOnlyList<LocalContentFile> Resolve(IEnumerable<FileSystemInfo> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var files = new Dictionary<string, LocalContentFile>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            foreach (var file in Expand(input))
            {
                files.TryAdd(file.Path, file);
            }
        }

        return files.Values.OrderBy(file => file.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The content root of <paramref name="input"/>, whose <c>site.yaml</c> gives the blog's settings.</summary>
    public static string RootOf(FileSystemInfo input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var start = input is DirectoryInfo folder ? folder : ((FileInfo)input).Directory!;
        for (var current = start; current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, ContentPaths.SiteConfiguration)))
            {
                return current.FullName;
            }
        }

        return start.FullName;
    }

    /// <summary>The content path of a file under <paramref name="root"/>, with forward slashes.</summary>
    public static string PathUnder(string root, string localPath) =>
        Path.GetRelativePath(root, localPath).Replace(Path.DirectorySeparatorChar, '/');

    private static IEnumerable<LocalContentFile> Expand(FileSystemInfo input)
    {
        input.Refresh();
        if (!input.Exists)
        {
            throw new CommandFailure($"{input} does not exist");
        }

        var root = RootOf(input);
        var locals = input is DirectoryInfo folder
            ? Directory.EnumerateFiles(folder.FullName, "*", SearchOption.AllDirectories)
            : [input.FullName];
        foreach (var local in locals)
        {
            var path = PathUnder(root, local);
            if (ContentPaths.IsUploaded(path))
            {
                yield return new LocalContentFile(local, path);
            }
        }
    }
}

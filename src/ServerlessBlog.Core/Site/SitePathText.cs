namespace ServerlessBlog.Core.Site;

/// <summary>Normalises the relative paths authors write (aliases, links, asset names) to safe site paths.</summary>
public static class SitePathText
{
    /// <summary>
    /// Normalises <paramref name="path"/> (leading slash optional, <c>.</c> and <c>..</c> resolved)
    /// to a site path without a leading slash; a path ending in <c>/</c> keeps it.
    /// </summary>
    /// <returns>The path, or <see langword="null"/> when it leaves the site root, is empty, or names a hidden file.</returns>
    public static string? NormalizeRelative(string path) => Combine(string.Empty, path);

    /// <summary>Resolves <paramref name="relative"/> against the folder <paramref name="directory"/> (both site paths).</summary>
    public static string? Combine(string directory, string relative)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(relative);
        if (relative.Contains('\\', StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var isAbsolute = relative.StartsWith('/');
        var segments = new List<string>();
        if (!isAbsolute)
        {
            segments.AddRange(directory.Split('/', StringSplitOptions.RemoveEmptyEntries));
        }

        foreach (var segment in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (segment)
            {
                case ".":
                    continue;
                case "..":
                    if (segments.Count == 0)
                    {
                        return null;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    continue;
                default:
                    if (segment.StartsWith('.'))
                    {
                        return null;
                    }

                    segments.Add(segment);
                    continue;
            }
        }

        if (segments.Count == 0)
        {
            return null;
        }

        var joined = string.Join('/', segments);
        return relative.EndsWith('/') ? joined + "/" : joined;
    }

    /// <summary>The folder part of a site path, with a trailing slash, or empty at the root.</summary>
    public static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..(slash + 1)];
    }
}

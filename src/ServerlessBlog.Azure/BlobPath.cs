namespace ServerlessBlog.Azure;

/// <summary>Checks the relative paths the stores turn into blob names.</summary>
internal static class BlobPath
{
    private const char Separator = '/';

    /// <summary>
    /// Returns <paramref name="path"/> when it is a plain relative path: no leading or doubled slash, no backslash,
    /// no <c>.</c> or <c>..</c> segment. A URI resolves dot segments, so <c>../posts/x</c> in the site container
    /// would address another container.
    /// </summary>
    public static string Validate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path '{path}' must use forward slashes.", nameof(path));
        }

        foreach (var segment in path.Split(Separator))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                throw new ArgumentException($"The path '{path}' is not a plain relative path.", nameof(path));
            }
        }

        return path;
    }

    /// <summary>Returns <paramref name="prefix"/> when it is empty or the start of a plain relative path.</summary>
    public static string ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return prefix.Length == 0 || prefix.EndsWith(Separator) ? ValidateFolder(prefix) : Validate(prefix);
    }

    private static string ValidateFolder(string prefix)
    {
        if (prefix.Length > 0)
        {
            Validate(prefix[..^1]);
        }

        return prefix;
    }
}

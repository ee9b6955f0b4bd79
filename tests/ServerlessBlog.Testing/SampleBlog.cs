namespace ServerlessBlog.Testing;

/// <summary>The repository's sample blog (<c>samples/blog</c>), copied for tests that change it or build inside it.</summary>
public static class SampleBlog
{
    public static string Folder { get; } = System.IO.Path.Combine(RepositoryRoot.Path, "samples", "blog");

    /// <summary>Copies the sample blog into a new temporary folder named after <paramref name="prefix"/>; the caller deletes it.</summary>
    public static string CopyToTemporaryFolder(string prefix)
    {
        var target = Directory.CreateTempSubdirectory(prefix).FullName;
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
